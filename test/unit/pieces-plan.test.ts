import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ROOT, YMessage } from '../../shared';
import { planSnapshot, readPlannedSnapshot } from '../../server/store/pieces/plan';
import { parseUpdate } from '../../server/store/pieces/parse';
import { planPieces, writePieces } from '../../server/store/pieces/split';
import { foldDocument } from '../../server/store/compact';
import { prepareStoredAnswer, type StoredAnswer } from '../../server/realtime/stored-answer';
import { storedBoard } from '../support/random-board';

/**
 * A snapshot's piece plan, made at compaction and kept by the store beside the snapshot
 * (store/pieces/plan.ts): the pieces written from it are the pieces the snapshot is cut
 * into when it is read, and a new device's answer made with it is the answer made without.
 */

/** Small pieces, so the test boards (a few tens of kilobytes) are cut into many. */
const PIECE = 2048;

const contents = (doc: Y.Doc) => Object.fromEntries(Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]));

/** A board with a snapshot of many pieces and a log after it that deletes content the snapshot holds. */
function boardWithLog(seed: number) {
  const { stored, server, written } = storedBoard(seed);
  const snapshot = foldDocument(stored.snapshot, stored.updates);
  return { snapshot, server, written };
}

function applyAnswer(answer: StoredAnswer): Y.Doc {
  const doc = new Y.Doc();
  for (const message of answer.messages) {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(YMessage.Sync);
    decoding.readVarUint(decoder); // sync update
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}

describe('planSnapshot', () => {
  it('writes, without reading the snapshot, the pieces a read of it cuts', () => {
    for (const seed of [1, 2, 3]) {
      const { snapshot } = boardWithLog(seed);
      const plan = planSnapshot(snapshot, PIECE);
      expect(plan).not.toBeNull();
      const planned = readPlannedSnapshot(snapshot, plan!, PIECE);
      const parsed = parseUpdate(snapshot);
      const cut = writePieces(parsed, planPieces(parsed, PIECE, null), null);
      expect(planned!.pieces.length).toBeGreaterThan(3);
      expect(planned!.pieces.map((p) => Buffer.from(p))).toEqual(cut.map((p) => Buffer.from(p)));
      expect(planned!.deletes).toEqual(parsed.deletes);
      // A plan is a small part of its snapshot.
      expect(plan!.length).toBeLessThan(snapshot.length / 4);
    }
  });

  it('has no plan for a snapshot that fits in one piece', () => {
    const { snapshot } = boardWithLog(4);
    expect(planSnapshot(snapshot, snapshot.length)).toBeNull();
  });

  it('is ignored for another snapshot, another piece size or bytes it cannot read', () => {
    const { snapshot } = boardWithLog(5);
    const plan = planSnapshot(snapshot, PIECE)!;
    const other = boardWithLog(6).snapshot;
    expect(readPlannedSnapshot(other, plan, PIECE)).toBeNull();
    const changed = snapshot.slice();
    changed[changed.length >> 1] = (changed[changed.length >> 1] as number) ^ 1;
    expect(readPlannedSnapshot(changed, plan, PIECE)).toBeNull();
    expect(readPlannedSnapshot(snapshot, plan, PIECE * 2)).toBeNull();
    expect(readPlannedSnapshot(snapshot, plan.subarray(0, plan.length >> 1), PIECE)).toBeNull();
    expect(readPlannedSnapshot(snapshot, new Uint8Array([9, 9, 9]), PIECE)).toBeNull();
  });
});

describe('a new device answered from a planned snapshot', () => {
  it('gets the answer it gets from the snapshot read, with what the log deleted stripped', () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const { stored, server, written } = storedBoard(seed);
      // The snapshot planned as a compaction would, then a log that deletes some of its content.
      const snapshot = foldDocument(stored.snapshot, stored.updates);
      const plan = planSnapshot(snapshot, PIECE)!;
      const room = new Y.Doc();
      Y.applyUpdate(room, snapshot);
      const updates: Uint8Array[] = [];
      room.on('update', (u: Uint8Array) => updates.push(u));
      const ideas = room.getMap(ROOT.ideas);
      const keys = [...ideas.keys()];
      for (let i = 0; i < keys.length; i += 5) ideas.delete(keys[i] as string);
      for (let i = 1; i < keys.length; i += 7) (ideas.get(keys[i] as string) as Y.Map<unknown> | undefined)?.set('text', `rettet ${i}`);

      const read = prepareStoredAnswer({ snapshot, updates }, PIECE);
      const fromPlan = prepareStoredAnswer({ snapshot, updates, plan }, PIECE);
      const a = applyAnswer(read);
      const b = applyAnswer(fromPlan);
      expect(contents(b)).toEqual(contents(room));
      expect(contents(b)).toEqual(contents(a));
      expect(Y.equalSnapshots(Y.snapshot(b), Y.snapshot(room))).toBe(true);
      expect(b.store.pendingStructs).toBeNull();
      expect(Buffer.from(fromPlan.stateVector)).toEqual(Buffer.from(read.stateVector));
      expect(fromPlan.withoutContent).toEqual(read.withoutContent);
      expect(fromPlan.gapless).toBe(read.gapless);
      // Only the pieces holding what the log deleted were read and rewritten.
      const pieces = readPlannedSnapshot(snapshot, plan, PIECE)!.pieces;
      const rewritten = pieces.filter((piece, i) => !Buffer.from(fromPlan.messages[i]!).subarray(-piece.length).equals(Buffer.from(piece)));
      expect(rewritten.length).toBeGreaterThan(0);

      // Deleted or replaced since the snapshot: in no byte sent.
      const sent = Buffer.concat(fromPlan.messages);
      const shown = JSON.stringify(contents(room));
      const gone = written.filter((text) => !shown.includes(text));
      expect(gone.length).toBeGreaterThan(0);
      for (const text of gone) expect(sent.includes(Buffer.from(text))).toBe(false);
      server.destroy();
    }
  });

  it('copies the pieces the log leaves alone as they are', () => {
    const { snapshot } = boardWithLog(21);
    const plan = planSnapshot(snapshot, PIECE)!;
    const answer = prepareStoredAnswer({ snapshot, updates: [], plan }, PIECE);
    const planned = readPlannedSnapshot(snapshot, plan, PIECE)!;
    expect(answer.messages.length).toBe(planned.pieces.length);
    answer.messages.forEach((message, i) => expect(Buffer.from(message).subarray(-planned.pieces[i]!.length)).toEqual(Buffer.from(planned.pieces[i]!)));

    // One idea deleted since: only the pieces holding its items (its fields may have been set by other devices) are rewritten.
    const room = new Y.Doc();
    Y.applyUpdate(room, snapshot);
    const updates: Uint8Array[] = [];
    room.on('update', (u: Uint8Array) => updates.push(u));
    const ideas = room.getMap(ROOT.ideas);
    ideas.delete([...ideas.keys()][3] as string);
    const after = prepareStoredAnswer({ snapshot, updates, plan }, PIECE);
    const same = planned.pieces.filter((piece, i) => Buffer.from(after.messages[i]!).subarray(-piece.length).equals(Buffer.from(piece))).length;
    expect(same).toBeGreaterThan(planned.pieces.length / 2);
    expect(same).toBeLessThan(planned.pieces.length);
    expect(contents(applyAnswer(after))).toEqual(contents(room));
  });
});
