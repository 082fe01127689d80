import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardRecord, type BoardStore, type SessionRecord, type StoredDocument } from '../../server/store/board-store';
import { StoreConflictError } from '../../server/core/errors';
import type * as Compact from '../../server/store/compact';
import type { Idea } from '../../shared';

/**
 * The one behavioural contract of BoardStore. Every implementation runs it (embedded.test.ts,
 * redis.test.ts), so the server can swap stores without noticing.
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
 * vi.mock('../../server/store/compact', (orig) => import('./contract').then((c) => c.probedCompact(orig)));
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
function duringNextFold(fn: () => void): () => boolean {
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

function board(id: string): BoardRecord {
  return {
    id,
    createdAt: 1_700_000_000_000,
    template: 'blank',
    title: `Board ${id}`,
    tokenHashes: { facilitator: 'f'.repeat(64), participant: 'p'.repeat(64), observer: 'o'.repeat(64) },
  };
}

function session(participantId: string, createdAt: number): SessionRecord {
  const identity = { participantId, boardId: 'board01', role: 'participant' } as const;
  return { identity: { ...identity, displayName: 'Åse Ø. 🦊', contributorType: null, organisation: null }, createdAt };
}

/** A Y.Doc whose every transaction is captured as one update, like a client's edits. */
function recordingDoc(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function rebuild(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Doc.toJSON() skips roots a loaded doc hasn't defined yet, so read them by name. */
function content(doc: Y.Doc): unknown {
  return { m: doc.getMap('m').toJSON(), t: doc.getText('t').toString() };
}

function storedBytes(stored: StoredDocument): Buffer {
  return Buffer.concat([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
}

/** n causally chained updates (each needs the previous), each setting key `k<i>`. */
function chainedUpdates(n: number, offset = 0): Uint8Array[] {
  const { doc, updates } = recordingDoc();
  const map = doc.getMap('m');
  for (let i = offset; i < offset + n; i++) map.set(`k${i}`, i);
  return updates;
}

/** Independent updates (one fresh client each), so any subset can be applied alone. */
function independentUpdates(n: number, tag: string): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc();
    doc.getMap('m').set(`${tag}${i}`, i);
    return Y.encodeStateAsUpdate(doc);
  });
}

function keysOf(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap('m').keys());
}

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`BoardStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: BoardStore;

    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      foldProbe.hook = null;
      await h.cleanup();
    });

    it('creates and reads boards, refusing an existing id', async () => {
      expect(await store.getBoard('nosuchboard')).toBeNull();
      await store.createBoard(board('board01'));
      expect(await store.getBoard('board01')).toEqual(board('board01'));
      const other = { ...board('board01'), title: 'Impostor' };
      await expect(store.createBoard(other)).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.getBoard('board01')).toEqual(board('board01'));
    });

    it('creates a board exactly once under concurrent attempts', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.createBoard({ ...board('race01'), title: `t${i}` })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StoreConflictError);
    });

    it('stores and overwrites sessions', async () => {
      expect(await store.getSession('a'.repeat(64))).toBeNull();
      await store.putSession('a'.repeat(64), session('participant1', 5));
      expect(await store.getSession('a'.repeat(64))).toEqual(session('participant1', 5));
      await store.putSession('a'.repeat(64), session('participant2', 6));
      expect(await store.getSession('a'.repeat(64))).toEqual(session('participant2', 6));
    });

    it('lists sessions and deletes them by token hash (housekeeping)', async () => {
      const [a, b] = ['b'.repeat(64), 'c'.repeat(64)];
      await store.putSession(a, session('participant3', 7));
      await store.putSession(b, session('participant4', 8));
      const listed = new Map((await store.listSessions()).map((entry) => [entry.tokenHash, entry.session]));
      expect(listed.get(a)).toEqual(session('participant3', 7));
      expect(listed.get(b)).toEqual(session('participant4', 8));
      expect(await store.deleteSessions([a, 'd'.repeat(64)])).toBe(1);
      expect(await store.getSession(a)).toBeNull();
      expect(await store.getSession(b)).toEqual(session('participant4', 8));
      expect((await store.listSessions()).map((entry) => entry.tokenHash)).not.toContain(a);
    });

    it('loads an unknown document as empty', async () => {
      expect(await store.loadDocument('board:unknown')).toEqual({ snapshot: null, updates: [] });
    });

    it('appends in order and reports the log length', async () => {
      const updates = chainedUpdates(5);
      for (const [i, update] of updates.entries()) {
        expect(await store.appendUpdate('board:order', update)).toEqual({ logLength: i + 1 });
      }
      const stored = await store.loadDocument('board:order');
      expect(stored.snapshot).toBeNull();
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
    });

    describe('appendUpdates', () => {
      const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');

      it('appends a batch in order, reporting the log length after it', async () => {
        const updates = chainedUpdates(8);
        expect(await store.appendUpdates('board:batch', updates.slice(0, 5))).toEqual({ logLength: 5 });
        expect(await store.appendUpdate('board:batch', updates[5]!)).toEqual({ logLength: 6 });
        expect(await store.appendUpdates('board:batch', updates.slice(6))).toEqual({ logLength: 8 });
        const stored = await store.loadDocument('board:batch');
        expect(stored.snapshot).toBeNull();
        expect(stored.updates.map(hex)).toEqual(updates.map(hex));
        expect(keysOf(rebuild(stored))).toEqual(new Set(updates.map((_, i) => `k${i}`)));
      });

      it('reads the log length for an empty batch, writing nothing', async () => {
        expect(await store.appendUpdates('board:empty', [])).toEqual({ logLength: 0 });
        expect(await store.loadDocument('board:empty')).toEqual({ snapshot: null, updates: [] });
        await store.appendUpdates('board:empty', chainedUpdates(3));
        expect(await store.appendUpdates('board:empty', [])).toEqual({ logLength: 3 });
        expect((await store.loadDocument('board:empty')).updates).toHaveLength(3);
      });

      it('keeps each batch in order among concurrent batches and single appends', async () => {
        const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 5 }, (_, i) => Uint8Array.from([1, b, i])));
        const singles = Array.from({ length: 10 }, (_, i) => Uint8Array.from([2, i]));
        const results = await Promise.all([
          ...batches.map((batch) => store.appendUpdates('board:mixed', batch)),
          ...singles.map((u) => store.appendUpdate('board:mixed', u)),
        ]);
        const stored = (await store.loadDocument('board:mixed')).updates.map(hex);
        expect(stored).toHaveLength(40);
        expect(Math.max(...results.map((r) => r.logLength))).toBe(40);
        for (const [b, batch] of batches.entries()) {
          const at = batch.map((u) => stored.indexOf(hex(u)));
          expect(at.every((i) => i >= 0), `batch ${b} stored`).toBe(true);
          expect([...at].sort((x, y) => x - y), `batch ${b} in order`).toEqual(at);
          expect(results[b]!.logLength).toBeGreaterThanOrEqual(Math.max(...at) + 1);
        }
        expect([...stored].sort()).toEqual([...batches.flat(), ...singles].map(hex).sort());
      });

      it('lands a batch larger than one store call, in order', async () => {
        const updates = Array.from({ length: 2_500 }, (_, i) => Uint8Array.from([i >> 8, i & 255]));
        expect(await store.appendUpdates('board:big', updates)).toEqual({ logLength: 2_500 });
        expect((await store.loadDocument('board:big')).updates.map(hex)).toEqual(updates.map(hex));
      });

      it('counts from the snapshot after a compaction and keeps batches across a reopen', async () => {
        const updates = chainedUpdates(10);
        await store.appendUpdates('board:bc', updates.slice(0, 6));
        expect(await store.compactDocument('board:bc')).toEqual({ compacted: 6 });
        expect(await store.appendUpdates('board:bc', updates.slice(6))).toEqual({ logLength: 4 });
        await store.close();
        const reopened = await h.reopen();
        const stored = await reopened.loadDocument('board:bc');
        expect(stored.updates.map(hex)).toEqual(updates.slice(6).map(hex));
        expect(keysOf(rebuild(stored))).toEqual(new Set(updates.map((_, i) => `k${i}`)));
        expect(await reopened.appendUpdates('board:bc', [new Uint8Array([7])])).toEqual({ logLength: 5 });
      });
    });

    it('round-trips every byte value and invalid UTF-8 unchanged', async () => {
      const payloads = [
        Uint8Array.from({ length: 256 }, (_, i) => i),
        Uint8Array.from({ length: 256 }, (_, i) => 255 - i),
        Uint8Array.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]),
        Uint8Array.from([0xed, 0xa0, 0x80, 0xc0, 0x80, 0x00, 0x00, 0x80]), // surrogate, overlong, NULs
        Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256),
        new Uint8Array([0]),
      ];
      for (const p of payloads) await store.appendUpdate('board:bytes', p);
      const stored = await store.loadDocument('board:bytes');
      expect(stored.updates).toHaveLength(payloads.length);
      stored.updates.forEach((u, i) => {
        expect(u).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(u).equals(Buffer.from(payloads[i]!))).toBe(true);
      });
    });

    it('keeps binary content intact through a compacted snapshot', async () => {
      const { doc, updates } = recordingDoc();
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      doc.getMap('m').set('bytes', bytes);
      doc.getMap('m').set('text', '\u0000\uFFFD\u{1F600}');
      for (const u of updates) await store.appendUpdate('board:binsnap', u);
      await store.compactDocument('board:binsnap');
      const back = rebuild(await store.loadDocument('board:binsnap'));
      expect(back.getMap('m').get('bytes')).toEqual(bytes);
      expect(back.getMap('m').get('text')).toBe('\u0000\uFFFD\u{1F600}');
    });

    it('keeps documents isolated, even with names that extend each other', async () => {
      const names = ['board:a', 'board:a:log:0000000000000001', 'board:a:snap', 'board:b'];
      for (const [i, n] of names.entries()) {
        await store.appendUpdate(n, new Uint8Array([i]));
        await store.claimClientId(n, 7, `owner${i}`);
      }
      await store.deleteDocument('board:a:snap');
      for (const [i, n] of names.entries()) {
        const stored = await store.loadDocument(n);
        if (n === 'board:a:snap') {
          expect(stored).toEqual({ snapshot: null, updates: [] });
          continue;
        }
        expect(stored.updates.map((u) => Array.from(u))).toEqual([[i]]);
        expect(await store.claimClientId(n, 7, 'late')).toBe(`owner${i}`);
      }
    });

    it('compacts the log into a snapshot with the same content', async () => {
      const { doc, updates } = recordingDoc();
      const map = doc.getMap<unknown>('m');
      map.set('a', 1);
      map.set('b', 'two');
      map.set('a', 3);
      const nested = new Y.Map<unknown>();
      map.set('nested', nested);
      nested.set('x', [1, 2, 3]);
      map.delete('b');
      doc.getText('t').insert(0, 'hello world');
      doc.getText('t').delete(0, 6);
      for (const u of updates) await store.appendUpdate('board:compact', u);

      expect(await store.compactDocument('board:compact')).toEqual({ compacted: updates.length });
      const stored = await store.loadDocument('board:compact');
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toEqual([]);
      expect(content(rebuild(stored))).toEqual(content(doc));

      map.set('after', true);
      expect(await store.appendUpdate('board:compact', updates.at(-1)!)).toEqual({ logLength: 1 });
      expect(await store.compactDocument('board:compact')).toEqual({ compacted: 1 });
      expect(content(rebuild(await store.loadDocument('board:compact')))).toEqual(content(doc));
      expect(await store.compactDocument('board:compact')).toEqual({ compacted: 0 });
    });

    it('keeps updates appended while a compaction runs', async () => {
      for (const u of independentUpdates(30, 'before')) await store.appendUpdate('board:live', u);
      const concurrent = independentUpdates(25, 'with');
      const inFold = independentUpdates(25, 'fold');
      const late: Promise<unknown>[] = [];
      // Deterministic interleaving: these appends start after the compaction read the log
      // and before it commits, the window in which a sloppy trim would drop them.
      const ran = duringNextFold(() => late.push(...inFold.map((u) => store.appendUpdate('board:live', u))));
      await Promise.all([
        store.compactDocument('board:live'),
        ...concurrent.map((u) => store.appendUpdate('board:live', u)),
      ]);
      await Promise.all(late);
      expect(ran()).toBe(true);
      const stored = await store.loadDocument('board:live');
      expect(stored.updates.length).toBeGreaterThanOrEqual(inFold.length);
      const keys = keysOf(rebuild(stored));
      for (const [tag, n] of [['before', 30], ['with', 25], ['fold', 25]] as const) {
        for (let i = 0; i < n; i++) expect(keys.has(`${tag}${i}`), `${tag}${i}`).toBe(true);
      }
    });

    it('loses nothing under concurrent compactions', async () => {
      const first = chainedUpdates(40);
      for (const u of first) await store.appendUpdate('board:cc', u);
      const more = independentUpdates(20, 'x');
      const nested: Promise<unknown>[] = [];
      const ran = duringNextFold(() => {
        nested.push(store.compactDocument('board:cc'), store.appendUpdate('board:cc', more[0]!));
      });
      await Promise.all([
        ...Array.from({ length: 5 }, () => store.compactDocument('board:cc')),
        ...more.slice(1).map((u) => store.appendUpdate('board:cc', u)),
        ...Array.from({ length: 3 }, () => store.compactDocument('board:cc')),
      ]);
      await Promise.all(nested);
      expect(ran()).toBe(true);
      await store.compactDocument('board:cc');
      const keys = keysOf(rebuild(await store.loadDocument('board:cc')));
      for (let i = 0; i < 40; i++) expect(keys.has(`k${i}`)).toBe(true);
      for (let i = 0; i < 20; i++) expect(keys.has(`x${i}`)).toBe(true);
    });

    it('does not resurrect a document deleted while it was being compacted', async () => {
      for (const u of chainedUpdates(10)) await store.appendUpdate('board:zombie', u);
      let deleted: Promise<void> | undefined;
      const ran = duringNextFold(() => (deleted = store.deleteDocument('board:zombie')));
      expect(await store.compactDocument('board:zombie')).toEqual({ compacted: 0 });
      await deleted;
      expect(ran()).toBe(true);
      expect(await store.loadDocument('board:zombie')).toEqual({ snapshot: null, updates: [] });
    });

    it('lands 200 concurrent appends, each with its own log length', async () => {
      const payloads = Array.from({ length: 200 }, (_, i) => Uint8Array.from([i >> 8, i & 255, 0xff]));
      const results = await Promise.all(payloads.map((p) => store.appendUpdate('board:burst', p)));
      expect(results.map((r) => r.logLength).sort((a, b) => a - b)).toEqual(payloads.map((_, i) => i + 1));
      const stored = await store.loadDocument('board:burst');
      const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
      expect(stored.updates.map(hex).sort()).toEqual(payloads.map(hex).sort());
    });

    it('persists everything across a reopen', async () => {
      await store.createBoard(board('persist1'));
      await store.putSession('s'.repeat(64), session('participant1', 1));
      const { doc, updates } = recordingDoc();
      doc.getMap('m').set('one', 1);
      doc.getMap('m').set('two', 2);
      for (const u of updates) await store.appendUpdate('board:persist', u);
      await store.compactDocument('board:persist');
      doc.getMap('m').set('three', 3);
      await store.appendUpdate('board:persist', updates.at(-1)!);
      await store.claimClientId('board:persist', 42, 'alice');
      await store.close();

      const reopened = await h.reopen();
      expect(await reopened.getBoard('persist1')).toEqual(board('persist1'));
      expect(await reopened.getSession('s'.repeat(64))).toEqual(session('participant1', 1));
      const stored = await reopened.loadDocument('board:persist');
      expect(stored.updates).toHaveLength(1);
      expect(content(rebuild(stored))).toEqual(content(doc));
      expect(await reopened.claimClientId('board:persist', 42, 'mallory')).toBe('alice');
      // Sequence numbers continue after the reopen: new updates go after the old ones.
      expect(await reopened.appendUpdate('board:persist', new Uint8Array([9]))).toEqual({ logLength: 2 });
      expect(Array.from((await reopened.loadDocument('board:persist')).updates.at(-1)!)).toEqual([9]);
      await expect(reopened.createBoard(board('persist1'))).rejects.toBeInstanceOf(StoreConflictError);
    });

    it('deletes a document entirely: snapshot, log and client claims', async () => {
      for (const u of chainedUpdates(5)) await store.appendUpdate('board:gone', u);
      await store.compactDocument('board:gone');
      await store.appendUpdate('board:gone', chainedUpdates(1, 99)[0]!);
      await store.claimClientId('board:gone', 1, 'alice');
      await store.appendUpdate('board:kept', new Uint8Array([1]));
      await store.deleteDocument('board:gone');
      expect(await store.loadDocument('board:gone')).toEqual({ snapshot: null, updates: [] });
      expect(await store.claimClientId('board:gone', 1, 'bob')).toBe('bob');
      expect((await store.loadDocument('board:kept')).updates).toHaveLength(1);
      expect(await store.appendUpdate('board:gone', new Uint8Array([2]))).toEqual({ logLength: 1 });
      await store.deleteDocument('board:never-existed');
    });

    it('drops deleted text from the stored bytes once compacted', async () => {
      const secret = 'SECRET-personal-data-7f3a9c';
      const { doc, updates } = recordingDoc();
      doc.getText('t').insert(0, `keep this. ${secret} and this`);
      doc.getMap('m').set('note', `${secret}-in-a-map`);
      doc.getMap('m').set('other', 'harmless');
      for (const u of updates.splice(0)) await store.appendUpdate('board:gdpr', u);
      await store.compactDocument('board:gdpr');
      const needle = Buffer.from(secret);
      expect(storedBytes(await store.loadDocument('board:gdpr')).indexOf(needle)).toBeGreaterThanOrEqual(0);

      doc.getText('t').delete('keep this. '.length, secret.length);
      doc.getMap('m').delete('note');
      for (const u of updates.splice(0)) await store.appendUpdate('board:gdpr', u);
      await store.compactDocument('board:gdpr');
      const stored = await store.loadDocument('board:gdpr');
      expect(storedBytes(stored).indexOf(needle)).toBe(-1);
      expect(content(rebuild(stored))).toEqual(content(doc));
    });

    it('binds a client id to its first claimant', async () => {
      expect(await store.claimClientId('board:c', 1, 'alice')).toBe('alice');
      expect(await store.claimClientId('board:c', 1, 'bob')).toBe('alice');
      expect(await store.claimClientId('board:c', 2, 'bob')).toBe('bob');
      expect(await store.claimClientId('board:other', 1, 'carol')).toBe('carol');
      expect(await store.claimClientId('board:c', 4_294_967_295, 'dave')).toBe('dave');
    });

    it('has exactly one winner among concurrent claims', async () => {
      const principals = Array.from({ length: 20 }, (_, i) => `principal-${i}`);
      const owners = await Promise.all(principals.map((p) => store.claimClientId('board:race', 123, p)));
      expect(new Set(owners).size).toBe(1);
      expect(principals).toContain(owners[0]);
      expect(await store.claimClientId('board:race', 123, 'late')).toBe(owners[0]);
    });

    describe('live workshops', () => {
      const idea = (id: string, authorId: string, text = `Idé ${id} æøå`): Idea => ({
        id,
        text,
        authorId,
        authorName: 'Åse',
        contributorType: 'citizen',
        organisation: null,
        createdAt: 1,
        updatedAt: 1,
        phase: null,
        principle: null,
        track: null,
        beacons: [],
        questionId: 'question1',
        position: 'a0',
        clusterId: null,
      });
      const rule = (budget: number, maxPerIdea: number, scope = 'q1') => ({ scope, budget, maxPerIdea });
      const byId = (ideas: Idea[]) => [...ideas].sort((a, b) => (a.id < b.id ? -1 : 1));

      it('keeps hidden ideas per board, upserts by id, refuses another author’s id', async () => {
        expect(await store.listHiddenIdeas('board01')).toEqual([]);
        expect(await store.putHiddenIdea('board01', idea('idea0001', 'alice0001'))).toBe('stored');
        expect(await store.putHiddenIdea('board01', idea('idea0002', 'bob000001'))).toBe('stored');
        expect(await store.putHiddenIdea('board02', idea('idea0001', 'carol0001'))).toBe('stored');
        expect(await store.putHiddenIdea('board01', idea('idea0001', 'alice0001', 'edited'))).toBe('stored');
        expect(await store.putHiddenIdea('board01', idea('idea0001', 'mallory01', 'stolen'))).toBe('conflict');
        expect(byId(await store.listHiddenIdeas('board01'))).toEqual([idea('idea0001', 'alice0001', 'edited'), idea('idea0002', 'bob000001')]);
        expect(await store.deleteHiddenIdeas('board01', ['idea0001', 'nosuchidea'])).toBe(1);
        expect(await store.listHiddenIdeas('board01')).toEqual([idea('idea0002', 'bob000001')]);
        expect(await store.listHiddenIdeas('board02')).toHaveLength(1);
        await store.close();
        const reopened = await h.reopen();
        expect(await reopened.listHiddenIdeas('board01')).toEqual([idea('idea0002', 'bob000001')]);
      });

      it('binds join codes to one board, first wins', async () => {
        expect(await store.findJoinCode('ACDEFG')).toBeNull();
        const claims = await Promise.all(['boardA1', 'boardB1', 'boardC1'].map((b) => store.claimJoinCode('ACDEFG', b)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        const winner = ['boardA1', 'boardB1', 'boardC1'][claims.indexOf(true)];
        expect(await store.findJoinCode('ACDEFG')).toBe(winner);
        expect(await store.claimJoinCode('HJKMNP', 'boardA1')).toBe(true);
        await store.close();
        expect(await (await h.reopen()).findJoinCode('HJKMNP')).toBe('boardA1');
      });

      it('counts votes within the budget per scope and the maximum per idea', async () => {
        const cast = (who: string, ideaId: string, r = rule(3, 2)) => store.castVote('board01', who, ideaId, r);
        expect(await cast('alice0001', 'idea0001')).toEqual({ outcome: 'cast', mine: { votes: { idea0001: 1 }, used: 1 }, total: 1 });
        expect((await cast('alice0001', 'idea0001')).outcome).toBe('cast');
        expect(await cast('alice0001', 'idea0001')).toMatchObject({ outcome: 'maxPerIdea', total: 2, mine: { used: 2 } });
        expect((await cast('alice0001', 'idea0002')).outcome).toBe('cast');
        expect(await cast('alice0001', 'idea0003')).toMatchObject({ outcome: 'budget', total: 0, mine: { used: 3 } });
        // Another question has its own budget; another participant their own.
        expect(await cast('alice0001', 'idea0009', rule(3, 2, 'q2'))).toMatchObject({ outcome: 'cast', mine: { votes: { idea0009: 1 }, used: 1 } });
        expect(await cast('bob000001', 'idea0001')).toMatchObject({ outcome: 'cast', total: 3 });
        expect(await store.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { idea0001: 2, idea0002: 1 }, used: 3 });
        expect(await store.voteTotals('board01')).toEqual({ idea0001: 3, idea0002: 1, idea0009: 1 });
        expect(await store.voteTotals('board02')).toEqual({});

        expect(await store.retractVote('board01', 'alice0001', 'idea0001', 'q1')).toEqual({ outcome: 'retracted', mine: { votes: { idea0001: 1, idea0002: 1 }, used: 2 }, total: 2 });
        expect(await store.retractVote('board01', 'alice0001', 'idea0003', 'q1')).toMatchObject({ outcome: 'none', total: 0 });
        expect((await cast('alice0001', 'idea0003')).outcome).toBe('cast');
        await store.close();
        const reopened = await h.reopen();
        expect(await reopened.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { idea0001: 1, idea0002: 1, idea0003: 1 }, used: 3 });
        expect(await reopened.voteTotals('board01')).toEqual({ idea0001: 2, idea0002: 1, idea0003: 1, idea0009: 1 });
      });

      it('never lets concurrent casts of one participant exceed the budget', async () => {
        const results = await Promise.all(
          Array.from({ length: 30 }, (_, i) => store.castVote('board01', 'alice0001', `idea000${i % 4}`, rule(5, 50))),
        );
        expect(results.filter((r) => r.outcome === 'cast')).toHaveLength(5);
        expect((await store.getVotes('board01', 'alice0001', 'q1')).used).toBe(5);
        const totals = await store.voteTotals('board01');
        expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(5);
      });

      it('counts 200 participants voting at once exactly', async () => {
        const voters = Array.from({ length: 200 }, (_, i) => `voter${String(i).padStart(4, '0')}`);
        await Promise.all(
          voters.flatMap((v, i) => Array.from({ length: 3 }, (_, k) => store.castVote('board01', v, `idea000${(i + k) % 5}`, rule(3, 3)))),
        );
        const totals = await store.voteTotals('board01');
        expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(600);
        expect(totals).toEqual({ idea0000: 120, idea0001: 120, idea0002: 120, idea0003: 120, idea0004: 120 });
      });

      it('merges votes onto the target up to the maximum per idea, refunding the rest', async () => {
        const cast = (who: string, ideaId: string) => store.castVote('board01', who, ideaId, rule(5, 2));
        for (const id of ['target01', 'source01', 'source01', 'source02']) await cast('alice0001', id);
        await cast('bob000001', 'source02');
        await cast('carol0001', 'other0001');
        const merged = await store.mergeVotes('board01', 'target01', ['source01', 'source02'], rule(5, 2));
        // Alice: 1 + 2 + 1 = 4 on one idea, max 2: 2 kept, 2 refunded. Bob: 1 moved.
        expect(merged).toEqual({ total: 3, moved: 2, refunded: 2 });
        expect(await store.getVotes('board01', 'alice0001', 'q1')).toEqual({ votes: { target01: 2 }, used: 2 });
        expect(await store.getVotes('board01', 'bob000001', 'q1')).toEqual({ votes: { target01: 1 }, used: 1 });
        expect(await store.voteTotals('board01')).toEqual({ target01: 3, other0001: 1 });
      });

      it('clears votes by scope, by idea, or all, keeping the totals true', async () => {
        await store.castVote('board01', 'alice0001', 'idea0001', rule(5, 5, 'q1'));
        await store.castVote('board01', 'alice0001', 'idea0002', rule(5, 5, 'q2'));
        await store.castVote('board01', 'bob000001', 'idea0002', rule(5, 5, 'q2'));
        await store.castVote('board01', 'bob000001', 'idea0003', rule(5, 5, 'q2'));
        await store.clearVotes('board01', { scope: 'q1' });
        expect(await store.voteTotals('board01')).toEqual({ idea0002: 2, idea0003: 1 });
        await store.clearVotes('board01', { ideaIds: ['idea0002'] });
        expect(await store.voteTotals('board01')).toEqual({ idea0003: 1 });
        expect(await store.getVotes('board01', 'bob000001', 'q2')).toEqual({ votes: { idea0003: 1 }, used: 1 });
        await store.clearVotes('board01', { all: true });
        expect(await store.voteTotals('board01')).toEqual({});
        expect(await store.getVotes('board01', 'bob000001', 'q2')).toEqual({ votes: {}, used: 0 });
      });

      it('treats ids like __proto__ as plain keys', async () => {
        await store.castVote('board01', 'alice0001', '__proto__', rule(5, 5, '__proto__'));
        await store.castVote('board01', 'alice0001', 'constructor', rule(5, 5, '__proto__'));
        expect({ ...(await store.voteTotals('board01')) }).toEqual(JSON.parse('{"__proto__":1,"constructor":1}'));
        expect((await store.getVotes('board01', 'alice0001', '__proto__')).used).toBe(2);
      });
    });

    describe('records', () => {
      const json = (text: string) => JSON.stringify({ text });

      it('inserts a record once; a resend gets the first value back', async () => {
        expect(await store.getRecord('calls', 'call0001')).toBeNull();
        expect(await store.insertRecord('calls', 'call0001', json('first'))).toEqual({ created: true, value: json('first') });
        expect(await store.insertRecord('calls', 'call0001', json('second'))).toEqual({ created: false, value: json('first') });
        expect(await store.getRecord('calls', 'call0001')).toBe(json('first'));
        expect(await store.getRecord('calls', 'call0002')).toBeNull();
        expect(await store.getRecord('other', 'call0001')).toBeNull();
      });

      it('creates exactly one record under concurrent inserts of one key', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insertRecord('calls', 'race', json(`v${i}`))));
        const winners = results.filter((r) => r.created);
        expect(winners).toHaveLength(1);
        for (const r of results) expect(r.value).toBe(winners[0]!.value);
        expect(await store.getRecord('calls', 'race')).toBe(winners[0]!.value);
      });

      it('lists a space in code-unit key order, never records of a similarly named space', async () => {
        // '\u{1F600}' < '\uFFFD' in UTF-16 code units, but not in UTF-8 byte order.
        const keys = ['b', 'a:b', 'a', 'A', '10', '9', 'é', '\uFFFD', '\u{1F600}', 'a;', ''];
        for (const [i, key] of [...keys].reverse().entries()) await store.putRecord('a', key, json(`a${i}`));
        for (const space of ['a:b', 'ab', 'a:', 'b', 'A']) await store.putRecord(space, 'a', json(space));
        const listed = await store.listRecords('a');
        expect(listed.map((r) => r.key)).toEqual([...keys].sort());
        for (const r of listed) expect(r.value).toBe(await store.getRecord('a', r.key));
        expect(await store.listRecords('a:b')).toEqual([{ key: 'a', value: json('a:b') }]);
        expect(await store.listRecords('ab')).toEqual([{ key: 'a', value: json('ab') }]);
        expect(await store.listRecords('nosuchspace')).toEqual([]);
      });

      it('puts over whatever a record held', async () => {
        await store.putRecord('calls', 'p', json('one'));
        expect(await store.getRecord('calls', 'p')).toBe(json('one'));
        await store.putRecord('calls', 'p', json('two'));
        expect(await store.getRecord('calls', 'p')).toBe(json('two'));
        expect(await store.insertRecord('calls', 'p', json('three'))).toEqual({ created: false, value: json('two') });
      });

      it('replaces a record only while it holds the expected value', async () => {
        expect(await store.replaceRecord('calls', 'missing', json('x'), json('y'))).toBe(false);
        expect(await store.getRecord('calls', 'missing')).toBeNull();
        await store.insertRecord('calls', 'r', json('pending'));
        expect(await store.replaceRecord('calls', 'r', json('approved'), json('rejected'))).toBe(false);
        expect(await store.getRecord('calls', 'r')).toBe(json('pending'));
        expect(await store.replaceRecord('calls', 'r', json('pending'), json('approved'))).toBe(true);
        expect(await store.getRecord('calls', 'r')).toBe(json('approved'));
        expect(await store.replaceRecord('calls', 'r', json('pending'), json('rejected'))).toBe(false);
        expect(await store.getRecord('calls', 'r')).toBe(json('approved'));
      });

      it('lets exactly one of 20 concurrent replacements win', async () => {
        await store.putRecord('calls', 'decide', json('pending'));
        const nexts = Array.from({ length: 20 }, (_, i) => json(`decided by moderator ${i}`));
        const won = await Promise.all(nexts.map((next) => store.replaceRecord('calls', 'decide', json('pending'), next)));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await store.getRecord('calls', 'decide')).toBe(nexts[won.indexOf(true)]);
      });

      it('deletes records, counting those that existed', async () => {
        for (const key of ['d1', 'd2', 'd3']) await store.putRecord('calls', key, json(key));
        await store.putRecord('other', 'd1', json('other'));
        expect(await store.deleteRecords('calls', ['d1', 'd3', 'nosuchkey', 'd1'])).toBe(2);
        expect(await store.listRecords('calls')).toEqual([{ key: 'd2', value: json('d2') }]);
        expect(await store.getRecord('calls', 'd1')).toBeNull();
        expect(await store.getRecord('other', 'd1')).toBe(json('other'));
        expect(await store.deleteRecords('calls', [])).toBe(0);
        expect(await store.deleteRecords('calls', ['d1'])).toBe(0);
        expect(await store.insertRecord('calls', 'd1', json('again'))).toEqual({ created: true, value: json('again') });
      });

      it('round-trips unicode, ":" and __proto__ in spaces, keys and values, across a reopen', async () => {
        const space = 'board:x1:calls/æøå 🦊';
        const records = [
          { key: '__proto__', value: json('proto') },
          { key: 'k:1:🦊', value: JSON.stringify({ text: 'Åse: "hej" 🦊 \u0000 \u2028', n: 1 }) },
          { key: 'ñ/..\\..', value: 'plain: not JSON ✓' },
        ];
        for (const r of records) expect((await store.insertRecord(space, r.key, r.value)).created).toBe(true);
        expect(await store.listRecords(space)).toEqual(records);
        expect(await store.listRecords('board:x1:calls')).toEqual([]);
        await store.close();
        const reopened = await h.reopen();
        expect(await reopened.listRecords(space)).toEqual(records);
        for (const r of records) expect(await reopened.getRecord(space, r.key)).toBe(r.value);
        expect(await reopened.replaceRecord(space, 'k:1:🦊', records[1]!.value, json('ok'))).toBe(true);
      });

      it('purges, even called concurrently, keeping what was not deleted', async () => {
        await store.putRecord('calls', 'kept', json('kept'));
        await store.putRecord('calls', 'gone', json('gone'));
        await store.deleteRecords('calls', ['gone']);
        await Promise.all([store.purgeDeleted(), store.purgeDeleted(), store.purgeDeleted()]);
        expect(await store.listRecords('calls')).toEqual([{ key: 'kept', value: json('kept') }]);
        await store.purgeDeleted();
      });
    });

    it('answers ping while open and fails it once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
    });
  });
}
