import * as Y from 'yjs';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { addIdea, fakeAuthor, moveIdea, ideasOf } from '../lib/ideas';

/**
 * `npx tsx bench/soak/gc-probe.ts [seconds]`: the GC pauses of a process holding what the
 * soak's load process holds (4 boards × 50 clients, a full Yjs document each, ~270 ideas a
 * board, 10 ops/s), with no server at all. Every 10 s: heap, the longest GC pause, the pauses
 * over 20 ms (kind:ms; 1 scavenge, 4 mark-compact) and the longest event-loop delay. On
 * 2026-12-06 (2 shared cores) a mark-compact stopped it for 771 ms at ~790 MB of heap: the
 * soak's isolated 0.5–0.9 s intervals (tracker.ts, LoadPauses).
 */
const pauses: Array<{ kind: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ kind: (e as unknown as { detail: { kind: number } }).detail?.kind ?? -1, ms: e.duration });
}).observe({ entryTypes: ['gc'] });
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
const boards: Y.Doc[][] = [];
for (let b = 0; b < 4; b++) {
  const seed = new Y.Doc();
  const author = fakeAuthor();
  for (let i = 0; i < 270; i++) addIdea(seed, author, 'q1', i);
  const state = Y.encodeStateAsUpdate(seed);
  const docs: Y.Doc[] = [];
  for (let c = 0; c < 50; c++) {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    d.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'net') return;
      for (const other of docs) if (other !== d) setImmediate(() => Y.applyUpdate(other, u, 'net'));
    });
    docs.push(d);
  }
  boards.push(docs);
}
console.log('setup heap MB', (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));
const author = fakeAuthor();
let n = 1000;
const started = Date.now();
const timer = setInterval(() => {
  const d = boards[n % 4]?.[n % 50];
  if (!d) return;
  const r = Math.random();
  if (r < 0.4) addIdea(d, author, 'q1', n);
  else if (r < 0.55) {
    const ids = [...d.getMap('ideas').keys()];
    const victim = ids[Math.floor(Math.random() * ids.length)];
    if (victim) d.getMap('ideas').delete(victim);
  } else {
    const movable = ideasOf(d, 'q1');
    const idea = movable[Math.floor(Math.random() * movable.length)];
    if (idea) moveIdea(d, idea);
  }
  n++;
}, 100);
const report = setInterval(() => {
  const big = pauses.filter((p) => p.ms > 20).map((p) => `${p.kind}:${p.ms.toFixed(0)}`);
  console.log(`${((Date.now() - started) / 1000).toFixed(0)}s heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, gc max ${Math.max(0, ...pauses.map((p) => p.ms)).toFixed(0)} ms, >20ms: ${big.join(' ')} lag max ${(h.max / 1e6).toFixed(0)} ms`);
  pauses.length = 0;
  h.reset();
}, 10_000);
setTimeout(
  () => {
    clearInterval(timer);
    clearInterval(report);
  },
  Number(process.argv[2] ?? 90) * 1000,
);
