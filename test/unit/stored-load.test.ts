import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT, ideasMap, insertIdea } from '../../shared';
import { applyStoredState } from '../../server/realtime/stored-load';
import { prepareStoredAnswer } from '../../server/realtime/stored-answer';
import { updateOfMessage } from '../../server/realtime/messages';
import { storedBoard } from '../support/random-board';
import { PIECE_BYTES } from '../../server/store/pieces/split';
import { sampleIdea } from './idea-fixture';

const contents = (doc: Y.Doc) => Object.fromEntries(Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]));

/** A board whose snapshot is over twice PIECE_BYTES, plus a log of edits and a deletion. */
function largeBoard() {
  const source = new Y.Doc();
  for (let i = 0; i < 3_000; i++) insertIdea(source, sampleIdea({ text: `Idé nummer ${i} om stier, skole og havn i Ishøj` }));
  const snapshot = Y.encodeStateAsUpdate(source);
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  const [first, second] = [...ideasMap(source).keys()];
  ideasMap(source).get(first!)!.set('text', 'Rettet');
  ideasMap(source).delete(second!);
  return { source, stored: { snapshot, updates } };
}

describe('a board loaded from its stored state', () => {
  it('ends as the stored board, a large snapshot applied in pieces with turns of the event loop between', async () => {
    const { source, stored } = largeBoard();
    expect(stored.snapshot.length).toBeGreaterThan(2 * PIECE_BYTES);
    const doc = new Y.Doc();
    // Every piece is followed by a turn (turnMs 0): a callback queued now runs before the load ends.
    let turned = false;
    setImmediate(() => (turned = true));
    await applyStoredState(doc, stored, 0);
    expect(turned).toBe(true);
    expect(contents(doc)).toEqual(contents(source));
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(source));
  });

  it('applies a small board, a board without a snapshot and an unreadable snapshot whole', async () => {
    const small = new Y.Doc();
    insertIdea(small, sampleIdea());
    const a = new Y.Doc();
    await applyStoredState(a, { snapshot: Y.encodeStateAsUpdate(small), updates: [] }, 0);
    expect(contents(a)).toEqual(contents(small));
    const b = new Y.Doc();
    await applyStoredState(b, { snapshot: null, updates: [Y.encodeStateAsUpdate(small)] }, 0);
    expect(contents(b)).toEqual(contents(small));
    // Not a Yjs update the splitter can read: Yjs's own error, as with a whole apply.
    const garbage = new Uint8Array(2 * PIECE_BYTES + 10).fill(7);
    await expect(applyStoredState(new Y.Doc(), { snapshot: garbage, updates: [] }, 0)).rejects.toThrow();
  });

  it('ends as the same document from the answer the load made for new devices (its pieces, no second parse)', async () => {
    for (let seed = 100; seed <= 115; seed++) {
      const { stored } = storedBoard(seed);
      const fromStored = new Y.Doc();
      await applyStoredState(fromStored, stored, 0);
      const fromAnswer = new Y.Doc();
      await applyStoredState(fromAnswer, stored, 0, prepareStoredAnswer(stored, 1500).messages.map(updateOfMessage));
      expect(contents(fromAnswer)).toEqual(contents(fromStored));
      expect(Y.equalSnapshots(Y.snapshot(fromAnswer), Y.snapshot(fromStored))).toBe(true);
      expect(fromAnswer.store.pendingStructs).toBeNull();
      // Equal as Yjs documents (contents, state vector, delete set); deleted structs may be
      // merged or garbage-collected differently, which no client can tell apart.
      expect(Y.encodeStateVector(fromAnswer)).toEqual(Y.encodeStateVector(fromStored));
    }
  });
});
