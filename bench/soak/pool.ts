import { fileURLToPath } from 'node:url';
import { CORES, sampleCpu, spawnNodeScript, stopChild } from '../lib/proc';
import { RpcClient } from '../lib/rpc';
import { Samples } from '../lib/stats';
import type { Target } from '../lib/targets';
import type { ClientInterval, Convergence, SetupResult, SoakOptions, WorkerInterval } from './types';
import type { SoakApi } from './worker';

/**
 * The soak's clients spread over several load processes, whole boards each, all pinned to
 * the load core. Why: one process holding all 200 clients' documents has a ~450 MB heap, and
 * V8 marks that heap incrementally on the process's own core (its concurrent markers have no
 * other core to run on): for about a second every minute or so the process does little else,
 * and every broadcast that arrives meanwhile is timed late. That was most of the 35-minute
 * run's "p99 over 250 ms" intervals (bench/SOAK.md history, ANALYSIS.md), a stall of the
 * measuring device while the server's event loop never waited more than 15 ms. With a
 * process per board each heap is a quarter, and one process marking does not stop the
 * others from reading their sockets.
 *
 * To the orchestrator the pool looks like one load: every call goes to every process and
 * the answers are merged (latency percentiles from the raw values, counts added up).
 */

interface Worker {
  pid: number;
  rpc: RpcClient<SoakApi>;
  stop: () => Promise<void>;
  options: SoakOptions;
}

/** `options` divided over `processes` workers: boards dealt out, clients, rate and churn in proportion to clients. */
export function splitOptions(options: SoakOptions, processes: number): SoakOptions[] {
  const n = Math.max(1, Math.min(processes, options.boards));
  const out: SoakOptions[] = [];
  let boardsLeft = options.boards;
  let clientsLeft = options.clients;
  for (let i = 0; i < n; i++) {
    const boards = Math.ceil(boardsLeft / (n - i));
    // Clients follow boards, as the single process would have spread them.
    const clients = Math.round((clientsLeft * boards) / boardsLeft);
    const share = clients / options.clients;
    out.push({ ...options, boards, clients, rate: options.rate * share, churnPerMinute: options.churnPerMinute * share, loadProcesses: 1 });
    boardsLeft -= boards;
    clientsLeft -= clients;
  }
  return out;
}

export class LoadPool {
  private constructor(private readonly workers: Worker[]) {}

  static start(options: SoakOptions): LoadPool {
    const script = fileURLToPath(new URL('./worker.ts', import.meta.url));
    const workers = splitOptions(options, options.loadProcesses ?? 1).map((part, i): Worker => {
      const child = spawnNodeScript(CORES.load, script, {}, ['--max-old-space-size=4096']);
      return { pid: child.pid ?? -1, rpc: new RpcClient<SoakApi>(child, `soak load ${i + 1}`), stop: () => stopChild(child, 2_000), options: part };
    });
    return new LoadPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** The load processes' CPU, summed (share of one core). */
  sampleCpu(intervalMs: number): { stop(): number } {
    const samplers = this.workers.map((w) => sampleCpu(w.pid, intervalMs));
    return { stop: () => samplers.reduce((sum, s) => sum + s.stop().mean, 0) };
  }

  private all<K extends keyof SoakApi>(cmd: K, args: (w: Worker) => Parameters<SoakApi[K]>[0], timeoutMs?: number): Promise<Array<Awaited<ReturnType<SoakApi[K]>>>> {
    return Promise.all(this.workers.map((w) => w.rpc.call(cmd, args(w), timeoutMs)));
  }

  /** One after another: boards are created and filled as the single process did, a few clients at a time. */
  async setup(target: Target, redisUrl: string, prefix: string): Promise<SetupResult> {
    const parts: SetupResult[] = [];
    for (const w of this.workers) parts.push(await w.rpc.call('setup', { target, options: w.options, redisUrl, prefix }, 600_000));
    return {
      boards: parts.flatMap((p) => p.boards),
      clients: sum(parts.map((p) => p.clients)),
      seedIdeas: sum(parts.map((p) => p.seedIdeas)),
      prefill: parts[0]?.prefill ?? 0,
      voteNote: [...new Set(parts.map((p) => p.voteNote))].join('; '),
      setupMs: sum(parts.map((p) => p.setupMs)),
    };
  }

  async start(): Promise<void> {
    await this.all('start', () => ({}));
  }

  async hold(): Promise<void> {
    await this.all('hold', () => ({}));
  }

  async release(): Promise<void> {
    await this.all('release', () => ({}));
  }

  async sample(): Promise<ClientInterval> {
    return mergeIntervals(await this.all('sample', () => ({})));
  }

  async documents(): Promise<string[]> {
    return (await this.all('documents', () => ({}))).flat();
  }

  async settle(timeoutMs: number): Promise<{ ms: number; notReconnected: number; unsaved: number }> {
    const parts = await this.all('settle', () => ({ timeoutMs }), timeoutMs + 60_000);
    return { ms: Math.max(...parts.map((p) => p.ms)), notReconnected: sum(parts.map((p) => p.notReconnected)), unsaved: sum(parts.map((p) => p.unsaved)) };
  }

  async converge(): Promise<Convergence> {
    const parts = await this.all('converge', () => ({}), 120_000);
    return {
      boards: sum(parts.map((p) => p.boards)),
      clients: sum(parts.map((p) => p.clients)),
      diverged: sum(parts.map((p) => p.diverged)),
      notReconnected: sum(parts.map((p) => p.notReconnected)),
      ideas: sum(parts.map((p) => p.ideas)),
      detail: parts.flatMap((p) => p.detail).slice(0, 5),
    };
  }

  async close(): Promise<void> {
    await this.all('close', () => ({}), 30_000).catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function addInto(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** Several processes' intervals as one: counts added, latencies from all raw values, the worst lag and GC pause. */
export function mergeIntervals(parts: WorkerInterval[]): ClientInterval {
  const fanout = new Samples();
  const voteAck = new Samples();
  const ops = { add: 0, move: 0, edit: 0, delete: 0, vote: 0, offline: 0 };
  const errors: Record<string, number> = {};
  for (const part of parts) {
    for (const v of part.fanoutValues) fanout.push(v);
    for (const v of part.voteAckValues) voteAck.push(v);
    addInto(ops, part.ops);
    addInto(errors, part.errors);
  }
  return {
    ops,
    fanout: fanout.summary(),
    voteAck: voteAck.summary(),
    budgetRefusals: sum(parts.map((p) => p.budgetRefusals)),
    errors,
    disconnects: { clean: sum(parts.map((p) => p.disconnects.clean)), lost: sum(parts.map((p) => p.disconnects.lost)) },
    reconnects: sum(parts.map((p) => p.reconnects)),
    refusedAttempts: sum(parts.map((p) => p.refusedAttempts)),
    connected: sum(parts.map((p) => p.connected)),
    offline: sum(parts.map((p) => p.offline)),
    docBytes: parts.flatMap((p) => p.docBytes),
    ideas: parts.flatMap((p) => p.ideas),
    loadLag: { p99Ms: Math.max(0, ...parts.map((p) => p.loadLag.p99Ms)), maxMs: Math.max(0, ...parts.map((p) => p.loadLag.maxMs)) },
    loadGc: {
      maxMs: Math.max(0, ...parts.map((p) => p.loadGc?.maxMs ?? 0)),
      pausedDeliveries: sum(parts.map((p) => p.loadGc?.pausedDeliveries ?? 0)),
    },
  };
}
