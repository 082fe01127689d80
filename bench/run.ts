import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLoad, startServer, type ServerHandle } from './lib/handles';
import { machineInfo, versions } from './lib/machine';
import { installCleanupHandlers, killAll, pinning, waitForIdle, waitForQuiet } from './lib/proc';
import { probeWriteLatency, startRedis } from './lib/redis';
import { SERVER_KINDS, type ServerKind } from './lib/targets';
import { loadRender, renderSection, runBrowserRender, saveRender, writeSection, type RenderPlan } from './browser-render';
import { restoreSavedSection } from './browser-remote-edit';
import { writeReport } from './report';
import { emptyResults, type Plan, type RunInfo, type ServerResults } from './results';
import { runBoards } from './scenarios/boards';
import { runFanout, runSaturation } from './scenarios/fanout';

/**
 * `npm run bench` (short, under 3 minutes on 2 cores) or `npm run bench -- --full`.
 * Options: --servers=samskab,ywebsocket,hocuspocus  --skip=fanout,saturation,boards  --verbose (server logs)
 *          (a run with --servers or --skip is partial: its report goes to bench/out/RESULTS-<mode>-partial.md,
 *          and bench/RESULTS.md (but for section 8, when the browser render ran) and bench/out/results-<mode>.json
 *          stay as the last whole run left them)
 *          --profile (CPU profiles of the Samskab server into bench/out/profiles)
 *          --redis-fsync=always|no (default always, as docker-compose.yml runs Redis)
 *          --report-only (render RESULTS.md again from bench/out/results-<mode>.json, e.g. after editing ANALYSIS.md)
 *          --only=browser-render (only the browser's first render, section 8, updated in place in RESULTS.md;
 *            --render-ideas=10000,20000 --render-reps=3 --render-cap-s=60; with --profile, CPU profiles of the
 *            page from an unminified build). The full mode runs it too; the
 *            short mode does not (it would triple its 3 minutes) and keeps the last separate run's section.
 * Every server runs in its own process on core 0 (with Redis); every client in one load
 * process on core 1. All children are killed at the end, on error and on Ctrl-C.
 */

const PLANS: Record<'short' | 'full', Plan> = {
  short: {
    mode: 'short',
    probes: 10,
    fanout: { clients: [50, 200], rates: [10, 50], stepMs: 3_000, drainMs: 800 },
    saturation: { clients: 300, rates: [25, 50, 100, 200, 400], stepMs: 1_500, drainMs: 1_000, p99LimitMs: 250 },
    storm: { clients: 300, windowMs: 5_000, holdMs: 300, timeoutMs: 7_000 },
    boards: [10_000],
    burst: { first: 400, second: 200, rate: 300, tailMs: 800 },
  },
  full: {
    mode: 'full',
    probes: 10,
    fanout: { clients: [50, 200, 500], rates: [10, 50, 200], stepMs: 10_000, drainMs: 5_000 },
    saturation: { clients: 300, rates: [25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600], stepMs: 8_000, drainMs: 5_000, p99LimitMs: 250 },
    storm: { clients: 300, windowMs: 10_000, holdMs: 3_000, timeoutMs: 70_000 },
    boards: [10_000, 20_000],
    burst: { first: 400, second: 200, rate: 200, tailMs: 1_500 },
  },
};

function option(name: string): string | null {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : null;
}

const mode = process.argv.includes('--full') ? 'full' : 'short';
const plan = PLANS[mode];
const kinds = (option('servers')?.split(',') ?? SERVER_KINDS).filter((k): k is ServerKind => (SERVER_KINDS as readonly string[]).includes(k));
const skip = new Set(option('skip')?.split(',') ?? []);
/** A run without every server or scenario: its figures must not replace a whole run's. */
const partial = option('servers') !== null || skip.size > 0;
const fsync = option('redis-fsync') === 'no' ? 'no' : 'always';
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
const profileDir = `${outDir}profiles`;
const profile = process.argv.includes('--profile');
const only = option('only');
const renderPlan: RenderPlan = {
  sizes: option('render-ideas')?.split(',').map(Number) ?? [10_000, 20_000],
  reps: Number(option('render-reps') ?? 3),
  capMs: Number(option('render-cap-s') ?? 60) * 1000,
  profileDir: profile ? profileDir : null,
};
const resultsPath = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/**
 * Section 8 and the remote-edit section come from their own saved runs, so a report rendered
 * without them keeps their last figures.
 */
function addRenderSection(): void {
  const saved = loadRender();
  if (saved) writeSection(resultsPath, renderSection(saved));
  restoreSavedSection();
}

type Redis = Awaited<ReturnType<typeof startRedis>>;
type Load = Awaited<ReturnType<typeof startLoad>>;

/** Runs one scenario; a failure is recorded and the run goes on with the next. */
async function attempt(out: ServerResults, load: Load, name: string, fn: () => Promise<void>): Promise<void> {
  if (skip.has(name)) return;
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.errors.push(`${name}: ${message.split('\n')[0]}`);
    console.error(`  ${name} failed: ${message}`);
    await load.rpc.call('fanout.close', {}).catch(() => undefined);
  }
}

/** The pids of the servers up beside `server` (idle while it is measured). */
const siblingsOf = (servers: readonly ServerHandle[], server: ServerHandle): number[] => servers.filter((s) => s !== server).map((s) => s.pid);

const nodeArgsOf = (kind: ServerKind): string[] => (profile && kind === 'samskab' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);

/**
 * Fan-out and saturation with every server up at once (an idle server costs nothing), taken
 * in turns per client count: on a shared machine, background load then falls on all alike.
 * Large boards run per server afterwards, each on fresh processes (they need a cold start).
 */
async function runAll(redis: Redis, load: Load): Promise<ServerResults[]> {
  const results = kinds.map((kind) => emptyResults(kind));
  const servers: ServerHandle[] = [];
  try {
    for (const kind of kinds) servers.push(await startServer(kind, redis, nodeArgsOf(kind)));
    for (const clients of plan.fanout.clients) {
      for (const [i, server] of servers.entries()) {
        const out = results[i] as ServerResults;
        if (Number.isNaN(out.foreignCpuAtStart)) out.foreignCpuAtStart = await waitForQuiet();
        await waitForIdle(siblingsOf(servers, server));
        await attempt(out, load, 'fanout', () => runFanout(server, load, plan, out, clients));
      }
    }
    for (const [i, server] of servers.entries()) {
      await waitForIdle(siblingsOf(servers, server));
      await attempt(results[i] as ServerResults, load, 'saturation', () => runSaturation(server, load, plan, results[i] as ServerResults));
    }
    for (const [i, server] of servers.entries()) {
      const out = results[i] as ServerResults;
      // The fan-out server seeds the first large board (Samskab creates boards over REST);
      // runBoards stops it, so the board's first client meets a new, cold process.
      await attempt(out, load, 'boards', () => runBoards(out.kind, redis, load, plan, out, nodeArgsOf(out.kind), server));
      await server.stop();
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  return results;
}

async function main(): Promise<void> {
  installCleanupHandlers();
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  console.log(`Samskab bench, ${mode} mode: ${kinds.join(', ')}; ${pinning()}`);
  const redis = await startRedis(fsync);
  const write = await probeWriteLatency(redis.url);
  console.log(`Redis durable append: p50 ${write.p50.toFixed(1)} ms, p99 ${write.p99.toFixed(1)} ms, max ${write.max.toFixed(1)} ms`);
  const load = await startLoad();
  const results = await runAll(redis, load);
  await load.stop();
  const renders = mode === 'full' && kinds.includes('samskab') && !skip.has('browser-render');
  if (renders) {
    await runBrowserRender(redis, renderPlan)
      .then(saveRender)
      .catch((error: unknown) => console.error(`  browser-render failed: ${error instanceof Error ? error.message : String(error)}`));
  }
  const info: RunInfo = {
    mode,
    date: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: machineInfo(),
    versions: versions(),
    pinning: pinning(),
    redisFsync: fsync === 'always' ? 'AOF, appendfsync always (as docker-compose.yml)' : 'no persistence',
    redisWrite: `p50 ${write.p50.toFixed(1)} ms, p99 ${write.p99.toFixed(1)} ms, max ${write.max.toFixed(1)} ms`,
    profile: profile ? profileDir : null,
  };
  if (partial) {
    // Some servers or scenarios left out: the printed figures (RESULTS.md and its JSON) stay as they were.
    writeFileSync(`${outDir}results-${mode}-partial.json`, JSON.stringify({ info, plan, results }, null, 2));
    const path = writeReport(info, plan, results, `${outDir}RESULTS-${mode}-partial.md`);
    // The browser's first render, when it ran, is its own section (as with --only=browser-render).
    if (renders) addRenderSection();
    console.log(`\npartial run (--servers or --skip): wrote ${path} in ${info.durationS.toFixed(0)} s; bench/RESULTS.md has only its section 8 updated when that ran`);
    return;
  }
  writeFileSync(`${outDir}results-${mode}.json`, JSON.stringify({ info, plan, results }, null, 2));
  const path = writeReport(info, plan, results);
  addRenderSection();
  console.log(`\nwrote ${path} in ${info.durationS.toFixed(0)} s`);
}

async function browserRenderOnly(): Promise<void> {
  installCleanupHandlers();
  mkdirSync(outDir, { recursive: true });
  console.log(`Samskab bench, browser render only: ${renderPlan.sizes.join(', ')} ideas, ${renderPlan.reps} runs, cap ${renderPlan.capMs / 1000} s; ${pinning()}`);
  const redis = await startRedis(fsync);
  const render = await runBrowserRender(redis, renderPlan);
  console.log(renderSection(render));
  // A profiled run is slower (unminified, profiler on): it must not replace the figures.
  if (renderPlan.profileDir) return console.log(`profiles in ${renderPlan.profileDir}; RESULTS.md left as it was`);
  saveRender(render);
  addRenderSection();
  console.log(`updated ${resultsPath} (section 8) in ${render.durationS.toFixed(0)} s`);
}

function reportOnly(): void {
  const saved = JSON.parse(readFileSync(`${outDir}results-${mode}.json`, 'utf8')) as { info: RunInfo; plan: Plan; results: ServerResults[] };
  console.log(`wrote ${writeReport(saved.info, saved.plan, saved.results)}`);
  addRenderSection();
}

const run = process.argv.includes('--report-only') ? Promise.resolve().then(reportOnly) : only === 'browser-render' ? browserRenderOnly() : main();
run
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    killAll();
    // The IPC channels and Redis sockets would keep the process alive otherwise.
    setTimeout(() => process.exit(), 200).unref();
  });
