import { z } from 'zod';
import { randomId } from '../../shared';
import { followUpEventSchemas } from '../moderation';
import type { Records, Stored } from '../core/records';

/**
 * The durable outbox. A mail is an outbox record written before the event that causes it
 * is committed, under a key the event decides (so writing it twice writes it once); the
 * sender checks the event did happen before sending (see verify.ts), claims the entry with
 * a lease (compare-and-set, so two processes never both send it) and marks it sent with a
 * compare-and-set. Nothing about the mail lives only in memory.
 */
export const OUTBOX_SPACE = 'outbox';
/** Sent and dropped entries, moved out of the outbox so the senders' polls read only what is waiting. */
export const OUTBOX_DONE_SPACE = 'outbox-done';

export const mailEventSchema = z.discriminatedUnion('kind', [
  ...followUpEventSchemas,
  z.object({ kind: z.literal('digest'), boardId: z.string(), participantId: z.string(), pending: z.number().int() }).strict(),
]);
export type MailEvent = z.infer<typeof mailEventSchema>;

export const outboxEntrySchema = z
  .object({
    id: z.string(),
    event: mailEventSchema,
    createdAt: z.number(),
    state: z.enum(['queued', 'sent', 'dropped']),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: z.number(),
    /** Held by the process sending it until `until`; an expired lease may be taken over. */
    lease: z.object({ owner: z.string(), until: z.number() }).strict().nullable(),
    doneAt: z.number().nullable(),
    lastError: z.string().nullable(),
  })
  .strict();
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** Key of an event's mail: the same event always gives the same key (the idempotency key). */
export function outboxKey(event: MailEvent): string {
  switch (event.kind) {
    case 'receipt':
      return `${event.boardId}/${event.itemId}/receipt`;
    case 'decision':
      return `${event.boardId}/${event.itemId}/decision/${event.at}`;
    case 'status':
      return `${event.boardId}/${event.itemId}/status/${event.at}`;
    case 'initiative':
      return `${event.boardId}/${event.itemId}/initiative/${event.initiativeId}`;
    case 'digest':
      return `${event.boardId}/~digest/${event.participantId}/${randomId(8)}`;
  }
}

export class Outbox {
  constructor(private readonly records: Records) {}

  /** Queues the event's mail; a second call for the same event changes nothing. */
  async enqueue(event: MailEvent, now: number): Promise<OutboxEntry> {
    const id = outboxKey(event);
    const done = await this.records.get(OUTBOX_DONE_SPACE, id, outboxEntrySchema);
    if (done) return done.value;
    const entry: OutboxEntry = { id, event, createdAt: now, state: 'queued', attempts: 0, nextAttemptAt: now, lease: null, doneAt: null, lastError: null };
    const { stored } = await this.records.insert(OUTBOX_SPACE, id, entry, outboxEntrySchema);
    return stored?.value ?? entry;
  }

  all(): Promise<Array<Stored<OutboxEntry> & { key: string }>> {
    return this.records.list(OUTBOX_SPACE, outboxEntrySchema);
  }

  /** Entries due now that nobody holds, oldest first. */
  /**
   * What is due now. `soleOwner`: the one sender that can be alive (a store only one process
   * opens); a lease of any other owner is then a process that died mid-send, and waiting out
   * its lease would only delay the mail.
   */
  async due(now: number, soleOwner: string | null = null): Promise<Array<Stored<OutboxEntry> & { key: string }>> {
    const free = (lease: OutboxEntry['lease']) => lease === null || lease.until <= now || (soleOwner !== null && lease.owner !== soleOwner);
    return (await this.all())
      .filter((r) => r.value.state === 'queued' && r.value.nextAttemptAt <= now && free(r.value.lease))
      .sort((a, b) => a.value.createdAt - b.value.createdAt);
  }

  /** Takes the entry for `owner` until `until`; null when another process changed it first. */
  async claim(record: Stored<OutboxEntry> & { key: string }, owner: string, until: number): Promise<Stored<OutboxEntry> | null> {
    const next: OutboxEntry = { ...record.value, lease: { owner, until } };
    const raw = JSON.stringify(next);
    return (await this.records.replace(OUTBOX_SPACE, record.key, record.raw, next)) ? { value: next, raw } : null;
  }

  /**
   * Compare-and-set from the claimed state: false when the lease was lost meanwhile. A sent
   * or dropped entry then moves to the done space (a crash before the move leaves it
   * finished in the outbox, where nobody sends it; housekeeping clears it).
   */
  async finish(claimed: Stored<OutboxEntry>, next: OutboxEntry): Promise<boolean> {
    if (!(await this.records.replace(OUTBOX_SPACE, claimed.value.id, claimed.raw, next))) return false;
    if (next.state !== 'queued') {
      await this.records.put(OUTBOX_DONE_SPACE, next.id, next);
      await this.records.delete(OUTBOX_SPACE, [next.id]);
    }
    return true;
  }

  /** Where an entry stands, waiting or done (tests, diagnostics). */
  async get(id: string): Promise<OutboxEntry | null> {
    return (await this.records.get(OUTBOX_SPACE, id, outboxEntrySchema))?.value ?? (await this.records.get(OUTBOX_DONE_SPACE, id, outboxEntrySchema))?.value ?? null;
  }

  /** Removes the entries of a contribution (an unsubscribe or a GDPR deletion): unsent ones are never sent. */
  forgetItem(boardId: string, itemId: string): Promise<number> {
    return this.forgetPrefix(`${boardId}/${itemId}/`);
  }

  forgetDigests(boardId: string, participantId: string): Promise<number> {
    return this.forgetPrefix(`${boardId}/~digest/${participantId}/`);
  }

  /** Waiting and done entries alike: they quote reasons and titles about the person. */
  private async forgetPrefix(prefix: string): Promise<number> {
    let removed = 0;
    for (const space of [OUTBOX_SPACE, OUTBOX_DONE_SPACE]) {
      const keys = (await this.records.list(space, outboxEntrySchema)).filter((r) => r.key.startsWith(prefix)).map((r) => r.key);
      removed += await this.records.delete(space, keys);
    }
    return removed;
  }

  /** Sent and dropped entries finished before `before` (housekeeping), in either space. */
  async sweep(before: number): Promise<number> {
    let removed = 0;
    for (const space of [OUTBOX_SPACE, OUTBOX_DONE_SPACE]) {
      const old = (await this.records.list(space, outboxEntrySchema)).filter((r) => r.value.state !== 'queued' && (r.value.doneAt ?? 0) < before);
      removed += await this.records.delete(space, old.map((r) => r.key));
    }
    return removed;
  }
}

/** Exponential backoff: 1 s, 2 s, 4 s … at most 15 minutes (base scaled for tests). */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}
