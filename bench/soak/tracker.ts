import { PerformanceObserver } from 'node:perf_hooks';
import { Samples } from '../lib/stats';
import type { OpKind } from './types';

/**
 * Fan-out latency and error counts for a soak, per sampling interval. Unlike the bench's
 * OpTracker (fixed clients, "delivered to every one" bookkeeping per op), membership here
 * changes all the time: clients leave and come back and catch up through sync step 2. So
 * only live broadcasts (Update messages to a connected client) are timed, each counted in
 * the interval it arrives in, and ops are forgotten after a minute, so an hour-long run
 * holds a minute of bookkeeping, not an hour's.
 */

interface UpdateMeta {
  from: Map<number, number>;
  to: Map<number, number>;
}

interface ClientOps {
  /** First clock of each op, ascending (one Yjs client writes in clock order). */
  clocks: number[];
  sentAt: number[];
}

const FORGET_AFTER_MS = 60_000;
/**
 * A stop-the-world GC of the load process itself at least this long: deliveries that were on
 * their way meanwhile are not timed (see LoadPauses).
 */
export const LOAD_PAUSE_MS = 50;
/** Deliveries are judged this long after they arrive, when the GC entries of their time are in. */
const JUDGE_AFTER_MS = 1_000;

/**
 * The load process's own GC pauses. It holds a full Yjs document per client (200 clients:
 * ~400 MB of small objects), and V8's mark-compact of such a heap stops it for 0.3–0.9 s
 * (measured: bench/soak/gc-probe.ts). A broadcast that reached the socket during that
 * pause is read after it, so it would be timed with the measuring process's own pause, a
 * spike the server had no part in (bench/ANALYSIS.md: not the only cause of the soak's
 * spikes). Like the forced GC of the server (hold), such deliveries are left out,
 * counted, and the longest pause is reported per interval. Entries arrive asynchronously
 * after the pause, so deliveries are judged a second after they arrive.
 */
class LoadPauses {
  /** [start, end) of every long pause of the last minute, in performance.now() time. */
  private readonly pauses: Array<[number, number]> = [];
  longestMs = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.longestMs = Math.max(this.longestMs, entry.duration);
      if (entry.duration >= LOAD_PAUSE_MS) this.pauses.push([entry.startTime, entry.startTime + entry.duration]);
    }
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Whether a long pause overlapped [from, to). */
  overlaps(from: number, to: number): boolean {
    return this.pauses.some(([start, end]) => start < to && end > from);
  }

  forget(before: number): void {
    while (this.pauses.length > 0 && (this.pauses[0] as [number, number])[1] < before) this.pauses.shift();
  }
}

export class SoakTracker {
  private readonly ops = new Map<number, ClientOps>();
  fanout = new Samples();
  /** Deliveries not timed because the load process itself was paused by its GC meanwhile. */
  pausedDeliveries = 0;
  /** The longest GC pause of the load process in the interval (ms). */
  loadGcMaxMs = 0;
  voteAck = new Samples();
  private readonly loadPauses = new LoadPauses();
  /** Arrived deliveries not yet judged: sent and arrival times. */
  private arrivals: { sent: number[]; at: number[] } = { sent: [], at: [] };
  budgetRefusals = 0;
  errors: Record<string, number> = {};
  counts: Record<OpKind, number> = emptyCounts();
  disconnects = { clean: 0, lost: 0 };
  reconnects = 0;
  refusedAttempts = 0;
  private holdUntil = 0;

  /**
   * Stops timing ops while the orchestrator forces a full GC on the server to read its
   * memory, and forgets those sent in the last `lookbackMs`: that pause is the soak's own
   * doing, not something a workshop would see. Timing resumes `afterMs` after release().
   */
  hold(lookbackMs: number): void {
    this.holdUntil = Infinity;
    const since = performance.now() - lookbackMs;
    for (const list of this.ops.values()) {
      while (list.sentAt.length > 0 && (list.sentAt[list.sentAt.length - 1] as number) >= since) {
        list.sentAt.pop();
        list.clocks.pop();
      }
    }
  }

  release(afterMs: number): void {
    this.holdUntil = performance.now() + afterMs;
  }

  /** An op made while connected: structs of Yjs client `yClient` at clocks [from, to). */
  register(yClient: number, from: number, to: number, at: number): void {
    if (to <= from || at < this.holdUntil) return;
    let list = this.ops.get(yClient);
    if (!list) this.ops.set(yClient, (list = { clocks: [], sentAt: [] }));
    list.clocks.push(from);
    list.sentAt.push(at);
  }

  /** A live broadcast applied by one receiver. */
  observe(meta: UpdateMeta, now: number): void {
    for (const [client, to] of meta.to) {
      const list = this.ops.get(client);
      if (!list) continue;
      const from = meta.from.get(client) ?? 0;
      for (let i = lowerBound(list.clocks, from); i < list.clocks.length && (list.clocks[i] as number) < to; i++) {
        this.arrivals.sent.push(list.sentAt[i] as number);
        this.arrivals.at.push(now);
      }
    }
  }

  error(kind: string): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }

  op(kind: OpKind): void {
    this.counts[kind]++;
  }

  /** This interval's figures; the counters start again from zero. */
  take(): Pick<SoakTracker, 'fanout' | 'pausedDeliveries' | 'loadGcMaxMs' | 'voteAck' | 'budgetRefusals' | 'errors' | 'counts' | 'disconnects' | 'reconnects' | 'refusedAttempts'> {
    this.judgeArrivals(performance.now() - JUDGE_AFTER_MS);
    const out = {
      fanout: this.fanout,
      pausedDeliveries: this.pausedDeliveries,
      loadGcMaxMs: this.loadPauses.longestMs,
      voteAck: this.voteAck,
      budgetRefusals: this.budgetRefusals,
      errors: this.errors,
      counts: this.counts,
      disconnects: this.disconnects,
      reconnects: this.reconnects,
      refusedAttempts: this.refusedAttempts,
    };
    this.fanout = new Samples();
    this.pausedDeliveries = 0;
    this.loadPauses.longestMs = 0;
    this.voteAck = new Samples();
    this.budgetRefusals = 0;
    this.errors = {};
    this.counts = emptyCounts();
    this.disconnects = { clean: 0, lost: 0 };
    this.reconnects = 0;
    this.refusedAttempts = 0;
    this.forget(performance.now() - FORGET_AFTER_MS);
    this.loadPauses.forget(performance.now() - FORGET_AFTER_MS);
    return out;
  }

  /** Times the deliveries that arrived before `before`; the later ones wait for the next interval. */
  private judgeArrivals(before: number): void {
    const { sent, at } = this.arrivals;
    let i = 0;
    for (; i < at.length && (at[i] as number) < before; i++) {
      const from = sent[i] as number;
      const to = at[i] as number;
      if (this.loadPauses.overlaps(from, to)) this.pausedDeliveries++;
      else this.fanout.push(to - from);
    }
    this.arrivals = { sent: sent.slice(i), at: at.slice(i) };
  }

  private forget(before: number): void {
    for (const [client, list] of this.ops) {
      let drop = 0;
      while (drop < list.sentAt.length && (list.sentAt[drop] as number) < before) drop++;
      if (drop === list.sentAt.length) this.ops.delete(client);
      else if (drop > 0) {
        list.clocks.splice(0, drop);
        list.sentAt.splice(0, drop);
      }
    }
  }
}

function emptyCounts(): Record<OpKind, number> {
  return { add: 0, move: 0, edit: 0, delete: 0, vote: 0, offline: 0 };
}

function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
