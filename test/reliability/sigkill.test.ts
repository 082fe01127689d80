import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { ideasMap } from '../../shared';
import { TestClient, createBoard, eventually, join } from '../support/harness';
import { freePort, killHard, startChildServer } from '../support/child-server';

const redisUrl = inject('redisUrl');
const CLIENTS = 20;
const IDEAS_PER_CLIENT = 500; // 10,000 in all

/**
 * The promise behind every "saved": a server killed with SIGKILL mid-stream loses nothing it
 * confirmed, and its clients resend what it had not confirmed, so after a restart every idea
 * exists exactly once.
 */
describe.each(['embedded', 'redis'] as const)('SIGKILL while 20 clients stream 10,000 ideas (%s store)', (kind) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(kind === 'redis' && !redisUrl)('keeps every confirmed idea and lands the rest exactly once', async () => {
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-kill-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = String(await freePort());
    const env: Record<string, string> =
      kind === 'redis' ? { PORT: port, REDIS_URL: `${redisUrl}/7`, DATA_DIR: dataDir } : { PORT: port, DATA_DIR: dataDir };
    let server = await startChildServer(env);
    cleanups.push(() => killHard(server.child));
    const wsUrl = server.url.replace('http', 'ws');
    const board = await createBoard(server.url);

    const clients: TestClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const session = await join(server.url, board.boardId, board.tokens.participant, `Deltager ${i}`);
      const client = new TestClient(wsUrl, board.boardId, session);
      clients.push(client);
      cleanups.push(() => client.destroy());
    }
    await Promise.all(clients.map((c) => c.synced()));

    // Each client writes its ideas one transaction at a time and remembers the clock after each.
    const written = clients.map(() => [] as Array<{ id: string; clock: number }>);
    let stop = false;
    const streams = clients.map(async (client, i) => {
      for (let n = 0; n < IDEAS_PER_CLIENT && !stop; n++) {
        const idea = client.addIdea({ text: `Idé ${i}-${n}` });
        written[i]!.push({ id: idea.id, clock: Y.getState(client.doc.store, client.doc.clientID) });
        await new Promise((resolve) => setTimeout(resolve, n % 10 === 0 ? 5 : 0));
      }
    });

    // Kill once a good share is confirmed, while the rest is still streaming.
    await eventually(() => clients.reduce((sum, c) => sum + c.savedClockValue, 0) > 15 * 3000, 60_000, 'some confirmed');
    const confirmedAtKill = clients.flatMap((c, i) => written[i]!.filter((w) => w.clock <= c.savedClockValue).map((w) => w.id));
    await killHard(server.child);
    expect(confirmedAtKill.length).toBeGreaterThan(0);

    server = await startChildServer(env);
    cleanups.push(() => killHard(server.child));
    await Promise.all(streams);
    stop = true;
    await eventually(() => clients.every((c) => c.allSaved && c.provider.wsconnected), 60_000, 'all saved after restart');

    // A fresh client sees every idea exactly once (Yjs map keys are unique; count them all).
    const observer = new TestClient(wsUrl, board.boardId, await join(server.url, board.boardId, board.tokens.observer));
    cleanups.push(() => observer.destroy());
    await observer.synced();
    const ids = new Set(ideasMap(observer.doc).keys());
    expect(ids.size).toBe(CLIENTS * IDEAS_PER_CLIENT);
    for (const id of confirmedAtKill) expect(ids.has(id)).toBe(true);
    for (const list of written) for (const w of list) expect(ids.has(w.id)).toBe(true);
  }, 180_000);
});
