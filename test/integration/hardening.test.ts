import http from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { ideasMap } from '../../shared';
import { testConfig } from '../../server/config';
import { createServer, type SamskabServer } from '../../server/create-server';
import { RawConnection, TestClient, createBoard, eventually, join, openStore, socketClient } from '../support/harness';

/** Web hardening: security headers from helmet, and no token in any log line. */
describe('web hardening', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let server: SamskabServer;
  let url: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    // Everything the server logs, at the chattiest level, goes to memory.
    const log = createLogger('trace', sink);
    server = await createServer({ store: env.store, config: testConfig(), log });
    url = (await server.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await server.close();
    await env.store.close();
    await env.cleanup();
  });

  it('keeps an idle keep-alive connection open longer than a client keeps it, so a request sent on it is answered', async () => {
    // One socket, kept alive by the client (as fetch and proxies do). With Node's default
    // (5 s, closed after about 6 s) the server closed it just before such a client's next
    // request (ECONNRESET); after 7 s idle the same socket must still be answered.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; keepAlive: string; socket: unknown }>((resolve, reject) => {
        const req = http.get(`${url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, keepAlive: String(res.headers['keep-alive'] ?? ''), socket: req.socket }));
        });
        req.on('error', reject);
      });
    try {
      const first = await get();
      expect(first.status).toBe(200);
      expect(Number(/timeout=(\d+)/.exec(first.keepAlive)?.[1])).toBeGreaterThan(60);
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      const second = await get();
      expect(second.status).toBe(200);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  }, 15_000);

  it('sends a strict Content-Security-Policy and the usual protective headers', async () => {
    for (const path of ['/', '/api/nope', '/healthz']) {
      const res = await fetch(url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('never writes a capability token or session token to the log', async () => {
    const board = await createBoard(url, 'kickoff');
    const session = await join(url, board.boardId, board.tokens.participant, 'Ane');
    const ws = url.replace('http', 'ws');
    const client = new TestClient(ws, board.boardId, session);
    await client.synced();
    client.addIdea({ text: '<img src=x onerror=alert(1)>' });
    await eventually(() => client.allSaved, 10_000, 'saved');
    // Refusals and errors log the most: a bad session, a refused write, a bad socket.io login.
    const bad = new RawConnection(ws, board.boardId, `${session.sessionToken}x`);
    await bad.closed;
    const observer = new TestClient(ws, board.boardId, await join(url, board.boardId, board.tokens.observer));
    await observer.synced();
    observer.addIdea({ text: 'not allowed' });
    await eventually(() => observer.closes.length > 0, 10_000, 'observer refused');
    const socket = socketClient(url, `${board.tokens.facilitator}`);
    await new Promise((resolve) => socket.once('connect_error', resolve));
    socket.close();
    await fetch(`${url}/api/boards/${board.boardId}/session`, { headers: { authorization: `Bearer ${session.sessionToken}` } });
    expect(ideasMap(client.doc).size).toBe(1);
    client.destroy();
    observer.destroy();

    const all = logLines.join('');
    expect(all.length).toBeGreaterThan(0);
    const secrets = [...Object.values(board.tokens), session.sessionToken];
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
