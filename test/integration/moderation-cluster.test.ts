import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ErrorCode,
  randomId,
  readIdeas,
  type DecideResult,
  type ModerationCounts,
  type QueueResult,
  type SubmitHiddenResult,
  type WorkshopState,
} from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { createBoard, eventually, join, openStore, startServer, TestClient } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { call, draft, ok, socketOf, type TestSocket } from '../support/workshop';

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

  it('keeps an id reserved on one server from being taken on the other, where the board was loaded before', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const board = await createBoard(a.url, 'kickoff');
    const lead = await join(a.url, board.boardId, board.tokens.facilitator, 'Lead');
    const ane = await join(a.url, board.boardId, board.tokens.participant, 'Ane');
    const bo = await join(b.url, board.boardId, board.tokens.participant, 'Bo');
    const leadSocket = await socketOf(a.url, lead);
    const aneSocket = await socketOf(a.url, ane);
    sockets.push(leadSocket, aneSocket);
    // Bo's device holds the board open on B: B's room has loaded its reservations (none yet).
    const watcher = new TestClient(b.wsUrl, board.boardId, bo);
    clients.push(watcher);
    await watcher.synced();

    // Both reserved through A after B loaded the board: B hears of them, not from its load.
    const { callId } = await openCall(leadSocket, 'pre');
    const contributed = randomId(16);
    expect((await contribute(a.url, callId, { id: contributed, text: 'Et bidrag udefra' })).status).toBe(201);
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    const silent = draft(ane, 'Anes tavse idé');
    expect((await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: silent }))).state).toBe('hidden');
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: false }));

    for (const id of [contributed, silent.id]) {
      const thief = new TestClient(b.wsUrl, board.boardId, bo);
      clients.push(thief);
      await thief.synced();
      thief.addIdea({ id, text: 'Bos idé', questionId: 'kickoff-q1' });
      await eventually(() => thief.errors.length > 0, 10_000, 'an answer to the takeover on B');
      expect(thief.errors.map((e) => e.code)).toEqual([ErrorCode.IDEA_ID_TAKEN]);
    }
    // A free id is written on B as ever.
    const writer = new TestClient(b.wsUrl, board.boardId, bo);
    clients.push(writer);
    await writer.synced();
    writer.addIdea({ text: 'Bos egen idé', questionId: 'kickoff-q1' });
    await eventually(() => writer.allSaved, 10_000, 'a free id saved on B');
    expect(writer.errors).toEqual([]);
  });
});
