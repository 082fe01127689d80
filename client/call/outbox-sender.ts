import { ErrorCode, type ContributionReceipt, type ProtocolError } from '../../shared';
import { isOffline, type Sent } from '../rest/http';
import type { Outbox, OutboxEntry } from './outbox';

/** Where an entry of the outbox stands, as far as this page knows. */
export type EntryStatus =
  | { kind: 'queued' }
  | { kind: 'sending' }
  /** No connection: kept on the device until there is one. */
  | { kind: 'offline' }
  /** The server asked us to wait (rate limit) or was in trouble; tried again at `until`. */
  | { kind: 'waiting'; until: number; seconds: number; rateLimited: boolean };

export interface SenderEvents {
  /** The server has it (new, or recognised by id as sent before). Already out of the outbox. */
  sent(entry: OutboxEntry, receipt: ContributionReceipt): void;
  /** The server will not take it as it is; already out of the outbox, so its draft must go back to the person. */
  refused(entry: OutboxEntry, error: ProtocolError): void;
  /** Some status changed. */
  changed(): void;
}

export type PostContribution = (entry: OutboxEntry) => Promise<Sent<ContributionReceipt>>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Refusals a later attempt can get past: the server was busy or unwell, not the contribution wrong. */
const TRANSIENT = new Set<string>([ErrorCode.RATE_LIMITED, ErrorCode.STORE_UNAVAILABLE, ErrorCode.INTERNAL]);

/** Without a Retry-After: 5, 10, 20, 40 s, then a minute at most. */
export function backoffSeconds(attempts: number): number {
  return Math.min(60, 5 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends one call's outbox, oldest first, one at a time. Whoever asks (send pressed, page
 * load, the `online` event, a timer) just calls flush(); overlapping asks become one more
 * pass. The server dedupes by id, so sending an entry again is always safe.
 */
export class OutboxSender {
  private readonly statuses = new Map<string, EntryStatus>();
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: unknown = null;
  /** No attempts before this instant (the server's Retry-After). */
  private notBefore = 0;
  private disposed = false;

  constructor(
    private readonly outbox: Outbox,
    private readonly callId: string,
    private readonly post: PostContribution,
    private readonly events: SenderEvents,
    private readonly clock: Clock = realClock,
  ) {}

  status(id: string): EntryStatus {
    return this.statuses.get(id) ?? { kind: 'queued' };
  }

  pending(): OutboxEntry[] {
    return this.outbox.list(this.callId);
  }

  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async pass(): Promise<void> {
    if (this.clock.now() < this.notBefore) return;
    for (const entry of this.pending()) {
      if (this.disposed) return;
      this.set(entry.id, { kind: 'sending' });
      this.outbox.countAttempt(entry.id);
      const { result, retryAfter } = await this.post(entry);
      if (this.disposed) return;
      if (result.ok) {
        this.outbox.remove(entry.id);
        this.statuses.delete(entry.id);
        this.events.sent(entry, result.data);
        continue;
      }
      if (isOffline(result)) {
        // The rest would fail the same way; they wait for the connection together.
        this.markRest(entry, { kind: 'offline' });
        return;
      }
      if (TRANSIENT.has(result.error.code)) {
        const seconds = retryAfter ?? backoffSeconds(entry.attempts + 1);
        const until = this.clock.now() + seconds * 1000;
        this.notBefore = until;
        this.markRest(entry, { kind: 'waiting', until, seconds, rateLimited: result.error.code === ErrorCode.RATE_LIMITED });
        this.retryAt(seconds * 1000);
        return;
      }
      this.outbox.remove(entry.id);
      this.statuses.delete(entry.id);
      this.events.refused(entry, result.error);
    }
    this.events.changed();
  }

  /** This entry and every later one share its fate. */
  private markRest(from: OutboxEntry, status: EntryStatus): void {
    let reached = false;
    for (const entry of this.pending()) {
      if (entry.id === from.id) reached = true;
      if (reached) this.statuses.set(entry.id, status);
    }
    this.events.changed();
  }

  private set(id: string, status: EntryStatus): void {
    this.statuses.set(id, status);
    this.events.changed();
  }

  private retryAt(ms: number): void {
    if (this.retryTimer !== null) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, ms);
  }
}
