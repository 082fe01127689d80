import { log } from '../lib/log';
import type { LoadHandle, ServerHandle } from '../lib/handles';
import { CORES, sampleCores, sampleCpu, sampleForeignCpu, sleep } from '../lib/proc';
import { SERVER_LABEL } from '../lib/targets';
import type { IdleMemory, Plan, Saturation, ServerResults, StepWithCpu } from '../results';

/**
 * Measures 1 (fan-out matrix), 2 (saturation), 5 (memory per idle connection) and 7 (cost
 * of durability, from the same runs). One server process per kind serves all of them; each
 * client count gets a fresh board and fresh connections. run.ts interleaves the servers per
 * client count, so that background load on a shared machine falls on all of them alike.
 */

/**
 * Receive-only clients connect first, so their cost can be read before any traffic. A few
 * connect before the baseline, so the board, its first connections and the code paths
 * they warm up are not charged to the connections measured; the sessions of the measured
 * ones (Samskab: a REST call each) are made before the baseline too.
 */
async function openWithMemory(server: ServerHandle, load: LoadHandle, clients: number, probes: number): Promise<IdleMemory> {
  await load.rpc.call('fanout.close', {});
  const receivers = clients - probes;
  const warmup = Math.min(10, receivers);
  await load.rpc.call('fanout.open', { target: server.target, probes });
  await load.rpc.call('fanout.seats', { count: warmup }, 120_000);
  await load.rpc.call('fanout.connect', {}, 120_000);
  const measured = receivers - warmup;
  await load.rpc.call('fanout.seats', { count: measured }, 120_000);
  await sleep(300);
  const before = await server.rpc.call('gc', {});
  await load.rpc.call('fanout.connect', {}, 120_000);
  await sleep(500);
  const after = await server.rpc.call('gc', {});
  const idle = {
    connections: measured,
    rssPerConnection: (after.rss - before.rss) / measured,
    heapPerConnection: (after.heapUsed + after.external - before.heapUsed - before.external) / measured,
  };
  log(`${SERVER_LABEL[server.target.kind]}, ${measured} idle connections: ${(idle.rssPerConnection / 1024).toFixed(1)} KiB RSS, ${(idle.heapPerConnection / 1024).toFixed(1)} KiB heap+external each`);
  return idle;
}

/** One rate step, with the server's and the load process's CPU sampled from /proc while it runs. */
async function step(server: ServerHandle, load: LoadHandle, rate: number, durationMs: number, drainMs: number): Promise<StepWithCpu> {
  await load.rpc.call('gc', {});
  const serverCpu = sampleCpu(server.pid, 100);
  const loadCpu = sampleCpu(load.pid, 100);
  const cores = sampleCores();
  const foreign = sampleForeignCpu();
  // Every server entry answers `lag` (bench/servers/probe.ts): this call starts or resets it.
  await server.rpc.call('lag', {});
  await server.rpc.call('stages', {});
  const result = await load.rpc.call('fanout.step', { rate, durationMs, drainMs }, durationMs + drainMs + 60_000);
  const serverLag = await server.rpc.call('lag', {});
  const stages = await server.rpc.call('stages', {});
  const [serverCore = NaN, loadCore = NaN] = [CORES.server, CORES.load].map((c) => cores.stop()[c]);
  return { ...result, serverCpu: serverCpu.stop().mean, loadCpu: loadCpu.stop().mean, serverCore, loadCore, foreignCpu: foreign.stop(), serverLagMaxMs: serverLag.maxMs, stages };
}

/**
 * One core cannot play 300 phones at any rate: when the load process is busy (CPU near a
 * full core) or lagging, a failed step says more about the client side than the server.
 */
const loadBound = (r: StepWithCpu): boolean => r.loadCore >= 0.9 || r.loadLag.p99Ms > 100;

/** One client count on one server: memory per idle connection, then every rate of the plan. */
export async function runFanout(server: ServerHandle, load: LoadHandle, plan: Plan, out: ServerResults, clients: number): Promise<void> {
  out.idle.push(await openWithMemory(server, load, clients, plan.probes));
  const probes = await load.rpc.call('fanout.probes', {}, 120_000);
  if (!out.notes.some((n) => n.startsWith('votes:'))) out.notes.push(`votes: ${probes.voteNote}`);
  for (const rate of plan.fanout.rates) {
    const result = await step(server, load, rate, plan.fanout.stepMs, plan.fanout.drainMs);
    out.fanout.push({ clients, probes: probes.probes, rate, voteMode: probes.voteMode, voteNote: probes.voteNote, step: result });
    log(
      `${SERVER_LABEL[server.target.kind]}, ${clients} clients × ${rate} ops/s: p50 ${result.probe.p50.toFixed(1)} p99 ${result.probe.p99.toFixed(1)} p99.9 ${(result.probe.p999 ?? NaN).toFixed(1)} max ${result.probe.max.toFixed(1)} ms, delivered ${(result.share * 100).toFixed(2)}%, server CPU ${(result.serverCpu * 100).toFixed(0)}%, load core ${(result.loadCore * 100).toFixed(0)}%, others ${result.foreignCpu.toFixed(2)} cores`,
    );
  }
  await load.rpc.call('fanout.close', {});
}

/** Steps the rate up at a fixed client count until p99 passes the limit or a delivery is missing. */
export async function runSaturation(server: ServerHandle, load: LoadHandle, plan: Plan, out: ServerResults): Promise<void> {
  const s = plan.saturation;
  const result: Saturation = { clients: s.clients, steps: [], lastPass: null, firstFail: null };
  out.saturation = result;
  await load.rpc.call('fanout.close', {});
  await load.rpc.call('fanout.open', { target: server.target, probes: plan.probes });
  await load.rpc.call('fanout.seats', { count: s.clients - plan.probes }, 120_000);
  await load.rpc.call('fanout.connect', {}, 120_000);
  await load.rpc.call('fanout.probes', {}, 120_000);
  for (const rate of s.rates) {
    const r = await step(server, load, rate, s.stepMs, s.drainMs);
    const pass = r.probe.p99 <= s.p99LimitMs && r.share >= 1;
    result.steps.push({ rate, achievedRate: r.achievedRate, p99: r.probe.p99, share: r.share, loadLagP99: r.loadLag.p99Ms, serverCpu: r.serverCpu, loadCpu: r.loadCpu, serverCore: r.serverCore, loadCore: r.loadCore, loadBound: loadBound(r), pass });
    log(
      `${SERVER_LABEL[server.target.kind]} saturation ${s.clients} clients × ${rate} ops/s: p99 ${r.probe.p99.toFixed(1)} ms, delivered ${(r.share * 100).toFixed(2)}%, server CPU ${(r.serverCpu * 100).toFixed(0)}% (core ${(r.serverCore * 100).toFixed(0)}%), load CPU ${(r.loadCpu * 100).toFixed(0)}% (core ${(r.loadCore * 100).toFixed(0)}%) lag p99 ${r.loadLag.p99Ms.toFixed(0)} ms → ${pass ? 'pass' : 'FAIL'}`,
    );
    if (pass) result.lastPass = rate;
    else {
      result.firstFail = rate;
      break;
    }
  }
  await load.rpc.call('fanout.close', {});
}
