import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ideasMap, insertIdea, type Idea, type IdeaInput } from '../../shared';
import { DEFER_ABOVE, HOLD_MAX_MS, QUIET_MS, mirrorDocument, type MirrorTarget } from '../../client/sync/mirror';
import { sampleIdea } from './idea-fixture';

const input = sampleIdea;

/** A target that records what the mirror told it, in order. */
function recorder() {
  const calls: Array<['apply', string[]] | ['added', string[]]> = [];
  const target: MirrorTarget = {
    replaceIdeas: () => undefined,
    applyIdeas: (changes) => calls.push(['apply', [...changes.keys()]]),
    setSettings: () => undefined,
    onRemoteAdded: (ideas: Idea[]) => calls.push(['added', ideas.map((i) => i.id)]),
  };
  return { calls, target };
}

/** Writes ideas in another document and applies them here as a remote transaction (as y-websocket does). */
function remote(doc: Y.Doc, ideas: IdeaInput[]): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(doc);
  other.transact(() => {
    for (const idea of ideas) insertIdea(other, idea);
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'provider');
}

/** Past the mirror's quiet time, when deferred changes are stored. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS + 10));

describe('the document mirror', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores a small remote transaction at once', () => {
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    mirrorDocument(doc, target);
    const one = input();
    remote(doc, [one]);
    expect(calls).toEqual([
      ['apply', [one.id]],
      ['added', [one.id]],
    ]);
  });

  it('stores a large remote transaction in a later task, pieces that follow closely together, and says what was added at once', async () => {
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    mirrorDocument(doc, target);
    const first = Array.from({ length: DEFER_ABOVE + 1 }, () => input());
    const second = Array.from({ length: DEFER_ABOVE + 1 }, () => input());
    remote(doc, first);
    remote(doc, second);
    // Announced as each transaction happens (the sync layer decides whether it is news).
    expect(calls).toEqual([
      ['added', first.map((i) => i.id)],
      ['added', second.map((i) => i.id)],
    ]);
    await quiet();
    expect(calls.slice(2)).toEqual([['apply', [...first, ...second].map((i) => i.id)]]);
  });

  it('stores what is pending before a local change, and a small remote one joins the pending', async () => {
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    mirrorDocument(doc, target);
    const piece = Array.from({ length: DEFER_ABOVE + 1 }, () => input());
    const small = input();
    remote(doc, piece);
    remote(doc, [small]);
    expect(calls.filter(([kind]) => kind === 'apply')).toEqual([]);
    const mine = input();
    insertIdea(doc, mine);
    expect(calls.filter(([kind]) => kind === 'apply')).toEqual([
      ['apply', [...piece.map((i) => i.id), small.id]],
      ['apply', [mine.id]],
    ]);
    await quiet();
    expect(calls.filter(([kind]) => kind === 'apply')).toHaveLength(2);
  });

  it('reads each pending idea as it was last changed', async () => {
    const doc = new Y.Doc();
    const applied: Array<ReadonlyMap<string, Idea | null>> = [];
    const { target } = recorder();
    mirrorDocument(doc, { ...target, applyIdeas: (changes) => applied.push(changes) });
    const piece = Array.from({ length: DEFER_ABOVE + 1 }, () => input());
    remote(doc, piece);
    const gone = piece[0]!;
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    ideasMap(other).delete(gone.id);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'provider');
    await quiet();
    expect(applied).toHaveLength(1);
    expect(applied[0]!.get(gone.id)).toBeNull();
    expect(applied[0]!.get(piece[1]!.id)?.text).toBe(piece[1]!.text);
  });

  it('stores a steady stream of changes at least once a second, not only when it ends', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    mirrorDocument(doc, target);
    const applied = () => calls.filter(([kind]) => kind === 'apply').length;
    const writer = new Y.Doc();
    const send = (ideas: IdeaInput[]) => {
      const before = Y.encodeStateVector(doc);
      writer.transact(() => {
        for (const idea of ideas) insertIdea(writer, idea);
      });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, before), 'provider');
    };
    // A large piece, then a remote change every 10 ms (under the quiet time) for 1.5 s: each joins what is pending.
    send(Array.from({ length: DEFER_ABOVE + 1 }, () => input()));
    for (let i = 0; i < 150; i++) {
      vi.advanceTimersByTime(10);
      send([input()]);
    }
    expect(applied()).toBeGreaterThanOrEqual(1);
    vi.advanceTimersByTime(QUIET_MS);
    expect(applied()).toBeGreaterThanOrEqual(2);
  });

  it('holds the pieces of a first sync until it is complete (or HOLD_MAX_MS have passed), then stores them in one change', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    let syncing = true;
    const mirror = mirrorDocument(doc, { ...target, holdPieces: () => syncing });
    const applied = () => calls.filter(([kind]) => kind === 'apply');
    const pieces = [0, 1, 2].map(() => Array.from({ length: DEFER_ABOVE + 1 }, () => input()));
    for (const piece of pieces) {
      remote(doc, piece);
      vi.advanceTimersByTime(QUIET_MS * 3);
    }
    expect(applied()).toEqual([]);
    syncing = false;
    mirror.flush();
    expect(applied()).toHaveLength(1);
    expect(applied()[0]![1]).toHaveLength(3 * (DEFER_ABOVE + 1));
    // A later piece while syncing again (a reconnect's catch-up) is stored within HOLD_MAX_MS even if the sync never completes.
    syncing = true;
    remote(doc, Array.from({ length: DEFER_ABOVE + 1 }, () => input()));
    vi.advanceTimersByTime(HOLD_MAX_MS - 1);
    expect(applied()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(applied()).toHaveLength(2);
    mirror.stop();
  });

  it('folds each held piece into a stage in a task of its own, and stores the stage in the task after the flush; a local change in between stores it first', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { target } = recorder();
    /** What reached the store, in order: folded into the stage and stored, with the number of ideas. */
    const log: Array<[string, number]> = [];
    const stageIdeas = () => {
      let size = 0;
      return {
        add: (changes: ReadonlyMap<string, Idea | null>) => {
          size += changes.size;
          log.push(['folded', changes.size]);
        },
        commit: () => log.push(['stored', size]),
      };
    };
    const mirror = mirrorDocument(doc, { ...target, applyIdeas: (changes) => log.push(['stored', changes.size]), holdPieces: () => true, stageIdeas });
    // Pieces of any size, the first a small one (the server's first pieces are its smallest).
    remote(doc, [input(), input()]);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(log).toEqual([['folded', 2]]);
    remote(doc, Array.from({ length: DEFER_ABOVE + 1 }, () => input()));
    remote(doc, [input()]);
    vi.advanceTimersByTime(0);
    expect(log).toEqual([['folded', 2], ['folded', DEFER_ABOVE + 2]]);
    remote(doc, [input()]);
    mirror.flush(() => log.push(['told', 0]));
    // The last piece is folded at the flush; the stage is stored in the next task, and the flush's caller told after it.
    expect(log).toEqual([['folded', 2], ['folded', DEFER_ABOVE + 2], ['folded', 1]]);
    vi.advanceTimersByTime(0);
    expect(log.slice(-2)).toEqual([['stored', DEFER_ABOVE + 5], ['told', 0]]);
    expect(log).toHaveLength(5);
    // With nothing waiting, at once.
    mirror.flush(() => log.push(['told', 1]));
    expect(log.at(-1)).toEqual(['told', 1]);
    log.length = 4;
    // Again, with a local edit before the commit's task: the stage is stored first, with what came after the flush.
    log.length = 0;
    remote(doc, [input()]);
    vi.advanceTimersByTime(0);
    mirror.flush();
    remote(doc, [input()]);
    doc.transact(() => insertIdea(doc, input()));
    expect(log).toEqual([['folded', 1], ['folded', 1], ['stored', 2], ['stored', 1]]);
    vi.advanceTimersByTime(HOLD_MAX_MS);
    expect(log).toHaveLength(4);
    mirror.stop();
  });

  it('a large remote transaction while not holding is folded and stored in the task after its flush', () => {
    vi.useFakeTimers();
    const doc = new Y.Doc();
    const { target } = recorder();
    const log: string[] = [];
    const mirror = mirrorDocument(doc, {
      ...target,
      applyIdeas: () => log.push('stored directly'),
      stageIdeas: () => ({ add: () => log.push('folded'), commit: () => log.push('stored') }),
    });
    remote(doc, Array.from({ length: DEFER_ABOVE + 1 }, () => input()));
    vi.advanceTimersByTime(QUIET_MS);
    expect(log).toEqual(['folded']);
    // (A timer set while fake timers tick is due a millisecond later.)
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['folded', 'stored']);
    // A small one is stored at once.
    remote(doc, [input()]);
    expect(log).toEqual(['folded', 'stored', 'stored directly']);
    mirror.stop();
  });

  it('stores nothing more once stopped', async () => {
    const doc = new Y.Doc();
    const { calls, target } = recorder();
    const { stop } = mirrorDocument(doc, target);
    remote(
      doc,
      Array.from({ length: DEFER_ABOVE + 1 }, () => input()),
    );
    stop();
    await quiet();
    expect(calls.filter(([kind]) => kind === 'apply')).toEqual([]);
  });
});
