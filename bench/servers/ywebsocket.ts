import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setContentInitializor, setupWSConnection, type WSSharedDoc } from '@y/websocket-server/utils';
import { binary, redisClient } from '../lib/redis';
import { reportReady, requireEnv, serveProbe, timeLoad } from './probe';

/**
 * The reference: @y/websocket-server 0.1.1 as its own server.js wires it (an HTTP server,
 * a `ws` WebSocketServer, setupWSConnection per connection), in memory, no auth, no
 * validation. It has no Redis persistence of its own; so that "cold load from Redis" can be
 * compared, a content initializer (its documented hook) reads the board's snapshot from the
 * bench's Redis key when a document is first opened. Nothing is written back.
 */

const port = Number(requireEnv('BENCH_PORT'));
const prefix = requireEnv('BENCH_PREFIX');
const redis = binary(await redisClient(requireEnv('BENCH_REDIS_URL')));

// Its typings say Y.Doc; it is always called with the WSSharedDoc being constructed, which has a name.
setContentInitializor((ydoc) => {
  const name = (ydoc as WSSharedDoc).name;
  return timeLoad(name, async () => {
    const snapshot = await redis.get(`${prefix}snap:${name}`);
    if (snapshot) Y.applyUpdate(ydoc, snapshot);
  });
});

// The cheapest answer the server can give: the bench's "ping" under load and compaction.
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(port, '127.0.0.1', () => {
  serveProbe();
  reportReady(port);
});

process.on('SIGTERM', () => {
  wss.close();
  server.close();
  void redis.close().finally(() => process.exit(0));
});
