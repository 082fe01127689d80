import type { PendingTrace } from './update-trace';
import type { Logger } from '../log';

export interface PersistEntry<O> {
  update: Uint8Array;
  /** The peer that sent it, told when it is durable; null for the server's own writes. */
  origin: O | null;
  /** Per Yjs client id, the clock the update brings that client to. */
  clocks: Map<number, number>;
  /** Its times so far, while someone traces updates (update-trace.ts). */
  trace?: PendingTrace;
}

interface Options<O> {
  /** Durably appends the updates in order; resolves with the log length after them. */
  append(updates: Uint8Array[]): Promise<{ logLength: number }>;
  compact(): Promise<unknown>;
  compactAfterUpdates: number;
  log: Logger;
  /**
   * Called with every entry that has just become durable, in arrival order: all of them at
   * once, so whoever broadcasts can send them as one message per peer.
   */
  onDurable(entries: PersistEntry<O>[]): void;
}

/**
 * Batches written at once. Above one, an update that arrives while a batch is in flight
 * goes out at once instead of waiting for that round trip; the bound keeps a slow store
 * from collecting an unbounded number of small writes (later updates batch up instead).
 */
export const MAX_IN_FLIGHT = 4;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
/** How long shutdown waits for an unreachable store before giving up (clients still hold the data). */
const CLOSE_TIMEOUT_MS = 10_000;

interface Batch<O> {
  entries: PersistEntry<O>[];
  /** What the store answered, once it has the whole batch. */
  logLength: number | null;
}

interface Waiter {
  seq: number;
  run: () => void;
}

/**
 * Writes a room's updates to the store as group commits: whatever arrived since the last
 * batch was sent becomes the next one, sent at once while up to MAX_IN_FLIGHT - 1 earlier
 * ones are still in flight. Updates are announced durable strictly in arrival order, a
 * batch only after every earlier one. A failed write is retried with backoff, never
 * dropped: the sender keeps the update on its device until it hears it was saved.
 *
 * Every pushed entry gets a sequence number (1, 2, ...). A caller waits for its own
 * sequence to be durable (whenDurable), never for the queue to run empty: under a steady
 * stream of writes the queue may never be empty, and waiting for that made a 4 ms write
 * wait tens or hundreds of milliseconds for other people's writes.
 */
export class PersistQueue<O> {
  /** Arrived and not yet sent: the next batch. */
  private queue: PersistEntry<O>[] = [];
  /** Sent and not yet announced, oldest first. */
  private readonly inFlight: Batch<O>[] = [];
  private retrying = 0;
  private closed = false;
  /** Sorted by seq. */
  private waiters: Waiter[] = [];
  private readonly durable = new Map<number, number>();
  private compacting = false;
  private pushedSeq = 0;
  private announcedSeq = 0;
  private announceQueued = false;

  constructor(private readonly options: Options<O>) {}

  /** Queues an entry; returns its sequence number. */
  push(entry: PersistEntry<O>): number {
    this.queue.push(entry);
    this.pushedSeq += 1;
    this.send();
    return this.pushedSeq;
  }

  /** The sequence number of the last entry pushed (0 before any). */
  get lastSeq(): number {
    return this.pushedSeq;
  }

  /** Every entry up to this sequence number is durable and announced. */
  get durableSeq(): number {
    return this.announcedSeq;
  }

  get isEmpty(): boolean {
    return this.queue.length === 0 && this.inFlight.length === 0;
  }

  durableClock(client: number): number {
    return this.durable.get(client) ?? 0;
  }

  markDurable(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) this.durable.set(client, Math.max(clock, this.durableClock(client)));
  }

  /**
   * Runs `fn` once every entry up to `seq` (default: everything pushed so far) is durable
   * and announced: synchronously, right after onDurable of the batch that completes it (or
   * now, when it is durable already). A caller that sends the document's state encodes it
   * when it asks (so it holds nothing past `seq`) and sends it from `fn`.
   */
  whenDurable(fn: () => void, seq = this.pushedSeq): void {
    if (seq <= this.announcedSeq) {
      fn();
      return;
    }
    let at = this.waiters.length;
    while (at > 0 && (this.waiters[at - 1] as Waiter).seq > seq) at--;
    this.waiters.splice(at, 0, { seq, run: fn });
  }

  /** Resolves once everything pushed so far is durable (and announced); later pushes do not delay it. */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.whenDurable(resolve));
  }

  /** Resolves once the queue is empty: nothing pushed is still unannounced (shutdown). */
  private drained(): Promise<void> {
    if (this.isEmpty) return Promise.resolve();
    return this.flushed().then(() => this.drained());
  }

  async close(): Promise<void> {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    await Promise.race([this.drained(), timeout]);
    this.closed = true;
    if (!this.isEmpty) {
      const unsaved = this.queue.length + this.inFlight.reduce((n, batch) => n + batch.entries.length, 0);
      this.options.log.error({ unsaved }, 'closing with unsaved updates; their senders still hold them');
    }
  }

  private send(): void {
    // While a write is failing the next would most likely fail too: let updates collect.
    if (this.queue.length === 0 || this.inFlight.length >= MAX_IN_FLIGHT || this.retrying > 0 || this.closed) return;
    const batch: Batch<O> = { entries: this.queue, logLength: null };
    this.queue = [];
    this.inFlight.push(batch);
    void this.write(batch);
  }

  private async write(batch: Batch<O>): Promise<void> {
    const updates = batch.entries.map((entry) => entry.update);
    let delay = RETRY_MIN_MS;
    for (;;) {
      try {
        batch.logLength = (await this.options.append(updates)).logLength;
        break;
      } catch (error) {
        // A retry may append some of the batch twice, which Yjs ignores; a later batch may
        // land before it meanwhile, which Yjs orders by itself. Announcing waits either way.
        this.options.log.warn({ err: error, retryInMs: delay }, 'store write failed; retrying');
        this.retrying += 1;
        await new Promise((resolve) => setTimeout(resolve, delay));
        this.retrying -= 1;
        delay = Math.min(delay * 2, RETRY_MAX_MS);
        if (this.closed) return;
      }
    }
    this.queueAnnounce();
  }

  /**
   * Announces once the batches stored in this turn have all been seen. Redis answers the
   * appends it fsynced together in one reply packet, and their promises settle in the same
   * microtask checkpoint, so a later microtask sees every one of them: they go out as one
   * onDurable call (one merged message per peer) rather than one each. Under load that is
   * what keeps the broadcast's socket writes from growing with every in-flight batch; at
   * low rates it costs one microtask.
   */
  private queueAnnounce(): void {
    if (this.announceQueued) return;
    this.announceQueued = true;
    queueMicrotask(() => {
      this.announceQueued = false;
      this.announce();
    });
  }

  /**
   * Announces every batch at the head that the store has, in order, as one call, then runs
   * the waiters whose sequence is now durable, then sends what waits.
   */
  private announce(): void {
    const entries: PersistEntry<O>[] = [];
    let logLength = 0;
    for (let head = this.inFlight[0]; head && head.logLength !== null; head = this.inFlight[0]) {
      this.inFlight.shift();
      for (const entry of head.entries) {
        this.markDurable(entry.clocks);
        entries.push(entry);
      }
      logLength = Math.max(logLength, head.logLength);
    }
    if (entries.length > 0) {
      this.announcedSeq += entries.length;
      this.options.onDurable(entries);
      if (logLength >= this.options.compactAfterUpdates) this.compactInBackground();
      let due = 0;
      while (due < this.waiters.length && (this.waiters[due] as Waiter).seq <= this.announcedSeq) due++;
      for (const waiter of this.waiters.splice(0, due)) {
        try {
          waiter.run();
        } catch (error) {
          this.options.log.error({ err: error }, 'a durable-sequence waiter failed');
        }
      }
    }
    this.send();
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
