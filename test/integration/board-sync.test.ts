import { afterEach, describe, expect, inject, it } from 'vitest';
import { ideasMap, readIdeas } from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { TestClient, createBoard, eventually, join, openStore, startServer, storedDoc, type StoreKind } from '../support/harness';

const redisUrl = inject('redisUrl');
const kinds: StoreKind[] = ['embedded', 'redis'];

describe.each(kinds)('live board on the %s store', (kind) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup() {
    const opened = await openStore(kind, redisUrl);
    let store: BoardStore = opened.store;
    let running = await startServer(store);
    const clients: TestClient[] = [];
    cleanups.push(async () => {
      for (const c of clients) c.destroy();
      await running.server.close();
      await store.close();
      await opened.cleanup();
    });
    const board = await createBoard(running.url, 'kickoff');
    const ctx = {
      board,
      get url() {
        return running.url;
      },
      get store() {
        return store;
      },
      async client(role: 'participant' | 'facilitator' | 'observer' = 'participant', name: string | null = null) {
        const session = await join(running.url, board.boardId, board.tokens[role], name);
        const client = new TestClient(running.wsUrl, board.boardId, session);
        clients.push(client);
        await client.synced();
        return client;
      },
      /** Stops the server and the store, then starts both again on the same data. */
      async restart() {
        for (const c of clients.splice(0)) c.destroy();
        await running.server.close();
        await store.close();
        store = await opened.reopen();
        running = await startServer(store);
      },
    };
    return ctx;
  }

  it.skipIf(kind === 'redis' && !redisUrl)('two clients converge', async () => {
    const ctx = await setup();
    const ane = await ctx.client('participant', 'Ane');
    const bo = await ctx.client('participant', 'Bo');
    const idea = ane.addIdea({ text: 'Flere bænke ved stranden, æøå' });
    bo.addIdea({ text: 'Lektiecafé i biblioteket' });
    await eventually(() => ideasMap(ane.doc).size === 2 && ideasMap(bo.doc).size === 2, 10_000, 'convergence');
    expect(readIdeas(bo.doc).find((i) => i.id === idea.id)?.text).toBe('Flere bænke ved stranden, æøå');
    expect(readIdeas(ane.doc).map((i) => i.id).sort()).toEqual(readIdeas(bo.doc).map((i) => i.id).sort());
  });

  it.skipIf(kind === 'redis' && !redisUrl)('reports saved only once the store has the update', async () => {
    const ctx = await setup();
    const ane = await ctx.client('participant', 'Ane');
    const idea = ane.addIdea({ text: 'Saved for sure' });
    await eventually(() => ane.allSaved, 10_000, 'saved');
    const stored = await storedDoc(ctx.store, ctx.board.boardId);
    expect(readIdeas(stored).map((i) => i.id)).toContain(idea.id);
  });

  it.skipIf(kind === 'redis' && !redisUrl)('keeps the board intact across a restart', async () => {
    const ctx = await setup();
    const ane = await ctx.client('participant', 'Ane');
    const ideas = Array.from({ length: 25 }, (_, i) => ane.addIdea({ text: `Idé ${i}` }));
    await eventually(() => ane.allSaved, 10_000, 'saved');
    await ctx.restart();
    const again = await ctx.client('observer');
    expect(readIdeas(again.doc).map((i) => i.id).sort()).toEqual(ideas.map((i) => i.id).sort());
  });

  it.skipIf(kind === 'redis' && !redisUrl)('never reports a cold board as synced and empty', async () => {
    const ctx = await setup();
    const ane = await ctx.client('participant', 'Ane');
    ane.doc.transact(() => {
      for (let i = 0; i < 400; i++) ane.addIdea({ text: `Idé nummer ${i}` });
    });
    await eventually(() => ane.allSaved, 15_000, 'saved');
    await ctx.restart();
    // The first client on the cold server: when y-websocket says synced, every idea is there.
    const cold = await ctx.client('observer');
    expect(ideasMap(cold.doc).size).toBe(400);
  });

  it.skipIf(kind === 'redis' && !redisUrl)('compacts a long log without losing anything', async () => {
    const ctx = await setup();
    const ane = await ctx.client('participant', 'Ane');
    const idea = ane.addIdea({ text: 'v0' });
    // Well past COMPACT_AFTER_UPDATES (500): one update per edit.
    for (let i = 1; i <= 600; i++) {
      ane.doc.transact(() => ideasMap(ane.doc).get(idea.id)?.set('text', `v${i}`));
    }
    await eventually(() => ane.allSaved, 20_000, 'saved');
    await eventually(async () => (await ctx.store.loadDocument(`board:${ctx.board.boardId}`)).updates.length < 600, 20_000, 'compaction');
    await ctx.restart();
    const again = await ctx.client('observer');
    expect(readIdeas(again.doc).find((i) => i.id === idea.id)?.text).toBe('v600');
  });
});
