import * as Y from 'yjs';
import { prefixOf, startServer, type ServerHandle } from './lib/handles';
import { log } from './lib/log';
import { gitCommit, machineInfo, versions } from './lib/machine';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { installCleanupHandlers, killAll, pinning, sampleCpu, sampleForeignCpu, sleep } from './lib/proc';
import { probeWriteLatency, redisClient, startRedis, usedMemory } from './lib/redis';
import type { PersistEvent } from './servers/probe';
import { writeSoakReport } from './soak/report';
import type { Sample, ServerSample, SoakOptions } from './soak/types';
import { LoadPool } from './soak/pool';

/**
 * `npm run soak`: 200 clients for 10 minutes against one Samskab server on Redis, sampling
 * memory, errors, reconnects and fan-out latency, then bench/SOAK.md with a verdict.
 * `npm run soak -- --minutes 60` is the hour-long run. Not part of `npm test`.
 * Options (`--name value` or `--name=value`): --minutes, --clients, --boards, --rate (ops/s in
 * all), --churn (disconnects a minute), --lost (share of them that lose the network instead
 * of closing, 0–1), --sample (seconds), --warmup (seconds), --redis-fsync=always|no,
 * --load-processes (how many processes the clients are spread over, whole boards each; default
 * one per board, see soak/pool.ts), --verbose (server logs).
 */

function option(name: string): string | null {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return null;
  const arg = process.argv[i] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (process.argv[i + 1] ?? null);
}

function number(name: string, fallback: number, min: number): number {
  const raw = option(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, not "${raw}"`);
  return value;
}

function readOptions(): SoakOptions {
  const minutes = number('minutes', 10, 0.5);
  const seconds = minutes * 60;
  const boards = Math.round(number('boards', 4, 1));
  return {
    minutes,
    clients: Math.round(number('clients', 200, 2)),
    boards,
    rate: number('rate', 10, 0.1),
    churnPerMinute: number('churn', 20, 0),
    lostShare: Math.min(1, number('lost', 0.25, 0)),
    // About 40 samples, never sparser than 30 s nor denser than 10 s.
    sampleSeconds: number('sample', Math.min(30, Math.max(10, Math.round(seconds / 40))), 1),
    // Connections, JIT and the first compactions settle in the first minutes; 20% of a short run.
    warmupSeconds: number('warmup', Math.min(300, Math.max(30, Math.round(seconds * 0.2))), 0),
    redisFsync: option('redis-fsync') === 'no' ? 'no' : 'always',
    loadProcesses: Math.round(number('load-processes', boards, 1)),
  };
}

/**
 * This process's CPU and I/O priority, which the server, Redis and the load processes
 * inherit, and whether the kernel groups processes by session (autogroup): then nice only
 * orders processes within a session, and other sessions' work still takes its share.
 */
function priority(): { nice: number; io: string; autogroup: boolean | null } {
  const io = spawnSync('ionice', ['-p', String(process.pid)], { encoding: 'utf8' });
  let autogroup: boolean | null = null;
  try {
    autogroup = readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1';
  } catch {
    // Not Linux, or no such knob: nothing to say.
  }
  return { nice: getPriority(), io: io.status === 0 ? io.stdout.trim() : 'unknown', autogroup };
}

async function serverSample(server: ServerHandle, cpu: number): Promise<ServerSample> {
  const m = await server.rpc.call('gc', {});
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, cpu };
}

/** The worst event Redis's latency monitor saw since the last call, then a reset. */
async function redisStall(client: Awaited<ReturnType<typeof redisClient>>): Promise<{ ms: number; event: string }> {
  const latest = (await client.sendCommand(['LATENCY', 'LATEST'])) as Array<[string, number, number, number]>;
  await client.sendCommand(['LATENCY', 'RESET']);
  let worst = { ms: 0, event: '' };
  for (const [event, , , max] of latest) if (Number(max) > worst.ms) worst = { ms: Number(max), event };
  return worst;
}

/**
 * The heap the boards' documents need, measured by rebuilding them here between two full
 * collections (package.json runs the soak with --expose-gc). The server's copies hold the
 * same structs, so this is the part of its heap that is the boards themselves.
 */
async function documentsHeap(encoded: string[]): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  const before = process.memoryUsage().heapUsed;
  const docs = encoded.map((base64) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(base64, 'base64'));
    return doc;
  });
  gc();
  const used = process.memoryUsage().heapUsed - before;
  for (const doc of docs) doc.destroy();
  return used;
}

async function main(): Promise<void> {
  installCleanupHandlers();
  const options = readOptions();
  const started = Date.now();
  const args = process.argv.slice(2);
  const command = `npm run soak${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  // Taken now: the code measured is the code at the start, whatever is committed meanwhile.
  const commit = gitCommit();
  const { nice, autogroup } = priority();
  if (nice < 0 && autogroup) log('note: the kernel groups processes by session (autogroup), so the raised priority orders nothing against other sessions; `echo 0 > /proc/sys/kernel/sched_autogroup_enabled` (root) makes it count');
  log(`Samskab soak: ${options.clients} clients on ${options.boards} boards, ${options.rate} ops/s, ${options.churnPerMinute} disconnects/min, ${options.minutes} min; ${pinning()}`);
  const redis = await startRedis(options.redisFsync);
  const write = await probeWriteLatency(redis.url);
  const redisWrite = `p50 ${write.p50.toFixed(1)} ms, p99 ${write.p99.toFixed(1)} ms`;
  const redisStats = await redisClient(redis.url);
  // Redis records its own stalls (an AOF fsync that took long, mostly): they explain latency spikes.
  await redisStats.sendCommand(['CONFIG', 'SET', 'latency-monitor-threshold', '50']);
  const server = await startServer('samskab', redis);
  const load = LoadPool.start(options);
  try {
    const setup = await load.setup(server.target, redis.url, prefixOf('samskab'));
    log(`set up ${setup.boards.length} boards, ${setup.clients} clients online in ${(setup.setupMs / 1000).toFixed(1)} s (${setup.voteNote})`);
    server.rpc.take('persist');
    const baseline = await serverSample(server, NaN);
    await load.start();
    const loadStarted = performance.now();
    const samples: Sample[] = [];
    const endAt = loadStarted + options.minutes * 60_000;
    while (performance.now() < endAt - 1_000) {
      const cpu = sampleCpu(server.pid, 1_000);
      const loadCpu = load.sampleCpu(1_000);
      const foreign = sampleForeignCpu();
      const next = Math.min(endAt, loadStarted + (samples.length + 1) * options.sampleSeconds * 1000);
      await sleep(Math.max(0, next - performance.now()));
      const serverLag = await server.rpc.call('lag', {});
      // Ops around the forced GC are not timed: that pause is ours, not the server's.
      await load.hold();
      const memory = await serverSample(server, cpu.stop().mean);
      // The forced collections just stopped the server: that delay is ours, not the next interval's.
      await server.rpc.call('lag', {});
      await load.release();
      const clients = await load.sample();
      const compactions = server.rpc.take<PersistEvent>('persist').filter((e) => e.kind === 'compaction');
      const sample: Sample = {
        t: (performance.now() - loadStarted) / 1000,
        server: memory,
        documentsHeap: await documentsHeap(await load.documents()),
        loadCpu: loadCpu.stop(),
        redisBytes: await usedMemory(redisStats),
        foreignCpu: foreign.stop(),
        compactions: compactions.length,
        compactionMaxMs: Math.max(0, ...compactions.map((e) => e.ms)),
        redisStall: await redisStall(redisStats),
        serverLag,
        clients,
      };
      samples.push(sample);
      const errors = Object.values(clients.errors).reduce((a, b) => a + b, 0);
      log(
        `t=${sample.t.toFixed(0)}s heap+ext ${((sample.server.heapUsed + sample.server.external) / 2 ** 20).toFixed(1)} MB, rss ${(sample.server.rss / 2 ** 20).toFixed(1)} MB, documents ${(sample.documentsHeap / 2 ** 20).toFixed(1)} MB, ` +
          `p99 ${clients.fanout.p99.toFixed(1)} ms (${clients.fanout.count} deliveries), errors ${errors}${errors ? ` ${JSON.stringify(clients.errors)}` : ''}, ` +
          `online ${clients.connected}/${setup.clients}, load CPU ${(sample.loadCpu * 100).toFixed(0)}% lag p99 ${clients.loadLag.p99Ms.toFixed(0)} max ${clients.loadLag.maxMs.toFixed(0)} ms, load GC max ${(clients.loadGc?.maxMs ?? NaN).toFixed(0)} ms (${clients.loadGc?.pausedDeliveries ?? 0} deliveries not timed), server lag max ${serverLag.maxMs.toFixed(0)} ms, redis stall ${sample.redisStall.ms} ms, others ${sample.foreignCpu.toFixed(2)} cores`,
      );
    }
    log('load stopped: bringing everyone back and waiting until everything is saved');
    const settle = await load.settle(90_000);
    const convergence = await load.converge();
    log(`converged: ${convergence.clients - convergence.diverged - convergence.notReconnected}/${convergence.clients} clients equal the store (${convergence.ideas} ideas)`);
    // The settle phase's errors (reconnects refused at the end) belong to the run as well.
    const tail = await load.sample();
    const lastSample = samples[samples.length - 1];
    if (lastSample) {
      for (const [kind, n] of Object.entries(tail.errors)) lastSample.clients.errors[kind] = (lastSample.clients.errors[kind] ?? 0) + n;
      lastSample.clients.reconnects += tail.reconnects;
      lastSample.clients.refusedAttempts += tail.refusedAttempts;
    }
    const path = writeSoakReport({
      command,
      commit,
      options,
      date: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine: machineInfo(),
      versions: versions(),
      pinning: pinning(),
      priority: priority(),
      redisWrite,
      setup,
      baseline,
      samples,
      settle,
      convergence,
    });
    log(`wrote ${path}`);
  } finally {
    await load.close();
    await server.stop();
    await redisStats.close().catch(() => undefined);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    killAll();
    // The IPC channels and Redis sockets would keep the process alive otherwise.
    setTimeout(() => process.exit(), 200).unref();
  });
