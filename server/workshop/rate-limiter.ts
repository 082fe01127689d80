/**
 * Sliding-window counters per key (an IP address), in memory. Join codes are short (25^6),
 * so guessing is what they must withstand: failed attempts are counted strictly, while
 * successes only count against a generous cap, so forty people behind one municipal NAT can
 * all join in the same minute. In-process on purpose: one node serves a board's workshop;
 * behind several nodes each keeps its own count (so the limit multiplies by the node count).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Bounds memory under a flood of distinct keys. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Ms until the key may try again, or 0 when it is under the limit now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, (recent[recent.length - this.limit] as number) + this.windowMs - now);
  }

  record(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    if (++this.sweeps % 1000 === 0 || this.hits.size > this.maxKeys) this.sweep(now);
  }

  private recent(key: string, now: number): number[] {
    const all = this.hits.get(key);
    if (!all) return [];
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < all.length && (all[drop] as number) <= cutoff) drop++;
    if (drop > 0) all.splice(0, drop);
    if (all.length === 0) this.hits.delete(key);
    return all;
  }

  private sweep(now: number): void {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
    // Still too many keys: forget the oldest (Map iterates in insertion order).
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
