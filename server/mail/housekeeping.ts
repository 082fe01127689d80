import { z } from 'zod';
import type { Logger } from '../log';
import type { BoardStore } from '../store/board-store';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';
import { contactSchema } from './contacts';
import type { Outbox } from './outbox';
import type { Clock } from './sender';

const receiptPointerSchema = z.object({ boardId: z.string(), itemId: z.string() }).strict();
/** Sent and dropped outbox entries are kept this long (for the log of what went out), then deleted. */
const OUTBOX_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export interface HousekeepingResult {
  sessions: number;
  contacts: number;
  outbox: number;
}

/**
 * What the board no longer needs about people: sessions past SESSION_TTL_DAYS (they are
 * refused anyway), e-mail addresses unused for CONTACT_RETENTION_DAYS (counted from the
 * consent or the last mail sent to it), and the outbox's record of mails sent long ago.
 * The clock is injected so tests move it instead of waiting.
 */
export class Housekeeping {
  constructor(
    private readonly deps: {
      store: BoardStore;
      records: Records;
      outbox: Outbox;
      clock: Clock;
      sessionTtlMs: number;
      contactRetentionMs: number;
      log: Logger;
    },
  ) {}

  async run(): Promise<HousekeepingResult> {
    const { store, records, clock, log } = this.deps;
    const now = clock.now();
    const expired = (await store.listSessions()).filter((s) => s.session.createdAt + this.deps.sessionTtlMs <= now).map((s) => s.tokenHash);
    const sessions = await store.deleteSessions(expired);
    let contacts = 0;
    // Every contribution has a receipt pointer: they name every board that can hold addresses.
    const boards = new Set((await records.list(SPACE.receipts, receiptPointerSchema)).map((r) => r.value.boardId));
    for (const boardId of boards) {
      const space = SPACE.contacts(boardId);
      const old = (await records.list(space, contactSchema)).filter((c) => Math.max(c.value.consentAt, c.value.lastMailAt ?? 0) + this.deps.contactRetentionMs <= now);
      for (const contact of old) await this.deps.outbox.forgetItem(boardId, contact.key);
      contacts += await records.delete(space, old.map((c) => c.key));
    }
    const outbox = await this.deps.outbox.sweep(now - OUTBOX_KEEP_MS);
    if (sessions + contacts > 0) {
      await store.purgeDeleted();
      log.info({ sessions, contacts }, 'housekeeping: deleted expired sessions and unused e-mail addresses');
    }
    return { sessions, contacts, outbox };
  }
}
