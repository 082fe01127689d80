import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, LIMITS, type CreateBoardResponse, type ProtocolError } from '../../shared';
import { createBoard, join, openStore, socketClient, startServer } from '../support/harness';
import type { TestSocket } from '../support/workshop';

/** The untyped view of a socket: these tests send what the typed client would not let them. */
interface Untyped {
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  emit(event: string, ...args: unknown[]): void;
}

/**
 * Every socket.io request gets an answer (docs/PROTOCOL.md §11): an unknown event, a payload
 * over 256 KiB, a command without its payload, and a command without an acknowledgement
 * callback each get a named error — in the acknowledgement when the client sent a callback,
 * otherwise as a `server:error` event — and the connection stays up.
 */
describe('socket.io answers every request', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let board: CreateBoardResponse;
  let socket: TestSocket;
  let untyped: Untyped;
  const serverErrors: ProtocolError[] = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    board = await createBoard(running.url, 'kickoff');
    const session = await join(running.url, board.boardId, board.tokens.facilitator, 'Lead');
    socket = socketClient(running.url, session.sessionToken);
    socket.on('server:error', (error) => serverErrors.push(error));
    untyped = socket as unknown as Untyped;
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  });
  afterAll(async () => {
    socket.close();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  const ask = (event: string, ...args: unknown[]) => untyped.timeout(10_000).emitWithAck(event, ...args);

  async function serverError(send: () => void): Promise<ProtocolError> {
    const before = serverErrors.length;
    send();
    const deadline = Date.now() + 10_000;
    while (serverErrors.length === before) {
      if (Date.now() > deadline) throw new Error('no server:error');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return serverErrors[before]!;
  }

  it('refuses an unknown event by name', async () => {
    expect(await ask('no:such:event', {})).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_FOUND } });
    expect(await ask('__proto__', {})).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_FOUND } });
    expect(await serverError(() => untyped.emit('no:such:event', {}))).toMatchObject({ code: ErrorCode.NOT_FOUND });
    expect(socket.connected).toBe(true);
  });

  it('refuses a payload over 256 KiB with TOO_LARGE and stays connected', async () => {
    const title = 'x'.repeat(LIMITS.eventBytes + 1);
    expect(await ask('board:updateSettings', { title })).toMatchObject({ ok: false, error: { code: ErrorCode.TOO_LARGE } });
    expect(await serverError(() => untyped.emit('board:updateSettings', { title }))).toMatchObject({ code: ErrorCode.TOO_LARGE });
    expect(socket.connected).toBe(true);
    // Below the limit the command itself judges the payload.
    expect(await ask('board:updateSettings', { title: 'x'.repeat(1000) })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
  });

  it('refuses a command sent without its payload', async () => {
    expect(await ask('vote:cast')).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect(await ask('board:updateSettings')).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    // Commands that take no payload still work with the callback alone.
    expect(await ask('time:sync')).toMatchObject({ ok: true });
    expect(await ask('ideas:hidden')).toMatchObject({ ok: true });
  });

  it('answers a command sent with extra arguments before its callback, and does not run it', async () => {
    expect(await ask('board:updateSettings', { title: 'Med ekstra' }, 'junk')).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect(await ask('time:sync', {}, {})).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    const settings = (await ask('board:updateSettings', {})) as { ok: boolean; data?: { title?: string } };
    expect(settings.data?.title).not.toBe('Med ekstra');
    expect(socket.connected).toBe(true);
  });

  it('answers a command sent without an acknowledgement callback with server:error, and does not run it', async () => {
    expect(await serverError(() => untyped.emit('vote:cast'))).toMatchObject({ code: ErrorCode.BAD_REQUEST });
    expect(await serverError(() => untyped.emit('board:updateSettings', { title: 'Uden svar' }))).toMatchObject({ code: ErrorCode.BAD_REQUEST });
    const settings = (await ask('board:updateSettings', {})) as { ok: boolean; data?: { title?: string } };
    expect(settings.ok).toBe(true);
    expect(settings.data?.title).not.toBe('Uden svar');
    expect(socket.connected).toBe(true);
  });
});
