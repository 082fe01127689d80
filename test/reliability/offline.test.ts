import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideasMap, readIdeas } from '../../shared';
import { TestClient, createBoard, eventually, join, openStore, startServer, storedDoc } from '../support/harness';

/**
 * Phones lose their connection. Whatever was written offline arrives when they come back —
 * 5,000 ideas in one sync step included — and the people who stayed online notice nothing
 * but the new ideas.
 */
/**
 * How long the first test stays offline. Short in `npm test`; `npm run test:offline-long`
 * sets two minutes, the real case (a phone in a lift, a bus through a tunnel).
 */
const OFFLINE_MS = Number(process.env.OFFLINE_SECONDS ?? 0) * 1000;

describe('offline clients', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
  });
  afterAll(async () => {
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  async function connect(boardId: string, token: string, name: string | null) {
    const client = new TestClient(running.wsUrl, boardId, await join(running.url, boardId, token, name));
    await client.synced();
    return client;
  }

  it('delivers edits made offline, including edits to ideas others changed meanwhile', { timeout: 60_000 + OFFLINE_MS }, async () => {
    const board = await createBoard(running.url, 'kickoff');
    const ane = await connect(board.boardId, board.tokens.participant, 'Ane');
    const bo = await connect(board.boardId, board.tokens.participant, 'Bo');
    const shared = ane.addIdea({ text: 'Fælles idé' });
    await eventually(() => ideasMap(bo.doc).has(shared.id), 10_000, 'shared idea');

    ane.provider.disconnect();
    const offline = Array.from({ length: 30 }, (_, i) => ane.addIdea({ text: `offline ${i}` }));
    ideasMap(ane.doc).get(shared.id)?.set('text', 'Redigeret offline');
    // Meanwhile Bo moves the same idea (placement is shared).
    ideasMap(bo.doc).get(shared.id)?.set('phase', 3);
    await eventually(() => bo.allSaved, 10_000, 'bo saved');
    // Offline for a while: Bo keeps working, and the server's keepalive drops nothing of his.
    for (let waited = 0; waited < OFFLINE_MS; waited += 10_000) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, OFFLINE_MS - waited)));
      bo.addIdea({ text: `Bo, mens Ane er væk ${waited}` });
    }
    await eventually(() => bo.allSaved, 10_000, 'bo saved while ane was away');
    const boAdded = Math.ceil(OFFLINE_MS / 10_000);

    ane.provider.connect();
    await eventually(() => ane.allSaved && ideasMap(bo.doc).size === 31 + boAdded && ideasMap(ane.doc).size === 31 + boAdded, 20_000, 'converged');
    for (const client of [ane, bo]) {
      expect(readIdeas(client.doc).find((i) => i.id === shared.id)).toMatchObject({ text: 'Redigeret offline', phase: 3 });
    }
    const stored = readIdeas(await storedDoc(env.store, board.boardId)).map((i) => i.id);
    for (const idea of offline) expect(stored).toContain(idea.id);
    expect(bo.closes).toEqual([]);
    ane.destroy();
    bo.destroy();
  });

  it('takes 5,000 offline ideas in one sync without disturbing anyone', async () => {
    const board = await createBoard(running.url);
    const bulk = await connect(board.boardId, board.tokens.participant, 'Bulk');
    const bystander = await connect(board.boardId, board.tokens.participant, 'Bystander');
    bulk.provider.disconnect();
    bulk.doc.transact(() => {
      for (let i = 0; i < 5000; i++) bulk.addIdea({ text: `Masser af idéer nummer ${i}, skrevet uden forbindelse` });
    });
    bulk.provider.connect();
    // Meanwhile the bystander keeps writing.
    const during = bystander.addIdea({ text: 'mens det står på' });
    await eventually(() => bulk.allSaved && bystander.allSaved && ideasMap(bystander.doc).size === 5001, 60_000, 'bulk landed');
    expect(ideasMap(bulk.doc).has(during.id)).toBe(true);
    expect(bystander.closes).toEqual([]);
    expect(bulk.closes).toEqual([]);
    expect(readIdeas(await storedDoc(env.store, board.boardId))).toHaveLength(5001);
    bulk.destroy();
    bystander.destroy();
  }, 90_000);
});
