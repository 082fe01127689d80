import { testConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { RedisStore } from '../../server/store/redis-store';
import { reportReady, requireEnv, serveProbe, timeLoad, timePersist } from './probe';

/**
 * Samskab as production runs it on one process: validation, roles and the Redis store
 * (group-committed appends, compaction after COMPACT_AFTER_UPDATES), logging at warn. The
 * bench only wraps two methods to time them: the room registry's acquire (board loads)
 * and the store's compaction. Neither changes what they do.
 */

const port = Number(requireEnv('BENCH_PORT'));
const store = await RedisStore.connect(requireEnv('BENCH_REDIS_URL'), { keyPrefix: requireEnv('BENCH_PREFIX'), clientName: 'samskab-bench' });

const compact = store.compactDocument.bind(store);
store.compactDocument = (docName: string) =>
  timePersist('compaction', (r: { compacted: number }) => `${r.compacted} updates folded`, () => compact(docName));

const server = await createServer({ store, config: testConfig({ logLevel: 'warn', host: '127.0.0.1', port }) });

const { rooms } = server;
const acquire = rooms.acquire.bind(rooms);
const timed = new Set<string>();
rooms.acquire = (boardId: string) => {
  // Only the first acquire of a cold board pays the load; later ones find it in memory.
  if (rooms.peek(boardId) || timed.has(boardId)) return acquire(boardId);
  timed.add(boardId);
  return timeLoad(boardId, () => acquire(boardId));
};

await server.listen(port, '127.0.0.1');
serveProbe();
reportReady(port);

process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => store.close())
    .finally(() => process.exit(0));
});
