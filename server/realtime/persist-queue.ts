import type { Logger } from '../log';

export interface PersistEntry<O> {
  update: Uint8Array;
  /** The peer that sent it, told when it is durable; null for the server's own writes. */
  origin: O | null;
  /** Per Yjs client id, the clock the update brings that client to. */
  clocks: Map<number, number>;
}

interface Options<O> {
  append(update: Uint8Array): Promise<{ logLength: number }>;
  compact(): Promise<unknown>;
  compactAfterUpdates: number;
  log: Logger;
  onDurable(entry: PersistEntry<O>): void;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
/** How long shutdown waits for an unreachable store before giving up (clients still hold the data). */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Writes a room's updates to the store in arrival order, as group commits: while one batch
 * is being written the next one collects. A failed write is retried with backoff, never
 * dropped: the sender keeps the update on its device until it hears it was saved.
 */
export class PersistQueue<O> {
  private queue: PersistEntry<O>[] = [];
  private running = false;
  private closed = false;
  private waiters: Array<() => void> = [];
  private readonly durable = new Map<number, number>();
  private compacting = false;

  constructor(private readonly options: Options<O>) {}

  push(entry: PersistEntry<O>): void {
    this.queue.push(entry);
    if (!this.running) void this.drain();
  }

  get isEmpty(): boolean {
    return this.queue.length === 0 && !this.running;
  }

  durableClock(client: number): number {
    return this.durable.get(client) ?? 0;
  }

  markDurable(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) this.durable.set(client, Math.max(clock, this.durableClock(client)));
  }

  flushed(): Promise<void> {
    if (this.isEmpty) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    await Promise.race([this.flushed(), timeout]);
    this.closed = true;
    if (!this.isEmpty) this.options.log.error({ unsaved: this.queue.length }, 'closing with unsaved updates; their senders still hold them');
  }

  private async drain(): Promise<void> {
    this.running = true;
    let delay = RETRY_MIN_MS;
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.slice();
      let logLength: number;
      try {
        // Issued together so Redis pipelines them; a retry may append some twice, which Yjs ignores.
        const results = await Promise.all(batch.map((entry) => this.options.append(entry.update)));
        logLength = Math.max(...results.map((r) => r.logLength));
      } catch (error) {
        this.options.log.warn({ err: error, retryInMs: delay }, 'store write failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_MAX_MS);
        continue;
      }
      delay = RETRY_MIN_MS;
      this.queue.splice(0, batch.length);
      for (const entry of batch) {
        this.markDurable(entry.clocks);
        this.options.onDurable(entry);
      }
      if (logLength >= this.options.compactAfterUpdates) this.compactInBackground();
    }
    this.running = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private compactInBackground(): void {
    if (this.compacting) return;
    this.compacting = true;
    this.options
      .compact()
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'compaction failed; the log stays as it is'))
      .finally(() => {
        this.compacting = false;
      });
  }
}
