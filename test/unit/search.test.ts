import { describe, expect, it } from 'vitest';
import type { Idea } from '../../shared';
import { compileQuery, foldText, matchesQuery, queryWords, searchableComments, searchableText } from '../../client/board/search';

let n = 0;
function idea(text: string, extra: Partial<Idea> = {}): Idea {
  n += 1;
  return {
    id: `idea-${n}`,
    text,
    authorId: 'author-1',
    authorName: null,
    contributorType: null,
    organisation: null,
    createdAt: 0,
    updatedAt: 0,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: 'a0',
    clusterId: null,
    ...extra,
  };
}

const finds = (query: string, text: string): boolean => matchesQuery(idea(text), query);

/** å written as a + combining ring above, as some Mac keyboards and pasted PDFs give it. */
const DECOMPOSED_A = 'a\u030A';

describe('foldText', () => {
  it('lower-cases Danish capitals and composes a decomposed å', () => {
    expect(foldText('ÆRØ ÅEN')).toBe('ærø åen');
    expect(foldText(`P${DECOMPOSED_A}skeliljer`)).toBe('påskeliljer');
    expect(foldText(`${'A\u030A'}rhus`)).toBe('århus');
  });

  it('drops optional accents but keeps æ, ø and å as letters', () => {
    expect(foldText('Idé til en café på Strandallé')).toBe('ide til en cafe på strandalle');
    expect(foldText('Ærø, Øster Ålbæk')).toBe('ærø, øster ålbæk');
  });
});

describe('queryWords', () => {
  it('has no words for an empty or blank query', () => {
    expect(queryWords('')).toEqual([]);
    expect(queryWords('   \t ')).toEqual([]);
    expect(compileQuery('  ')).toBeNull();
  });

  it('splits on any whitespace and drops repeats', () => {
    expect(queryWords('  Bænke\tved  stranden bænke ')).toEqual(['bænke', 'ved', 'stranden']);
  });
});

describe('matchesQuery', () => {
  it('finds everything with an empty query', () => {
    expect(finds('', 'Hvad som helst')).toBe(true);
    expect(finds('   ', 'Hvad som helst')).toBe(true);
  });

  it('ignores case, mixed case included', () => {
    expect(finds('ØSTER', 'Cykelsti til østerbro')).toBe(true);
    expect(finds('østerbro', 'CYKELSTI TIL ØSTERBRO')).toBe(true);
    expect(finds('iShØj StRaNd', 'Ishøj Strand som samlingssted')).toBe(true);
    expect(finds('ærø', 'En tur til ÆRØ')).toBe(true);
    expect(finds('ÆRØ', 'En tur til ærø')).toBe(true);
  });

  it('treats a decomposed å as the composed one, on either side', () => {
    expect(finds(`p${DECOMPOSED_A}ske`, 'Påskejagt i parken')).toBe(true);
    expect(finds('påske', `P${DECOMPOSED_A}skejagt i parken`)).toBe(true);
  });

  it('treats "aa" as å both ways (the old spelling)', () => {
    expect(finds('aarhus', 'Samarbejde med Århus')).toBe(true);
    expect(finds('Århus', 'Samarbejde med Aarhus')).toBe(true);
    expect(finds('gaard', 'Fællesspisning på gården')).toBe(true);
    expect(finds('gård', 'Gaardbutik ved Tranegilde')).toBe(true);
    expect(finds('AA', 'Et nyt bålsted')).toBe(true);
    // A lone a is still just an a.
    expect(finds('a', 'Et bål')).toBe(false);
    expect(finds('arhus', 'Århus')).toBe(false);
  });

  it('lets ae and oe stand for æ and ø, but not the other way round', () => {
    expect(finds('oesterbro', 'Østerbro')).toBe(true);
    expect(finds('aeroe', 'Ærø')).toBe(true);
    expect(finds('faellesskab', 'Fællesskab for alle')).toBe(true);
    // Ordinary letter pairs in words and names are not taken for æ or ø.
    expect(finds('ø', 'Poesi i biblioteket')).toBe(false);
    expect(finds('æ', 'Michael fra Israel')).toBe(false);
    // And the pairs still find themselves.
    expect(finds('poesi', 'Poesi i biblioteket')).toBe(true);
    expect(finds('michael', 'Michael fra Israel')).toBe(true);
  });

  it('never takes ø for o or æ for a or e', () => {
    expect(finds('bon', 'Bøn og stilhed')).toBe(false);
    expect(finds('for', 'Før og efter')).toBe(false);
    expect(finds('baer', 'Bær i haven')).toBe(true); // "ae" typed for æ
    expect(finds('bar', 'Bær i haven')).toBe(false);
    expect(finds('ber', 'Bær i haven')).toBe(false);
  });

  it('drops optional accents in the query too', () => {
    expect(finds('idé', 'En god ide')).toBe(true);
    expect(finds('ide', 'En god idé')).toBe(true);
    expect(finds('cafe', 'Café i kulturhuset')).toBe(true);
  });

  it('needs every word (AND), anywhere and in any order', () => {
    expect(finds('stranden bænke', 'Flere bænke langs stranden')).toBe(true);
    expect(finds('bænke skoven', 'Flere bænke langs stranden')).toBe(false);
  });

  it('searches the author name and the organisation, not across fields', () => {
    const i = idea('Lektiecafé for alle', { authorName: 'Søren Aagaard', organisation: 'Ishøj Ungdomsråd' });
    expect(matchesQuery(i, 'søren')).toBe(true);
    expect(matchesQuery(i, 'Ågård')).toBe(true);
    expect(matchesQuery(i, 'ungdomsraad')).toBe(true);
    expect(matchesQuery(i, 'lektiecafe ungdomsråd søren')).toBe(true);
    // A word does not run from the text into the name.
    expect(matchesQuery(i, 'allesøren')).toBe(false);
  });

  it('escapes what would be special in a pattern', () => {
    expect(finds('(2035)', 'Vision (2035) for alle')).toBe(true);
    expect(finds('a.b', 'axb')).toBe(false);
    expect(finds('[aa]', 'Tekst med [å] i')).toBe(true);
  });
});

describe('searchableText', () => {
  it('is worked out once per idea object and again for a changed idea', () => {
    const first = idea('Grønne tage');
    const text = searchableText(first);
    expect(searchableText(first)).toBe(text);
    const changed = { ...first, text: 'Blå tage' };
    expect(searchableText(changed)).toContain('blå tage');
    expect(searchableText(first)).toContain('grønne tage');
  });

  it('folds a comment list once, and a new list (a comment came) again', () => {
    const comment = { id: 'c-1', ideaId: 'i-1', text: 'Enig – ÅBEN skole', authorId: 'p-1', authorName: 'Åse', contributorType: null, createdAt: 1, editedAt: null };
    const list = [comment];
    expect(searchableComments(list)).toBe('enig – åben skole\nåse');
    expect(searchableComments(list)).toBe(searchableComments(list));
    expect(searchableComments([...list, { ...comment, id: 'c-2', text: 'Også mig' }])).toContain('også mig');
    expect(matchesQuery(idea('Skolegård'), 'aase aaben', list)).toBe(true);
  });

  // How fast this is, is measured by bench/search.ts (`npm run bench:search`): tests never time.
  it('finds the right ideas among 10,000 once their text is folded', () => {
    const ideas = Array.from({ length: 10_000 }, (_, i) => idea(`Idé nummer ${i} om Ishøj Strand og ${i % 7 === 0 ? 'Århus' : 'Køge'}`));
    for (const i of ideas) searchableText(i);
    const matcher = compileQuery('aarhus strand')!;
    const hits = ideas.filter((i) => matcher([searchableText(i)])).length;
    expect(hits).toBe(Math.ceil(10_000 / 7));
  });
});
