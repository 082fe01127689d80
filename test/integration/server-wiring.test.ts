import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type CreateBoardResponse, type ServerToClientEvents } from '../../shared';
import { createBoard, join, openStore, startServer } from '../support/harness';

/**
 * create-server.ts builds the HTTP server first, socket.io on it, the features with their
 * notifiers over socket.io, then the app, which the HTTP server's request listener is given
 * last. socket.io's long-polling transport is plain HTTP requests on the same server: if the
 * app were reached any other way, Express would also answer /socket.io/ requests (or
 * socket.io none). The other tests use the WebSocket transport only, so this one polls.
 */
describe('one HTTP server carries REST and socket.io long-polling', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let board: CreateBoardResponse;
  let socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    board = await createBoard(running.url, 'kickoff');
  });
  afterAll(async () => {
    socket?.close();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  it('answers REST beside socket.io', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', protocolVersion: PROTOCOL_VERSION });
  });

  it('serves socket.io over long-polling: hello, a command with its answer, and a notifier’s notice', async () => {
    const session = await join(running.url, board.boardId, board.tokens.facilitator, 'Lead');
    socket = ioClient(running.url, {
      auth: { session: session.sessionToken, protocolVersion: PROTOCOL_VERSION },
      transports: ['polling'],
      forceNew: true,
    });
    const hello = await new Promise<unknown>((resolve) => socket.once('session:hello', resolve));
    expect(hello).toMatchObject({ protocolVersion: PROTOCOL_VERSION, identity: { boardId: board.boardId, role: 'facilitator' } });
    expect(socket.io.engine.transport.name).toBe('polling');

    // The workshop's notifier was given socket.io when the workshop was built.
    const refreshed = new Promise<void>((resolve) => socket.once('votes:refresh', () => resolve()));
    const answer = await socket.timeout(10_000).emitWithAck('voting:reset', { questionId: 'kickoff-q1' });
    expect(answer).toMatchObject({ ok: true });
    await refreshed;
  });
});
