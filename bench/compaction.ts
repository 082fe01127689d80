import * as Y from 'yjs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RedisStore } from '../server/store/redis-store';
import { foldStats } from '../server/store/compact';
import { insertIdea, ideasMap } from '../shared';
import { installCleanupHandlers, killAll } from './lib/proc';
import { startRedis } from './lib/redis';

/**
 * `npm run bench:compaction` (run it under `taskset -c 0` to see a one-core server): what a
 * compaction of a 10,000-idea board costs the thread that serves clients. A stand-in for
 * that thread does 1 ms of work every millisecond meanwhile; the figure that matters is the
 * longest gap between its ticks (a client's update waits that long). Redis with
 * `appendfsync always`, as docker-compose.yml runs it. Each round first appends 600 edits.
 */

const IDEAS = 10_000;
const EDITS = 600;
const ROUNDS = 4;

installCleanupHandlers();
const redis = await startRedis('always');
const store = await RedisStore.connect(redis.url, { keyPrefix: 'bench-compaction:' });
try {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < IDEAS; i++) {
      insertIdea(doc, {
        id: `idea${String(i).padStart(6, '0')}`, text: `Idé nummer ${i} med lidt tekst om noget vigtigt`, authorId: 'author01',
        authorName: 'A', contributorType: 'citizen', organisation: null, createdAt: 1, updatedAt: 1, phase: null, principle: null,
        track: null, beacons: [], questionId: null, position: 'a0', clusterId: null,
      });
    }
  });
  await store.appendUpdate('board:bench', Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < EDITS; i++) ideasMap(doc).get(`idea${String((round * EDITS + i) % IDEAS).padStart(6, '0')}`)!.set('position', `r${round}-${i}`);
    await store.appendUpdates('board:bench', updates.splice(0));
    let worst = 0;
    let last = performance.now();
    let serving = true;
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      while (performance.now() < now + 1);
      if (serving) setTimeout(tick, 0);
    };
    tick();
    const delay = monitorEventLoopDelay({ resolution: 2 });
    delay.enable();
    const started = performance.now();
    const { kept, full } = foldStats;
    const result = await store.compactDocument('board:bench');
    const took = performance.now() - started;
    serving = false;
    delay.disable();
    const how = foldStats.kept > kept ? 'onto the kept document' : foldStats.full > full ? 'from the snapshot' : 'on the main thread';
    console.log(
      `round ${round + 1}: ${result.compacted} updates folded ${how} in ${took.toFixed(0)} ms; ` +
        `longest gap between serving ticks ${worst.toFixed(1)} ms, event-loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
    );
  }
} finally {
  await store.close();
  killAll();
}
