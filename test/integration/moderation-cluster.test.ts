import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readIdeas, type DecideResult, type ModerationCounts, type QueueResult } from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { createBoard, eventually, join, openStore, startServer, TestClient } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';

const redisUrl = inject('redisUrl');

/** Two server processes' worth of Samskab (two stores, two servers) on one Redis. */
describe.skipIf(!redisUrl)('moderation across two servers on one Redis', () => {
  let stores: BoardStore[] = [];
  let servers: Array<Awaited<ReturnType<typeof startServer>>> = [];
  const sockets: TestSocket[] = [];
  const clients: TestClient[] = [];
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openStore('redis', redisUrl);
    stores = [opened.store, await opened.reopen()];
    servers = [await startServer(stores[0]!), await startServer(stores[1]!)];
    cleanup = opened.cleanup;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const c of clients) c.destroy();
    for (const s of servers) await s.server.close();
    for (const s of stores) await s.close();
    await cleanup();
  });

  it('lets exactly one of two facilitators on different servers approve, and publishes once everywhere', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const board = await createBoard(a.url, 'kickoff');
    const leadA = await join(a.url, board.boardId, board.tokens.facilitator, 'Lead A');
    const leadB = await join(b.url, board.boardId, board.tokens.facilitator, 'Lead B');
    const ane = await join(b.url, board.boardId, board.tokens.participant, 'Ane');
    const socketA = await socketOf(a.url, leadA);
    const socketB = await socketOf(b.url, leadB);
    sockets.push(socketA, socketB);
    const heardOnB: ModerationCounts[] = [];
    socketB.on('moderation:changed', (counts) => heardOnB.push(counts));
    const participant = new TestClient(b.wsUrl, board.boardId, ane);
    clients.push(participant);
    await participant.synced();

    const { callId } = await openCall(socketA, 'pre');
    for (let round = 0; round < 5; round++) {
      const text = `Idé nummer ${round} fra borgermødet`;
      expect((await contribute(a.url, callId, { text })).status).toBe(201);
      // The facilitator on the other server hears of it (socket.io through the Redis adapter).
      await eventually(() => heardOnB.some((c) => c.pending >= 1), 5000, 'the other server hears of the contribution');
      const { items } = await ok(call<QueueResult>(socketB, 'moderation:queue', {}));
      expect(items).toHaveLength(1);
      const [first, second] = await Promise.all([
        ok(call<DecideResult>(socketA, 'moderation:decide', { itemIds: [items[0]!.id], decision: 'approve' })),
        ok(call<DecideResult>(socketB, 'moderation:decide', { itemIds: [items[0]!.id], decision: round % 2 ? 'approve' : 'reject', reason: 'duplicate' })),
      ]);
      expect([first.results[0]!.outcome, second.results[0]!.outcome].sort()).toEqual(['already-decided', 'done']);
      const approved = [first, second].find((d) => d.results[0]!.outcome === 'done')!.results[0]!.item!.state === 'approved';
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readIdeas(participant.doc).filter((i) => i.text === text)).toHaveLength(approved ? 1 : 0);
      heardOnB.length = 0;
    }
  });
});
