import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ideasMap, insertIdea, type IdeaInput } from '../../shared';
import { BoardSense } from '../../server/sensemaking/board-sense';
import type { TextEmbedder } from '../../server/sensemaking/embedder';
import { normalise, textFeatures, foldDanish } from '../../server/sensemaking/text';
import { SimilarityIndex } from '../../server/sensemaking/similarity-index';
import { suggestThemes } from '../../server/sensemaking/themes';

const idea = (id: string, text: string, questionId: string | null = null): IdeaInput => ({
  id,
  text,
  authorId: 'author-0001',
  authorName: null,
  contributorType: null,
  organisation: null,
  createdAt: 1,
  updatedAt: 1,
  phase: null,
  principle: null,
  track: null,
  beacons: [],
  questionId,
  position: 'a0',
  clusterId: null,
});

const words = (text: string) => [...textFeatures(text, 'da').counts.keys()].filter((key) => key.startsWith('w:'));

describe('text handling', () => {
  it('folds case, punctuation and keyboard-less Danish letters', () => {
    expect(normalise('Flere CYKELSTIER!! – til skolen?')).toBe('flere cykelstier til skolen');
    expect(foldDanish('groenne omraader paa ishoej')).toBe('grønne områder på ishøj');
    expect(words('Grønne områder i Ishøj')).toEqual(words('Groenne omraader i Ishoej'));
  });

  it('stems Danish and English and drops stopwords', () => {
    expect(words('legepladser')).toEqual(words('legeplads'));
    expect(words('og i at det')).toEqual([]);
    expect(textFeatures('More bike lanes for the children', 'da').language).toBe('en');
    expect(textFeatures('Flere cykelstier til børnene', 'en').language).toBe('da');
  });

  it('lets compounds meet their parts through character n-grams', () => {
    const index = new SimilarityIndex('da');
    index.upsert('a', 'cykelsti');
    index.upsert('b', 'cykelstierne');
    index.upsert('c', 'sti til cykler');
    index.upsert('d', 'bibliotekets åbningstider');
    expect(index.pair('a', 'b')).toBeGreaterThan(0.5);
    expect(index.pair('a', 'c')).toBeGreaterThan(index.pair('a', 'd'));
    expect(index.query('cykelstierne', { limit: 2 }).map((hit) => hit.id).sort()).toEqual(['a', 'b']);
    expect(index.query('cykelstierne', { limit: 4, minScore: 0.15 }).map((hit) => hit.id)).not.toContain('d');
  });
});

describe('a board index follows the document', () => {
  it('indexes a board as it loads and follows adds, edits and deletes at once', async () => {
    const doc = new Y.Doc();
    insertIdea(doc, idea('i1', 'Flere cykelstier til skolerne', 'q1'));
    insertIdea(doc, idea('i2', 'Længere åbningstider på biblioteket', 'q1'));
    insertIdea(doc, idea('i3', 'Sikre cykelstier langs vejen', 'q2'));
    const sense = new BoardSense(doc);
    expect(sense.similarToText('cykelsti til skolen', 3).map((hit) => hit.id)).toEqual(['i1', 'i3']);
    expect(sense.similarToText('cykelsti til skolen', 3, 'q2').map((hit) => hit.id)).toEqual(['i3']);

    // An edit changes the answer in the very next query.
    ideasMap(doc).get('i1')!.set('text', 'Flere bænke i parken');
    expect(sense.similarToText('cykelsti til skolen', 3).map((hit) => hit.id)).toEqual(['i3']);
    expect(sense.similarToIdea('i3', 3).map((hit) => hit.id)).not.toContain('i1');

    // So does a delete (hidden and deleted ideas leave the document).
    ideasMap(doc).delete('i3');
    expect(sense.similarToText('cykelsti', 3)).toEqual([]);
    expect(sense.visible('i3')).toBe(false);

    insertIdea(doc, idea('i4', 'Cykelstier til alle skoler', 'q1'));
    expect(sense.similarToText('cykelsti', 3).map((hit) => hit.id)).toEqual(['i4']);
    // In the background too, without a query forcing it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sense.index.has('i4')).toBe(true);
    sense.close();
  });

  it('gives no themes below five visible ideas, with a reason', () => {
    expect(suggestThemes([{ id: 'a', text: 'Cykelsti' }], 'da')).toEqual({ themes: [], reason: 'TOO_FEW_IDEAS' });
  });

  it('blends a local embedder in when one is configured', async () => {
    // A stand-in for a local model: ideas about the same topic get the same vector, whatever
    // their words. Real models plug in through the same interface.
    const topic = (text: string) => (/bus|tog|rejse|transport/i.test(text) ? 0 : /bog|læs|bibliotek/i.test(text) ? 1 : 2);
    const embedder: TextEmbedder = {
      dimensions: 3,
      embed: async (texts) => texts.map((text) => Float32Array.from([0, 1, 2].map((axis) => (axis === topic(text) ? 1 : 0)))),
    };
    const doc = new Y.Doc();
    insertIdea(doc, idea('bus', 'Flere afgange med bussen om aftenen'));
    insertIdea(doc, idea('lib', 'Læseklub for børn'));
    insertIdea(doc, idea('park', 'Bænke i parken'));
    const plain = new BoardSense(doc);
    expect(await plain.similarToTextBlended('Bedre offentlig transport', 3)).toEqual([]);
    const blended = new BoardSense(doc, 'da', embedder);
    expect((await blended.similarToTextBlended('Bedre offentlig transport', 3))[0]?.id).toBe('bus');
    plain.close();
    blended.close();
  });
});
