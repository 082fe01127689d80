import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createClient, RESP_TYPES } from 'redis';
import { expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore } from '../../server/store/board-store';
import { RedisStore } from '../../server/store/redis-store';
import { describeRedis, redisUrlOrSkip } from '../support/redis';
import { foldProbe, storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract').then((c) => c.probedCompact(orig)));

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

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

  storeContract('redis', async () => {
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
      const untouched = { snapshot: null, updates };

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
});
