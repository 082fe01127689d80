import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode, type Ack } from '../../shared';
import { loadConfig } from '../../server/config';
import { RawConnection, TestClient, createBoard, eventually, join, openStore, socketClient, startServer } from '../support/harness';

/**
 * Sessions expire SESSION_TTL_DAYS after they were issued, and an expired session must be
 * indistinguishable from an unknown one on every way in: REST (401), socket.io (connect
 * error) and the Yjs endpoint (close 4401). The server runs on its real clock with a
 * lifetime short enough to wait out; the lifetime is generous next to the few round trips
 * that show the fresh session working, so a busy machine does not make the test flaky.
 */

const TTL_MS = 1_500;

type Refusal = { status: number; code: string | undefined; message: string | undefined };

describe('session expiry', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store, { sessionTtlMs: TTL_MS });
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  async function rest(path: string, session: string): Promise<Refusal> {
    const res = await fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${session}` } });
    const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
    const body = isJson ? ((await res.json()) as Ack<unknown>) : null;
    if (!isJson) await res.arrayBuffer();
    const error = body && !body.ok ? body.error : undefined;
    return { status: res.status, code: error?.code, message: error?.message };
  }

  /** 'connected', or the code the server gave with its connect error. */
  function socketOutcome(session: string): Promise<string> {
    const socket = socketClient(running.url, session);
    cleanups.push(() => socket.close());
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
        socket.close();
        resolve(error.data?.code ?? error.message);
      });
    });
  }

  async function yjsSynced(boardId: string, session: Awaited<ReturnType<typeof join>>): Promise<boolean> {
    const client = new TestClient(running.wsUrl, boardId, session);
    cleanups.push(() => client.destroy());
    await client.synced();
    client.destroy();
    return true;
  }

  async function yjsRefusal(boardId: string, session: string): Promise<{ close: number; code: string | undefined }> {
    const raw = new RawConnection(running.wsUrl, boardId, session);
    cleanups.push(() => raw.ws.terminate());
    const close = await raw.closed;
    return { close, code: raw.errors[0]?.code };
  }

  it('accepts a fresh session everywhere, then refuses it exactly like an unknown one on REST, socket.io and Yjs', async () => {
    const board = await createBoard(running.url, 'kickoff');
    const before = Date.now();
    const session = await join(running.url, board.boardId, board.tokens.facilitator, 'Facilitator');
    const token = session.sessionToken;
    const sessionPath = `/api/boards/${board.boardId}/session`;
    const exportPath = `/api/boards/${board.boardId}/export/csv`;

    const fresh = await Promise.all([rest(sessionPath, token), rest(exportPath, token), socketOutcome(token), yjsSynced(board.boardId, session)]);
    expect(fresh.map((r) => (typeof r === 'object' ? r.status : r))).toEqual([200, 200, 'connected', true]);

    // Wait it out on the server's own clock; the bound only limits how long a failure takes.
    await eventually(async () => (await rest(sessionPath, token)).status === 401, 10_000, 'the session to expire');
    // Not a moment early: `before` was taken before the server stamped the session.
    expect(Date.now() - before).toBeGreaterThanOrEqual(TTL_MS);

    const unknown = 'u'.repeat(token.length);
    for (const path of [sessionPath, exportPath]) {
      const expired = await rest(path, token);
      expect(expired, path).toEqual(await rest(path, unknown));
      expect(expired, path).toMatchObject({ status: 401, code: ErrorCode.UNAUTHENTICATED });
    }
    expect(await socketOutcome(token)).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await yjsRefusal(board.boardId, token)).toEqual({ close: CloseCode.UNAUTHENTICATED, code: ErrorCode.UNAUTHENTICATED });
    expect(await yjsRefusal(board.boardId, unknown)).toEqual(await yjsRefusal(board.boardId, token));

    // The way back is the board's link: it still buys a new session (with a new identity).
    const again = await join(running.url, board.boardId, board.tokens.facilitator, 'Facilitator');
    expect(again.identity.participantId).not.toBe(session.identity.participantId);
    expect((await rest(sessionPath, again.sessionToken)).status).toBe(200);
  });
});

describe('SESSION_TTL_DAYS', () => {
  it('defaults to 90 days and accepts fractions of a day', () => {
    expect(loadConfig({}).sessionTtlMs).toBe(90 * 24 * 60 * 60 * 1000);
    expect(loadConfig({ SESSION_TTL_DAYS: '0.5' }).sessionTtlMs).toBe(12 * 60 * 60 * 1000);
  });

  it('stops the server at start with a message naming the variable when it is not a positive number', () => {
    for (const value of ['0', '-1', 'ninety', '4000']) {
      expect(() => loadConfig({ SESSION_TTL_DAYS: value }), value).toThrow(/SESSION_TTL_DAYS/);
    }
  });
});
