import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BoardStore } from '../../server/store/board-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract').then((c) => c.probedCompact(orig)));

storeContract('embedded', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-store-'));
  const opened: BoardStore[] = [await EmbeddedStore.open(dir)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = await EmbeddedStore.open(dir);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

/** Which of the markers occur anywhere in the files of `dir` (LevelDB keeps a flat directory). */
async function foundInFiles(dir: string, markers: string[]): Promise<string[]> {
  const files = await Promise.all((await readdir(dir)).map((name) => readFile(path.join(dir, name))));
  return markers.filter((m) => files.some((bytes) => bytes.includes(m)));
}

describe('embedded store: purgeDeleted', () => {
  it('leaves no deleted or overwritten value in the LevelDB files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-purge-'));
    let store = await EmbeddedStore.open(dir);
    try {
      // Unrelated random markers: with a shared part, LevelDB's Snappy compression would
      // store later ones as back-references, and a search would miss them even when present.
      const [inTable, inLog, overwritten, kept] = Array.from({ length: 4 }, () => randomBytes(18).toString('base64url')) as [string, string, string, string];
      await store.putRecord('calls', 'c1', JSON.stringify({ text: inTable }));
      await store.putRecord('calls', 'c2', JSON.stringify({ text: overwritten }));
      await store.putRecord('calls', 'c3', JSON.stringify({ text: kept }));
      // A reopen moves the write-ahead log into a table file, so both places get purged.
      await store.close();
      store = await EmbeddedStore.open(dir);
      await store.putRecord('calls', 'c4', JSON.stringify({ text: inLog }));
      expect(await foundInFiles(dir, [inTable, inLog, overwritten, kept])).toEqual([inTable, inLog, overwritten, kept]);

      expect(await store.deleteRecords('calls', ['c1', 'c4'])).toBe(2);
      await store.putRecord('calls', 'c2', JSON.stringify({ text: 'new' }));
      await store.purgeDeleted();
      // The kept marker shows the files are searchable as written (compression doesn't hide it).
      expect(await foundInFiles(dir, [inTable, inLog, overwritten, kept])).toEqual([kept]);
      expect(await store.listRecords('calls')).toEqual([
        { key: 'c2', value: JSON.stringify({ text: 'new' }) },
        { key: 'c3', value: JSON.stringify({ text: kept }) },
      ]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded store: compaction swaps, then clears', () => {
  it('skips log entries the snapshot covers when a crash left them behind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-leftover-'));
    let store = await EmbeddedStore.open(dir);
    try {
      const updates = Array.from({ length: 6 }, (_, i) => {
        const doc = new Y.Doc();
        doc.getMap('m').set(`k${i}`, i);
        return Y.encodeStateAsUpdate(doc);
      });
      await store.appendUpdates('board:left', updates.slice(0, 4));
      expect(await store.compactDocument('board:left')).toEqual({ compacted: 4 });
      await store.close();
      // As if the process died after the swap and before the clear: an entry the snapshot covers is back.
      const { ClassicLevel } = await import('classic-level');
      const raw = new ClassicLevel<string, Uint8Array>(dir, { valueEncoding: 'view' });
      await raw.put(`doc:${encodeURIComponent('board:left')}:log:${'2'.padStart(16, '0')}`, Uint8Array.from([0xde, 0xad]));
      await raw.close();
      store = await EmbeddedStore.open(dir);
      expect(await store.loadDocument('board:left')).toMatchObject({ updates: [] });
      expect(await store.appendUpdates('board:left', updates.slice(4))).toEqual({ logLength: 2 });
      expect(await store.compactDocument('board:left')).toEqual({ compacted: 2 });
      const stored = await store.loadDocument('board:left');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, stored.snapshot!);
      expect(Object.keys(doc.getMap('m').toJSON()).sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
