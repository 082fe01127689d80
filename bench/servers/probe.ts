import { emitEvent, serveRpc, type Api } from '../lib/rpc';
import { lagMonitor } from '../lib/lag';
import type { Summary } from '../lib/stats';

/**
 * What every server entry runs beside its server: memory and event-loop figures on request,
 * and timing of the moments the bench cares about (a board loaded, a document persisted or
 * compacted) reported to the orchestrator as events. Nothing here changes the server.
 */

export interface ServerStats {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface LoadEvent {
  doc: string;
  ms: number;
}

export interface PersistEvent {
  kind: 'compaction' | 'store';
  ms: number;
  /** Longest event-loop stall while it ran: every client of the process waited this long. */
  lagMaxMs: number;
  detail: string;
}

function stats(): ServerStats {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/**
 * Where a client update's time went inside the server, stage by stage (p50/p99 each, ms),
 * since the last call. Only a server entry that can tell registers a source (Samskab:
 * bench/servers/samskab.ts); the others answer null.
 */
export interface UpdateStages {
  updates: number;
  /** Arrival → its turn in the room (behind the room's earlier updates). */
  wait: Summary;
  /** Inspect and authorise, store reads included. */
  judge: Summary;
  /** Apply to the document and hand to the persist queue. */
  apply: Summary;
  /** Handed over → the store has it and everything before it. */
  durable: Summary;
  /** Durable → written to every other peer. */
  send: Summary;
  /** Arrival → sent. */
  total: Summary;
  /** Updates per broadcast. */
  batch: Summary;
}

let stageSource: (() => UpdateStages) | null = null;

/** Called by a server entry that traces its updates; `take` returns the figures since the last take and starts again. */
export function reportStages(take: () => UpdateStages): void {
  stageSource = take;
}

/** Started by the first `lag` call (the soak), so the bench's servers run without its timer. */
let lag: ReturnType<typeof lagMonitor> | null = null;

const serverApi = {
  stats: async (_args: Record<string, never>) => stats(),
  /**
   * The server's event-loop delay since the last call (p99 and longest): a stall here delays
   * every broadcast of the process, which tells it apart from a pause of the load process.
   */
  lag: async (_args: Record<string, never>) => {
    if (!lag) lag = lagMonitor();
    const read = lag.read();
    lag.reset();
    return read;
  },
  stages: async (_args: Record<string, never>) => stageSource?.() ?? null,
  /** Two full collections (the second finalises what the first freed), then the figures. */
  gc: async (_args: Record<string, never>) => {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    globalThis.gc?.();
    return stats();
  },
};

export type ServerApi = typeof serverApi;

export function serveProbe(extra: Api = {}): void {
  serveRpc({ ...serverApi, ...extra });
  // Never outlive the orchestrator, even if it was killed without a chance to stop us.
  process.on('disconnect', () => process.exit(0));
}

export function reportReady(port: number): void {
  emitEvent('ready', { port });
}

/** Times a board load (from the first client's request until the server holds the document). */
export async function timeLoad<T>(doc: string, load: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await load();
  emitEvent('load', { doc, ms: performance.now() - started } satisfies LoadEvent);
  return result;
}

/**
 * The longest gap between ticks of a 2 ms interval since the last reset: how long the event
 * loop was blocked. (monitorEventLoopDelay misses a block that starts before its first tick.)
 */
let lastTick = performance.now();
let longestGap = 0;
setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - lastTick);
  lastTick = now;
}, 2).unref();

/** Times a persistence step and the event-loop stall it caused. */
export async function timePersist<T>(kind: PersistEvent['kind'], detail: (result: T) => string, run: () => Promise<T>): Promise<T> {
  longestGap = 0;
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  // Let the interval tick once more, so a block just before completion is counted.
  await new Promise((resolve) => setTimeout(resolve, 5));
  emitEvent('persist', { kind, ms, lagMaxMs: Math.max(0, longestGap - 2), detail: detail(result) } satisfies PersistEvent);
  return result;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
