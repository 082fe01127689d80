import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ideasMap } from '../../shared';
import { RedisStore } from '../../server/store/redis-store';
import { TestClient, createBoard, eventually, join, startServer } from '../support/harness';
import { startRedis, type RedisProcess } from '../support/redis-process';

const redisBinary = inject('redisBinary');

/**
 * Redis goes away under a live board and comes back from its append-only file: the server
 * reconnects by itself, /readyz reports the outage meanwhile, nothing is confirmed while
 * Redis is down, and afterwards every idea — confirmed before or written during — is there.
 */
describe.each([
  ['stopped', false],
  ['killed with SIGKILL', true],
] as const)('Redis %s and restarted from its append-only file', (_name, hard) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(!redisBinary)('reconnects, reports the outage, and loses nothing confirmed', async () => {
    const dir = await mkdtemp(joinPath(tmpdir(), 'samskab-aof-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let redis: RedisProcess = await startRedis({ binary: redisBinary!, dir, appendonly: true });
    cleanups.push(() => redis.stop(true));
    const store = await RedisStore.connect(redis.url);
    const running = await startServer(store);
    cleanups.push(async () => {
      await running.server.close();
      await store.close().catch(() => undefined);
    });

    const board = await createBoard(running.url);
    const client = new TestClient(running.wsUrl, board.boardId, await join(running.url, board.boardId, board.tokens.participant, 'Ane'));
    cleanups.push(() => client.destroy());
    await client.synced();
    const before = Array.from({ length: 20 }, (_, i) => client.addIdea({ text: `før ${i}` }));
    await eventually(() => client.allSaved, 10_000, 'saved before the outage');

    await redis.stop(hard);
    await eventually(async () => (await fetch(`${running.url}/readyz`)).status === 503, 10_000, 'readyz reports the outage');
    const during = Array.from({ length: 20 }, (_, i) => client.addIdea({ text: `under ${i}` }));
    // Nothing written during the outage is confirmed while Redis is down.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.allSaved).toBe(false);

    redis = await startRedis({ binary: redisBinary!, dir, port: redis.port, appendonly: true });
    await eventually(async () => (await fetch(`${running.url}/readyz`)).status === 200, 20_000, 'readyz recovers');
    await eventually(() => client.allSaved, 30_000, 'saved after the outage');
    expect(client.closes).toEqual([]);

    // Read back through a fresh store handle: what Redis holds now, not what the server remembers.
    const check = await RedisStore.connect(redis.url);
    cleanups.push(() => check.close());
    const fresh = await startServer(check);
    cleanups.push(() => fresh.server.close());
    const observer = new TestClient(fresh.wsUrl, board.boardId, await join(fresh.url, board.boardId, board.tokens.observer));
    cleanups.push(() => observer.destroy());
    await observer.synced();
    const ids = new Set(ideasMap(observer.doc).keys());
    for (const idea of [...before, ...during]) expect(ids.has(idea.id)).toBe(true);
  }, 90_000);
});
