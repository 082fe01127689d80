import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import type { BoardRecord, BoardStore, SessionRecord, StoredDocument } from '../../../server/store/board-store';
import type * as Compact from '../../../server/store/compact';

/**
 * What every contract suite shares: how a suite opens a store, the fold probe that makes
 * "something happens during a compaction" deterministic, and the fixtures.
 */

/**
 * Called from inside the fold (foldDocument, foldDocumentOffThread or foldOntoKept), i.e. after a compaction has read the log
 * and before it commits. Test files route foldDocument through it with vi.mock (see
 * embedded.test.ts); that turns "something happens during a compaction" from a timing
 * race into a deterministic test.
 */
export const foldProbe: { hook: (() => void) | null } = { hook: null };

/**
 * The vi.mock factory for server/store/compact that calls foldProbe. Usage (hoisted):
 * vi.mock('../../server/store/compact', (orig) => import('./contract/harness').then((c) => c.probedCompact(orig)));
 */
export async function probedCompact(importOriginal: <T>() => Promise<T>): Promise<typeof Compact> {
  const real = await importOriginal<typeof Compact>();
  return {
    ...real,
    foldDocument: (snapshot, updates) => {
      const folded = real.foldDocument(snapshot, updates);
      foldProbe.hook?.();
      return folded;
    },
    // The stores fold on a worker thread; the probe runs when its result is back, still
    // after the log was read and before the commit.
    foldDocumentOffThread: async (snapshot, updates, key) => {
      const folded = await real.foldDocumentOffThread(snapshot, updates, key);
      foldProbe.hook?.();
      return folded;
    },
    // Onto the document the worker kept (Redis, when the snapshot is its own): probed the same way.
    foldOntoKept: async (key, updates) => {
      const folded = await real.foldOntoKept(key, updates);
      if (folded) foldProbe.hook?.();
      return folded;
    },
  };
}

/** Runs `fn` inside the next fold; the returned function tells whether it ran. */
export function duringNextFold(fn: () => void): () => boolean {
  let ran = false;
  foldProbe.hook = () => {
    foldProbe.hook = null;
    ran = true;
    fn();
  };
  return () => ran;
}

export interface StoreHarness {
  store: BoardStore;
  /** Opens a new store on the same data (same directory / key prefix); the test closes the old one first. */
  reopen: () => Promise<BoardStore>;
  /** Closes every store the harness opened and removes the data. */
  cleanup: () => Promise<void>;
}

/**
 * Opens a fresh store before each test of the calling describe (handing it to `use`), and
 * after each closes every store the test opened and removes its data.
 */
export function openEach(open: () => Promise<StoreHarness>, use: (h: StoreHarness) => void): void {
  let h: StoreHarness | undefined;
  beforeEach(async () => {
    h = await open();
    use(h);
  });
  afterEach(async () => {
    foldProbe.hook = null;
    await h?.cleanup();
  });
}

export function board(id: string): BoardRecord {
  return {
    id,
    createdAt: 1_700_000_000_000,
    template: 'blank',
    title: `Board ${id}`,
    tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
  };
}

export function session(participantId: string, createdAt: number): SessionRecord {
  const identity = { participantId, boardId: 'board01', role: 'participant' } as const;
  return { identity: { ...identity, displayName: 'Åse Ø. 🦊', contributorType: null, organisation: null }, createdAt };
}

/** A Y.Doc whose every transaction is captured as one update, like a client's edits. */
export function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

export function rebuild(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Doc.toJSON() skips roots a loaded doc hasn't defined yet, so read them by name. */
export function content(doc: Y.Doc): unknown {
  return { m: doc.getMap('m').toJSON(), t: doc.getText('t').toString() };
}

export function storedBytes(stored: StoredDocument): Buffer {
  return Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates, ...(stored.plan ? [stored.plan] : [])]);
}

/** n causally chained updates (each needs the previous), each setting key `k<i>`. */
export function chainedUpdates(n: number, offset = 0): Uint8Array[] {
  const { doc, updates } = recordingDoc();
  const map = doc.getMap('m');
  for (let i = offset; i < offset + n; i++) map.set(`k${i}`, i);
  return updates;
}

/** Independent updates (one fresh client each), so any subset can be applied alone. */
export function independentUpdates(n: number, tag: string): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc();
    doc.getMap('m').set(`${tag}${i}`, i);
    return Y.encodeStateAsUpdate(doc);
  });
}

export function keysOf(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap('m').keys());
}
