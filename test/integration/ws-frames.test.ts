import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { writeFrame } from '../../server/realtime/ws-frames';

/** The broadcast path writes frames itself (ws-frames.ts): a real ws client must read exactly what was sent, in order. */
describe('frames written by the server to a ws client', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
    server = null;
  });

  it('arrive whole and in order, small and large, mixed with ws.send', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await new Promise((resolve) => server?.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const accepted = new Promise<WebSocket>((resolve) => server?.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: Buffer[] = [];
    const messages = [10, 125, 126, 65_535, 65_536, 300_000, 3].map((n, i) => Uint8Array.from({ length: n }, (_, k) => (k * 7 + i) % 256));
    const all = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer) => {
        received.push(data);
        if (received.length === messages.length + 1) resolve();
      }),
    );
    const peer = await accepted;
    await new Promise((resolve) => client.once('open', resolve));
    const shared = messages[0] as Uint8Array;
    // The same message twice (a broadcast reuses its frame), then ws's own send in between.
    expect(writeFrame(peer, shared)).toBe(true);
    for (const message of messages.slice(1, 4)) writeFrame(peer, message);
    peer.send(shared);
    for (const message of messages.slice(4)) writeFrame(peer, message);
    await all;
    const expected = [shared, ...messages.slice(1, 4), shared, ...messages.slice(4)];
    expect(received.map((b) => b.length)).toEqual(expected.map((m) => m.length));
    received.forEach((b, i) => expect(b.equals(Buffer.from(expected[i] as Uint8Array))).toBe(true));
    client.close();
    await new Promise((resolve) => peer.once('close', resolve));
    // Nothing is written once the connection is closing or closed.
    expect(writeFrame(peer, shared)).toBe(false);
  });
});
