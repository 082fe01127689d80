import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore, DocumentLog } from '../../../server/store/board-store';
import { readPlannedSnapshot } from '../../../server/store/pieces/plan';
import { PIECE_BYTES } from '../../../server/store/pieces/split';
import {
  chainedUpdates, content, duringNextFold, independentUpdates, keysOf, openEach, rebuild, recordingDoc, storedBytes, type StoreHarness,
} from './harness';

/**
 * The Yjs documents: ordered durable appends, consistent loads, compaction that loses
 * nothing (the fold probe makes its races deterministic), deletion and client-id claims.
 */
export function documentLogContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`DocumentLog contract: ${name}`, () => {
    let h: StoreHarness;
    let store: DocumentLog & Pick<BoardStore, 'close'>;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    it('loads an unknown document as empty', async () => {
      expect(await store.loadDocument('board:unknown')).toEqual({ snapshot: null, updates: [], plan: null });
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
        expect(await store.loadDocument('board:empty')).toEqual({ snapshot: null, updates: [], plan: null });
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
          expect(stored).toEqual({ snapshot: null, updates: [], plan: null });
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
      expect(await store.loadDocument('board:zombie')).toEqual({ snapshot: null, updates: [], plan: null });
    });

    it('lands 200 concurrent appends, each with its own log length', async () => {
      const payloads = Array.from({ length: 200 }, (_, i) => Uint8Array.from([i >> 8, i & 255, 0xff]));
      const results = await Promise.all(payloads.map((p) => store.appendUpdate('board:burst', p)));
      expect(results.map((r) => r.logLength).sort((a, b) => a - b)).toEqual(payloads.map((_, i) => i + 1));
      const stored = await store.loadDocument('board:burst');
      const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
      expect(stored.updates.map(hex).sort()).toEqual(payloads.map(hex).sort());
    });

    it('deletes a document entirely: snapshot, log and client claims', async () => {
      for (const u of chainedUpdates(5)) await store.appendUpdate('board:gone', u);
      await store.compactDocument('board:gone');
      await store.appendUpdate('board:gone', chainedUpdates(1, 99)[0]!);
      await store.claimClientId('board:gone', 1, 'alice');
      await store.appendUpdate('board:kept', new Uint8Array([1]));
      await store.deleteDocument('board:gone');
      expect(await store.loadDocument('board:gone')).toEqual({ snapshot: null, updates: [], plan: null });
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

    it('stores the piece plan of a snapshot over one piece with it, and drops it with it', async () => {
      const { doc, updates } = recordingDoc();
      const map = doc.getMap<unknown>('m');
      // Over PIECE_BYTES once folded: the snapshot gets a plan.
      doc.transact(() => {
        for (let i = 0; i < 700; i++) map.set(`idea${i}`, `${i} `.repeat(400));
      });
      for (const u of updates.splice(0)) await store.appendUpdate('board:planned', u);
      await store.compactDocument('board:planned');
      const first = await store.loadDocument('board:planned');
      expect(first.snapshot!.length).toBeGreaterThan(PIECE_BYTES);
      const planned = readPlannedSnapshot(first.snapshot!, first.plan!);
      expect(planned!.pieces.length).toBeGreaterThan(1);
      const fromPieces = new Y.Doc();
      for (const piece of planned!.pieces) Y.applyUpdate(fromPieces, piece);
      expect(content(fromPieces)).toEqual(content(doc));

      // The next compaction writes a new snapshot and the plan for it.
      map.set('idea3', 'changed');
      for (const u of updates.splice(0)) await store.appendUpdate('board:planned', u);
      await store.compactDocument('board:planned');
      const second = await store.loadDocument('board:planned');
      expect(readPlannedSnapshot(second.snapshot!, second.plan!)).not.toBeNull();
      expect(readPlannedSnapshot(second.snapshot!, first.plan!)).toBeNull();

      // Shrunk to one piece: no plan is kept.
      doc.transact(() => {
        for (let i = 10; i < 700; i++) map.delete(`idea${i}`);
      });
      for (const u of updates.splice(0)) await store.appendUpdate('board:planned', u);
      await store.compactDocument('board:planned');
      const small = await store.loadDocument('board:planned');
      expect(small.snapshot!.length).toBeLessThan(PIECE_BYTES);
      expect(small.plan).toBeNull();

      await store.deleteDocument('board:planned');
      expect(await store.loadDocument('board:planned')).toEqual({ snapshot: null, updates: [], plan: null });
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
  });
}
