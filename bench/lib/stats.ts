/** Latency summaries: every figure in RESULTS.md is computed here, so they all mean the same. */

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** Issue 17: no periodic stalls, so p99.9 ≤ 3 × p99. Absent in results saved before it was measured. */
  p999?: number;
  max: number;
}

export const EMPTY_SUMMARY: Summary = { count: 0, p50: NaN, p95: NaN, p99: NaN, p999: NaN, max: NaN };

/** Nearest-rank percentiles (no interpolation: a p99 is a latency some delivery really had). */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return EMPTY_SUMMARY;
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))] as number;
  return { count: n, p50: rank(50), p95: rank(95), p99: rank(99), p999: rank(99.9), max: sorted[n - 1] as number };
}

/**
 * A growable list of doubles: a run at 500 clients × 200 ops/s records about a million
 * deliveries, which would be a million boxed numbers in a plain array.
 */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }

  summary(): Summary {
    return summarize(this.values());
  }
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "12.3" or "n/a"; tables show missing figures explicitly rather than as 0. */
export function fmt(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return round(value, digits).toFixed(digits);
}

/** Samskab ÷ reference, written "1.23×"; lower is better for every figure it is used on. */
export function ratio(ours: number | null | undefined, reference: number | null | undefined): string {
  if (ours === null || ours === undefined || reference === null || reference === undefined) return 'n/a';
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference <= 0) return 'n/a';
  return `${(ours / reference).toFixed(2)}×`;
}

export function kib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return (bytes / 1024).toFixed(1);
}

export function mib(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return 'n/a';
  return (bytes / 1024 / 1024).toFixed(1);
}
