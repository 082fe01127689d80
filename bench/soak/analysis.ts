import type { Convergence, Sample } from './types';

/**
 * The soak's verdict. Memory is judged by the slope of a least-squares line through the
 * samples after warm-up, with its 95% confidence interval: a slope is only called a leak
 * (or not) when the interval says so, because on a shared 2-core machine a short run's
 * slope is mostly noise.
 */

export const THRESHOLDS = {
  /**
   * Server heap + external after a full GC, less what the boards' documents need (they
   * legitimately grow: every move and delete leaves Yjs tombstones the live document keeps).
   * 20 MB/h catches a per-connection leak of about 17 KB at the default churn (1,200
   * reconnects an hour) and a per-op leak of about 580 bytes at the default rate (36,000 ops
   * an hour).
   */
  heapMBPerHour: 20,
  /** RSS, less the documents: it also holds allocator slack and freed-but-kept pages, so a wider bound. */
  rssMBPerHour: 50,
  /**
   * RSS moves in steps of tens of MB (allocator arenas, pages V8 keeps) with no leak behind
   * them; a line through a few minutes of steps means nothing, so RSS is judged only on
   * this much load after warm-up.
   */
  rssMinWindowSeconds: 20 * 60,
  /**
   * The median of the intervals' p99 fan-out, as the bench's saturation limit. The median,
   * not every interval: on this shared machine one interval in which another engineer's
   * tests make the disk stall Redis's fsync for 300 ms says nothing about Samskab.
   */
  p99Ms: 250,
  /** p99 may not drift up: the last third's median interval p99 against the first third's. */
  p99Drift: 2,
  /** Below this a doubling is noise on an idle-ish machine, not a trend. */
  p99FloorMs: 20,
} as const;

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface Slope {
  /** Per hour, in the unit of y (MB here). */
  perHour: number;
  low: number;
  high: number;
  points: number;
}

/** Two-sided 95% Student t for 1..30 degrees of freedom; 1.96 beyond. */
const T95 = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1, 2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05, 2.04];

/** Least squares of y over x (seconds), as units per hour with a 95% confidence interval. */
export function slope(points: Array<[number, number]>): Slope {
  const usable = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const n = usable.length;
  if (n < 3) return { perHour: NaN, low: NaN, high: NaN, points: n };
  const mx = usable.reduce((s, [x]) => s + x, 0) / n;
  const my = usable.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of usable) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  if (sxx === 0) return { perHour: NaN, low: NaN, high: NaN, points: n };
  const b = sxy / sxx;
  let ssr = 0;
  for (const [x, y] of usable) ssr += (y - (my + b * (x - mx))) ** 2;
  const se = Math.sqrt(ssr / (n - 2) / sxx);
  const t = T95[n - 3] ?? 1.96;
  return { perHour: b * 3600, low: (b - t * se) * 3600, high: (b + t * se) * 3600, points: n };
}

const MB = 1024 * 1024;

export function afterWarmup(samples: Sample[], warmupSeconds: number): Sample[] {
  return samples.filter((s) => s.t >= warmupSeconds);
}

export function memorySlopes(samples: Sample[]) {
  const of = (pick: (s: Sample) => number) => slope(samples.map((s) => [s.t, pick(s) / MB]));
  return {
    heap: of((s) => s.server.heapUsed + s.server.external),
    documents: of((s) => s.documentsHeap),
    heapBeyondDocuments: of((s) => s.server.heapUsed + s.server.external - s.documentsHeap),
    rss: of((s) => s.server.rss),
    rssBeyondDocuments: of((s) => s.server.rss - s.documentsHeap),
    redis: of((s) => s.redisBytes),
    encoded: of((s) => s.clients.docBytes.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)),
  };
}

export function slopeVerdict(s: Slope, limit: number, windowSeconds = Infinity, minWindowSeconds = 0): Verdict {
  if (s.points < 5 || !Number.isFinite(s.high) || windowSeconds < minWindowSeconds) return 'inconclusive';
  if (s.high <= limit) return 'pass';
  if (s.low > limit) return 'fail';
  return 'inconclusive';
}

export function totalErrors(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) for (const [kind, n] of Object.entries(s.clients.errors)) out[kind] = (out[kind] ?? 0) + n;
  return out;
}

const median = (values: number[]): number => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
};

export function p99Check(samples: Sample[]): { median: number; worst: number; first: number; last: number; verdict: Verdict } {
  const p99s = samples.map((s) => s.clients.fanout.p99).filter(Number.isFinite);
  if (p99s.length < 3) return { median: NaN, worst: NaN, first: NaN, last: NaN, verdict: 'inconclusive' };
  const third = Math.max(1, Math.floor(p99s.length / 3));
  const first = median(p99s.slice(0, third));
  const last = median(p99s.slice(-third));
  const middle = median(p99s);
  const stable = last <= Math.max(first * THRESHOLDS.p99Drift, THRESHOLDS.p99FloorMs);
  return { median: middle, worst: Math.max(...p99s), first, last, verdict: Math.max(...p99s) <= THRESHOLDS.p99Ms && middle <= THRESHOLDS.p99Ms && stable ? 'pass' : 'fail' };
}

export function convergenceVerdict(c: Convergence): Verdict {
  return c.diverged === 0 && c.notReconnected === 0 ? 'pass' : 'fail';
}

export function overall(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('inconclusive') ? 'inconclusive' : 'pass';
}
