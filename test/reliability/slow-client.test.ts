import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideasMap } from '../../shared';
import { RawConnection, TestClient, createBoard, eventually, join, openStore, startServer } from '../support/harness';

/**
 * A client that stops reading (a phone in a pocket with a wedged socket) must not make the
 * server buffer without bound: once its backlog passes the limit it is dropped, and the
 * people who are reading carry on.
 */
describe('a client that stops reading', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  const LIMIT = 256 * 1024;

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store, { maxBufferedBytes: LIMIT });
  });
  afterAll(async () => {
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  it('is dropped once its backlog passes the limit, and nobody else notices', async () => {
    const board = await createBoard(running.url);
    const writer = new TestClient(running.wsUrl, board.boardId, await join(running.url, board.boardId, board.tokens.participant, 'Skriver'));
    const reader = new TestClient(running.wsUrl, board.boardId, await join(running.url, board.boardId, board.tokens.observer));
    await Promise.all([writer.synced(), reader.synced()]);
    const stuck = new RawConnection(running.wsUrl, board.boardId, (await join(running.url, board.boardId, board.tokens.observer)).sessionToken);
    await stuck.opened;
    const room = running.server.rooms.peek(board.boardId)!;
    await eventually(() => room.peers.size === 3, 10_000, 'three peers');
    // Stop reading: the kernel's socket buffers fill, then the server's.
    (stuck.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const text = 'x'.repeat(900);
    for (let round = 0; round < 150 && room.peers.size === 3; round++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 200; i++) writer.addIdea({ text });
      });
      await eventually(() => writer.allSaved, 20_000, 'round saved');
    }
    expect(room.peers.size).toBe(2); // the stuck one is gone
    await eventually(() => ideasMap(reader.doc).size === ideasMap(writer.doc).size, 20_000, 'reader caught up');
    expect(writer.closes).toEqual([]);
    expect(reader.closes).toEqual([]);
    writer.destroy();
    reader.destroy();
    stuck.ws.terminate();
  }, 120_000);
});
