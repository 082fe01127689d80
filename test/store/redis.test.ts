import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, RESP_TYPES } from 'redis';
import { expect, inject, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore } from '../../server/store/board-store';
import { RedisStore } from '../../server/store/redis-store';
import { appendChunks } from '../../server/store/redis/document-scripts';
import { LIMITS } from '../../shared';
import { describeRedis, redisUrlOrSkip } from '../support/redis';
import { startRedis, type RedisProcess } from '../support/redis-process';
import { foldProbe, storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract/harness').then((c) => c.probedCompact(orig)));

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/** Every file under `dir`, recursively (Redis 7 keeps its AOF parts in appendonlydir/). */
async function readAll(dir: string): Promise<Buffer[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  // A file may be removed between the listing and the read (old AOF parts are unlinked in the background).
  return (await Promise.all(files.map((f) => readFile(f).catch(() => null)))).filter((b) => b !== null);
}

/** A redis-server of the test's own, in a fresh directory, so its files can be inspected. */
async function ownRedis(appendonly: boolean): Promise<{ server: RedisProcess; dir: string; remove: () => Promise<void> }> {
  const binary = inject('redisBinary');
  if (!binary) throw new Error('redis-server binary not provided');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-aof-'));
  const server = await startRedis({ binary, dir, appendonly });
  return {
    server,
    dir,
    remove: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function deleteByPrefix(url: string, prefix: string): Promise<void> {
  const admin = createClient({ url });
  await admin.connect();
  try {
    for await (const keys of admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await admin.del(keys);
    }
  } finally {
    await admin.close();
  }
}

describeRedis('redis store', () => {
  const url = redisUrlOrSkip() ?? '';

  storeContract('redis', { shared: true }, async () => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const opened: BoardStore[] = [await RedisStore.connect(url, { keyPrefix })];
    return {
      store: opened[0]!,
      reopen: async () => {
        const store = await RedisStore.connect(url, { keyPrefix });
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        for (const store of opened) await store.close();
        await deleteByPrefix(url, keyPrefix);
      },
    };
  });

  it('compacts onto the kept document while the snapshot is its own, and correctly once another store compacted', async () => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const mine = await RedisStore.connect(url, { keyPrefix });
    const other = await RedisStore.connect(url, { keyPrefix });
    const { foldStats } = await import('../../server/store/compact');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const write = async (store: BoardStore, from: number) => {
      for (let i = from; i < from + 5; i++) doc.getMap('m').set(`k${i}`, i);
      doc.getMap('m').delete(`k${from}`);
      await store.appendUpdates('board:kept', updates.splice(0));
    };
    const stored = async () => {
      const { snapshot, updates: log } = await mine.loadDocument('board:kept');
      const back = new Y.Doc();
      if (snapshot) Y.applyUpdate(back, snapshot);
      for (const u of log) Y.applyUpdate(back, u);
      return back.getMap('m').toJSON();
    };
    try {
      await write(mine, 0);
      expect(await mine.compactDocument('board:kept')).toEqual({ compacted: 6 });
      await write(mine, 10);
      const kept = foldStats.kept;
      expect(await mine.compactDocument('board:kept')).toEqual({ compacted: 6 });
      expect(foldStats.kept).toBe(kept + 1);
      expect(await stored()).toEqual(doc.getMap('m').toJSON());
      // Another store compacts: the folded id is no longer ours, so the snapshot is read again
      // (and, the fold worker being this process's, found to be what it kept: in another
      // process it would be folded from scratch).
      await write(other, 20);
      expect(await other.compactDocument('board:kept')).toEqual({ compacted: 6 });
      await write(mine, 30);
      expect(await mine.compactDocument('board:kept')).toEqual({ compacted: 6 });
      expect(await stored()).toEqual(doc.getMap('m').toJSON());
      expect((await mine.loadDocument('board:kept')).updates).toEqual([]);
    } finally {
      await mine.close();
      await other.close();
      await deleteByPrefix(url, keyPrefix);
    }
  });

  // The feed between processes is the cluster contract's (contract/cluster.ts).

  // Pins down which node-redis APIs are binary safe, so an upgrade that changes it is noticed:
  // RedisStore relies on withTypeMapping for single commands and scripts, and avoids MULTI.
  it('node-redis: only the Buffer-mapped client returns raw bytes; MULTI loses them', async () => {
    const client = createClient({ url });
    await client.connect();
    const key = `test:${randomBytes(6).toString('hex')}:probe`;
    try {
      const bin = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      await client.set(key, ALL_BYTES);
      expect(await bin.get(key)).toEqual(ALL_BYTES);
      expect(await bin.eval("return {redis.call('GET', KEYS[1])}", { keys: [key] })).toEqual([ALL_BYTES]);
      expect(typeof (await client.get(key))).toBe('string');
      const [viaMulti] = await bin.multi().get(key).exec();
      expect(Buffer.isBuffer(viaMulti)).toBe(false); // redis@5.12: EXEC ignores the mapping
    } finally {
      await client.del(key);
      await client.close();
    }
  });

  it('keeps working after its connection drops, and survives the outage without crashing', async () => {
    const errors: Error[] = [];
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const clientName = `samskab-test-${randomBytes(6).toString('hex')}`;
    const store = await RedisStore.connect(url, { keyPrefix, clientName, onError: (err) => errors.push(err) });
    const admin = createClient({ url });
    await admin.connect();
    try {
      await store.appendUpdate('board:x', new Uint8Array([1]));
      // Kill the store's connection from the server side; the client must reconnect by itself.
      const victims = (await admin.clientList()).filter((c) => c.name === clientName);
      expect(victims).toHaveLength(1);
      for (const c of victims) await admin.clientKill({ filter: 'ID', id: c.id });
      await expect.poll(async () => store.ping().then(() => true, () => false), { timeout: 10_000 }).toBe(true);
      expect(await store.appendUpdate('board:x', new Uint8Array([2]))).toEqual({ logLength: 2 });
      expect(errors.length).toBeGreaterThan(0); // reported through onError, not thrown
    } finally {
      await store.close();
      await admin.close();
      await deleteByPrefix(url, keyPrefix);
    }
  });

  it('leaves the document alone while another process holds the compaction lock', async () => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const lockKey = `${keyPrefix}doc:board:l:lock`;
    const store = await RedisStore.connect(url, { keyPrefix });
    const admin = createClient({ url });
    await admin.connect();
    try {
      const updates = [1, 2, 3].map((i) => {
        const doc = new Y.Doc();
        doc.getMap('m').set(`k${i}`, i);
        return Y.encodeStateAsUpdate(doc);
      });
      for (const u of updates) await store.appendUpdate('board:l', u);
      const untouched = { snapshot: null, updates, plan: null };

      await admin.set(lockKey, 'other-process', { expiration: { type: 'PX', value: 30_000 } });
      expect(await store.compactDocument('board:l')).toEqual({ compacted: 0 });
      expect(await store.loadDocument('board:l')).toEqual(untouched);
      expect(await admin.get(lockKey)).toBe('other-process');

      // Lock lost mid-fold (expired and taken over): the commit must not write, and the
      // release must not delete the new owner's lock. redis-cli runs synchronously, so the
      // takeover deterministically lands between the read and the commit.
      await admin.del(lockKey);
      foldProbe.hook = () => {
        foldProbe.hook = null;
        execFileSync('redis-cli', ['-u', url, 'SET', lockKey, 'new-owner']);
      };
      expect(await store.compactDocument('board:l')).toEqual({ compacted: 0 });
      expect(foldProbe.hook).toBeNull();
      expect(await store.loadDocument('board:l')).toEqual(untouched);
      expect(await admin.get(lockKey)).toBe('new-owner');
    } finally {
      foldProbe.hook = null;
      await store.close();
      await admin.close();
      await deleteByPrefix(url, keyPrefix);
    }
  });

  it('purgeDeleted rewrites the append-only file, leaving no deleted or overwritten value on disk', async () => {
    const own = await ownRedis(true);
    const admin = createClient({ url: own.server.url });
    await admin.connect();
    // The rewritten base would otherwise be RDB, whose LZF compression could hide a value that is still there.
    await admin.configSet('aof-use-rdb-preamble', 'no');
    const store = await RedisStore.connect(own.server.url, { keyPrefix: 'test:' });
    try {
      const [gone, overwritten, kept] = Array.from({ length: 3 }, () => randomBytes(18).toString('base64url')) as [string, string, string];
      await store.putRecord('calls', 'c1', JSON.stringify({ text: gone }));
      await store.putRecord('calls', 'c2', JSON.stringify({ text: overwritten }));
      await store.putRecord('calls', 'c3', JSON.stringify({ text: kept }));
      const found = async () => {
        const files = await readAll(own.dir);
        return [gone, overwritten, kept].filter((m) => files.some((bytes) => bytes.includes(m)));
      };
      expect(await found()).toEqual([gone, overwritten, kept]); // appendfsync always: logged before the reply

      expect(await store.deleteRecords('calls', ['c1'])).toBe(1);
      await store.putRecord('calls', 'c2', JSON.stringify({ text: 'new' }));
      // Two at once: the second meets the first's rewrite in progress and must wait, then start its own.
      await Promise.all([store.purgeDeleted(), store.purgeDeleted()]);
      const idle = async () => /aof_rewrite_in_progress:0\b/.test(await admin.info('persistence'));
      await expect.poll(idle, { timeout: 20_000, interval: 50 }).toBe(true);
      expect(await admin.info('persistence')).toMatch(/aof_last_bgrewrite_status:ok\b/);
      // The old parts are unlinked in the background after the rewrite.
      await expect.poll(found, { timeout: 10_000, interval: 50 }).toEqual([kept]);
      expect(await store.listRecords('calls')).toEqual([
        { key: 'c2', value: JSON.stringify({ text: 'new' }) },
        { key: 'c3', value: JSON.stringify({ text: kept }) },
      ]);
    } finally {
      await store.close();
      await admin.close();
      await own.remove();
    }
  });

  it('purgeDeleted writes nothing to disk when Redis runs without an append-only file', async () => {
    const own = await ownRedis(false);
    const store = await RedisStore.connect(own.server.url, { keyPrefix: 'test:' });
    try {
      await store.putRecord('calls', 'c1', 'secret');
      await store.deleteRecords('calls', ['c1']);
      await store.purgeDeleted();
      // BGREWRITEAOF would write the whole dataset into appendonlydir/ even with AOF off.
      expect(await readdir(own.dir)).toEqual([]);
    } finally {
      await store.close();
      await own.remove();
    }
  });
});

it('splits a large append into script calls of bounded count and size, keeping the order', () => {
  const sizes = (chunks: Array<Array<{ byteLength: number }>>) => chunks.map((c) => c.map((u) => u.byteLength));
  expect(appendChunks([])).toEqual([[]]);
  const many = Array.from({ length: 2_001 }, (_, i) => ({ byteLength: 1, i }));
  const chunks = appendChunks(many);
  expect(chunks.map((c) => c.length)).toEqual([1_000, 1_000, 1]);
  expect(chunks.flat()).toEqual(many);
  const max = LIMITS.messageBytes;
  expect(sizes(appendChunks([max, max, max, max, 1, max].map((byteLength) => ({ byteLength }))))).toEqual([[max, max, max, max], [1, max]]);
  // One update over the bound still goes, alone.
  expect(sizes(appendChunks([1, 5 * max, 1].map((byteLength) => ({ byteLength }))))).toEqual([[1], [5 * max], [1]]);
});
