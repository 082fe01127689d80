import { createHash, randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { Records, Stored } from '../core/records';
import { SPACE } from '../core/record-spaces';
import { contactSchema } from './contacts';
import { backoffMs, type Outbox, type OutboxEntry } from './outbox';
import { resolveMail } from './resolve';
import { renderMail } from './templates';
import type { UnsubscribeTokens } from './tokens';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface SenderOptions {
  /** How often the outbox is read (also woken at once by a new entry in this process). */
  pollMs: number;
  /** First retry after a failure; doubles each time (at most 15 minutes). */
  retryBaseMs: number;
  /** How long an entry may wait for its event to commit before it counts as never happened. */
  graceMs: number;
  /** How long a claimed entry is this process's alone (longer than any SMTP timeout). */
  leaseMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = { pollMs: 1000, retryBaseMs: 1000, graceMs: 60_000, leaseMs: 120_000 };

/**
 * Sends the outbox: claims a due entry with a lease (compare-and-set), checks its event
 * happened, sends it with the entry id as idempotency key (Message-ID), marks it sent with
 * a compare-and-set. A failure is logged and retried with exponential backoff; the entry
 * stays in the store until it is sent, so neither a crash nor an SMTP outage loses it.
 */
export class MailSender {
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deps: {
      records: Records;
      rooms: RoomRegistry;
      outbox: Outbox;
      tokens: UnsubscribeTokens;
      transport: Transporter;
      from: string;
      publicUrl: string | undefined;
      log: Logger;
      clock: Clock;
      options: SenderOptions;
      /**
       * True when no other process shares the store (embedded, in memory): a lease this
       * sender did not take was left by a process that was killed, and is not waited out.
       */
      soleSender: boolean;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), this.deps.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Reads the outbox soon; one pass at a time (a wake during a pass runs one more). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .then(() => undefined)
      .catch((error: unknown) => this.deps.log.warn({ err: error }, 'mail: could not read the outbox (will try again)'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.deps.transport.close();
  }

  /** One pass over what is due; returns how many mails it sent. */
  async tick(): Promise<number> {
    let sent = 0;
    for (const record of await this.deps.outbox.due(this.deps.clock.now(), this.deps.soleSender ? this.owner : null)) {
      if (this.stopped) break;
      const now = this.deps.clock.now();
      const claimed = await this.deps.outbox.claim(record, this.owner, now + this.deps.options.leaseMs);
      if (!claimed) continue; // another process has it
      if (await this.sendOne(claimed)) sent++;
    }
    return sent;
  }

  private async sendOne(claimed: Stored<OutboxEntry>): Promise<boolean> {
    const { log, clock, outbox, options } = this.deps;
    const entry = claimed.value;
    let resolved;
    try {
      resolved = await resolveMail(this.deps.records, this.deps.rooms, entry.event);
    } catch (error) {
      return this.failed(claimed, error);
    }
    const now = clock.now();
    if ('drop' in resolved || ('wait' in resolved && now - entry.createdAt > options.graceMs)) {
      const why = 'drop' in resolved ? resolved.drop : 'its event never happened';
      await outbox.finish(claimed, { ...entry, state: 'dropped', lease: null, doneAt: now, lastError: why });
      log.info({ outboxId: entry.id, why }, 'mail: not sent');
      return false;
    }
    if ('wait' in resolved) {
      await outbox.finish(claimed, { ...entry, lease: null, nextAttemptAt: now + options.pollMs });
      return false;
    }
    const base = this.deps.publicUrl;
    const token = await this.deps.tokens.sign(resolved.unsubscribe);
    const unsubscribeUrl = base ? `${base}/api/mail/unsubscribe?t=${token}` : null;
    const mail = renderMail(entry.event, {
      locale: resolved.locale,
      boardTitle: resolved.boardTitle,
      receipt: resolved.receipt,
      receiptUrl: base && resolved.receipt ? `${base}/r/${resolved.receipt}` : null,
      text: resolved.text,
      unsubscribeUrl,
    });
    try {
      await this.deps.transport.sendMail({
        from: this.deps.from,
        to: resolved.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The outbox id is the idempotency key: a receiver can tell a resend by its Message-ID.
        messageId: `<${createHash('sha256').update(entry.id).digest('hex').slice(0, 32)}@samskab>`,
        headers: {
          'X-Samskab-Outbox': entry.id,
          ...(unsubscribeUrl ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
    } catch (error) {
      return this.failed(claimed, error);
    }
    const done = clock.now();
    if (!(await outbox.finish(claimed, { ...entry, state: 'sent', attempts: entry.attempts + 1, lease: null, doneAt: done, lastError: null }))) {
      log.error({ outboxId: entry.id }, 'mail: sent, but the lease was lost before it was marked sent (SMTP slower than MAIL lease)');
    }
    if (entry.event.kind !== 'digest') await this.touchContact(entry.event.boardId, entry.event.itemId, done);
    log.info({ outboxId: entry.id, kind: entry.event.kind }, 'mail: sent');
    return true;
  }

  private async failed(claimed: Stored<OutboxEntry>, error: unknown): Promise<false> {
    const entry = claimed.value;
    const attempts = entry.attempts + 1;
    const wait = backoffMs(attempts, this.deps.options.retryBaseMs);
    const message = error instanceof Error ? error.message : String(error);
    this.deps.log.warn({ outboxId: entry.id, attempts, retryInMs: wait, err: message }, 'mail: sending failed, will retry');
    await this.deps.outbox.finish(claimed, { ...entry, attempts, lease: null, nextAttemptAt: this.deps.clock.now() + wait, lastError: message.slice(0, 500) });
    return false;
  }

  /** The retention of an address counts from its last use. */
  private async touchContact(boardId: string, itemId: string, at: number): Promise<void> {
    const contact = await this.deps.records.get(SPACE.contacts(boardId), itemId, contactSchema);
    if (contact) await this.deps.records.replace(SPACE.contacts(boardId), itemId, contact.raw, { ...contact.value, lastMailAt: at });
  }
}
