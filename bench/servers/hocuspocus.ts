import * as Y from 'yjs';
import { Server, type Extension, type onLoadDocumentPayload, type onStoreDocumentPayload } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { binary, redisClient } from '../lib/redis';
import { reportReady, requireEnv, serveProbe, timeLoad, timePersist } from './probe';

/**
 * Hocuspocus with its Redis extension (pub/sub between instances, a lock per store), as a
 * multi-process deployment would run it. The Redis extension does not persist documents,
 * so, as every Hocuspocus deployment does with @hocuspocus/extension-database, a small
 * extension loads the document from a Redis key and stores its full state there through
 * onStoreDocument (debounced by Hocuspocus: 2 s, at most 10 s). Defaults otherwise.
 */

const port = Number(requireEnv('BENCH_PORT'));
const prefix = requireEnv('BENCH_PREFIX');
const redisUrl = new URL(requireEnv('BENCH_REDIS_URL'));
const redis = binary(await redisClient(redisUrl.href));
const snapKey = (name: string) => `${prefix}snap:${name}`;

const snapshots: Extension = {
  async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
    await timeLoad(documentName, async () => {
      const snapshot = await redis.get(snapKey(documentName));
      if (snapshot) Y.applyUpdate(document, snapshot);
    });
  },
  async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
    await timePersist(
      'store',
      (bytes: number) => `${bytes} bytes written`,
      async () => {
        const state = Y.encodeStateAsUpdate(document);
        await redis.set(snapKey(documentName), Buffer.from(state.buffer, state.byteOffset, state.byteLength));
        return state.byteLength;
      },
    );
  },
};

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port), prefix: `${prefix}hp` }), snapshots],
});

await server.listen();
serveProbe();
reportReady(port);

process.on('SIGTERM', () => {
  void server
    .destroy()
    .then(() => redis.close())
    .finally(() => process.exit(0));
});
