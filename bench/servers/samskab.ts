import { testConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { RedisStore } from '../../server/store/redis-store';
import diagnostics_channel from 'node:diagnostics_channel';
import { UPDATE_TRACE_CHANNEL, type UpdateTrace } from '../../server/realtime/update-trace';
import { Samples } from '../lib/stats';
import { reportReady, reportStages, requireEnv, serveProbe, timeLoad, timePersist } from './probe';

/**
 * Samskab as production runs it on one process: validation, roles and the Redis store
 * (group-committed appends, compaction after COMPACT_AFTER_UPDATES), logging at warn. The
 * bench only wraps two methods to time them: the room registry's acquire (board loads)
 * and the store's compaction. Neither changes what they do. It also listens to the rooms'
 * update trace (server/realtime/update-trace.ts), which costs the room a few clock reads per update.
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
// Every argument passes through: RoomRegistry.warm's `forNewDevice` decides whether the load
// prepares the stored state as a new device's answer while it reads it.
rooms.acquire = (...args: Parameters<typeof acquire>) => {
  const [boardId] = args;
  // Only the first acquire of a cold board pays the load; later ones find it in memory.
  if (rooms.peek(boardId) || timed.has(boardId)) return acquire(...args);
  timed.add(boardId);
  return timeLoad(boardId, () => acquire(...args));
};

const STAGES = ['wait', 'judge', 'apply', 'durable', 'send', 'total', 'batch'] as const;
let stages = Object.fromEntries(STAGES.map((k) => [k, new Samples()])) as Record<(typeof STAGES)[number], Samples>;
diagnostics_channel.subscribe(UPDATE_TRACE_CHANNEL, (message) => {
  const t = message as UpdateTrace;
  stages.wait.push(t.judging - t.arrived);
  stages.judge.push(t.judged - t.judging);
  stages.apply.push(t.pushed - t.judged);
  stages.durable.push(t.durable - t.pushed);
  stages.send.push(t.sent - t.durable);
  stages.total.push(t.sent - t.arrived);
  stages.batch.push(t.batch);
});
reportStages(() => {
  const taken = stages;
  stages = Object.fromEntries(STAGES.map((k) => [k, new Samples()])) as typeof stages;
  const s = (k: (typeof STAGES)[number]) => taken[k].summary();
  return { updates: taken.total.length, wait: s('wait'), judge: s('judge'), apply: s('apply'), durable: s('durable'), send: s('send'), total: s('total'), batch: s('batch') };
});

await server.listen(port, '127.0.0.1');
serveProbe();
reportReady(port);

process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => store.close())
    .finally(() => process.exit(0));
});
