import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BoardStore } from '../../server/store/board-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract/harness').then((c) => c.probedCompact(orig)));

storeContract('embedded', { shared: false }, async () => {
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

/**
 * LevelDB compresses its table blocks with Snappy, which writes any run of 4 or more bytes
 * that occurred earlier in the block as a back-reference to it. A marker is then only found
 * by a byte search if no such run covers any of its bytes: with markers merely random,
 * `{"text":"` plus a first character an earlier marker shared was such a run, and the
 * marker was missing from a table that did hold it (about 3 % of runs; this test once
 * failed that way in a full run). So markers are drawn until every 3 bytes touching a marker
 * occur once in all the test writes, keys included: any 4-byte run touching it contains
 * such 3 bytes, also one reaching past the value into the binary entry header next to it.
 */
function literalMarkers(count: number, wrap: (marker: string) => string, alsoWritten: string[]): string[] {
  const occurrences = (texts: string[], part: string) => texts.reduce((n, t) => n + t.split(part).length - 1, 0);
  for (;;) {
    const markers = Array.from({ length: count }, () => randomBytes(18).toString('base64url'));
    const written = [...markers.map(wrap), ...alsoWritten];
    const literal = markers.every((marker, i) => {
      const value = written[i]!;
      const at = value.indexOf(marker);
      for (let start = Math.max(0, at - 2); start < at + marker.length && start + 3 <= value.length; start++) {
        if (occurrences(written, value.slice(start, start + 3)) !== 1) return false;
      }
      return true;
    });
    if (literal) return markers;
  }
}

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
      const text = (marker: string) => JSON.stringify({ text: marker });
      const keys = ['c1', 'c2', 'c3', 'c4'].map((key) => `record:calls:${key}`);
      const [inTable, inLog, overwritten, kept] = literalMarkers(4, text, [...keys, text('new')]) as [string, string, string, string];
      await store.putRecord('calls', 'c1', text(inTable));
      await store.putRecord('calls', 'c2', text(overwritten));
      await store.putRecord('calls', 'c3', text(kept));
      // A reopen moves the write-ahead log into a table file, so both places get purged.
      await store.close();
      store = await EmbeddedStore.open(dir);
      await store.putRecord('calls', 'c4', text(inLog));
      expect(await foundInFiles(dir, [inTable, inLog, overwritten, kept])).toEqual([inTable, inLog, overwritten, kept]);

      expect(await store.deleteRecords('calls', ['c1', 'c4'])).toBe(2);
      await store.putRecord('calls', 'c2', text('new'));
      await store.purgeDeleted();
      // The kept marker shows the files are searchable as written (compression doesn't hide it).
      expect(await foundInFiles(dir, [inTable, inLog, overwritten, kept])).toEqual([kept]);
      expect(await store.listRecords('calls')).toEqual([
        { key: 'c2', value: text('new') },
        { key: 'c3', value: text(kept) },
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
