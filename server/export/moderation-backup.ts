import { auditKey } from '../moderation';
import { z } from 'zod';
import {
  LIMITS,
  auditEntrySchema,
  hiddenIdeaSchema,
  idSchema,
  queueItemSchema,
  revisionSchema,
  type AuditEntry,
  type HiddenIdea,
  type QueueItem,
  type Revision,
} from '../../shared';
import { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';
import type { BoardStore } from '../store/board-store';

/**
 * The moderation state a backup carries: the board's records beside its document
 * (server/moderation/records.ts): the queue, ideas a moderator hid, moderator edits and the
 * audit log. Record keys are not in the backup: each follows from its value, as the
 * moderation code writes it.
 *
 * Left out on purpose:
 * - `contacts`: contributors' e-mail addresses are personal data, given with consent for
 *   follow-up on this board only and deletable on request. A backup is a file that gets
 *   copied, mailed and archived where no deletion reaches it, so they never go into one; a
 *   restored board's contributions have no e-mail to follow up.
 * - `calls` and `receipts`: installation-wide pointers from a public link or a receipt code
 *   to the original board, which keeps them (a restored board starts without a call).
 */
export interface ModerationBackup {
  /** Contributions, pending comments and reports, decided ones included; oldest first, ties by id. */
  queue: QueueItem[];
  /** Ideas a moderator took off the board, oldest hiding first, ties by idea id. */
  hidden: HiddenIdea[];
  /** Moderator edits per idea, by idea id; each list oldest first. */
  revisions: IdeaRevisions[];
  /** Oldest first, ties by id. */
  audit: AuditEntry[];
}

export interface IdeaRevisions {
  ideaId: string;
  revisions: Revision[];
}

export const EMPTY_MODERATION: ModerationBackup = { queue: [], hidden: [], revisions: [], audit: [] };

/** Far above what a board collects; the 32 MiB body limit is the real bound. */
const MAX_QUEUE_ITEMS = 200_000;
const MAX_REVISIONS_PER_IDEA = 10_000;
const MAX_AUDIT_ENTRIES = 500_000;

const revisionsSchema = z.array(revisionSchema);

function unique<T>(items: readonly T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

/**
 * What a restore accepts: every record checked with the schema the moderation code reads it
 * with (a backup is untrusted input), and no two records that would share a key.
 */
export const moderationBackupSchema = z
  .object({
    queue: z.array(queueItemSchema).max(MAX_QUEUE_ITEMS),
    hidden: z.array(hiddenIdeaSchema).max(LIMITS.ideasPerBoard),
    revisions: z
      .array(z.object({ ideaId: idSchema, revisions: z.array(revisionSchema).min(1).max(MAX_REVISIONS_PER_IDEA) }).strict())
      .max(LIMITS.ideasPerBoard),
    audit: z.array(auditEntrySchema).max(MAX_AUDIT_ENTRIES),
  })
  .strict()
  .superRefine((m, ctx) => {
    const duplicate = (path: string, what: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: `Two ${what} have the same id.` });
    if (!unique(m.queue, (item) => item.id)) duplicate('queue', 'queue items');
    if (!unique(m.hidden, (h) => h.idea.id)) duplicate('hidden', 'hidden ideas');
    if (!unique(m.revisions, (r) => r.ideaId)) duplicate('revisions', 'revision lists');
    if (!unique(m.audit, (e) => e.id)) duplicate('audit', 'audit entries');
  });

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Reads a board's moderation records, in an order that does not depend on the store (so
 * export → restore → export gives the same JSON). A record its schema refuses is left out,
 * as the moderation code itself treats it as missing.
 */
export async function readModeration(store: BoardStore, boardId: string): Promise<ModerationBackup> {
  const records = new Records(store);
  const [queue, hidden, revisions, audit] = await Promise.all([
    records.list(SPACE.queue(boardId), queueItemSchema),
    records.list(SPACE.hidden(boardId), hiddenIdeaSchema),
    records.list(SPACE.revisions(boardId), revisionsSchema),
    records.list(SPACE.audit(boardId), auditEntrySchema),
  ]);
  return {
    queue: queue.map((r) => r.value).sort((a, b) => a.createdAt - b.createdAt || byId(a.id, b.id)),
    hidden: hidden.map((r) => r.value).sort((a, b) => a.hiddenAt - b.hiddenAt || byId(a.idea.id, b.idea.id)),
    revisions: revisions
      .filter((r) => r.value.length > 0)
      .map((r) => ({ ideaId: r.key, revisions: r.value }))
      .sort((a, b) => byId(a.ideaId, b.ideaId)),
    audit: audit.map((r) => r.value).sort((a, b) => a.at - b.at || byId(a.id, b.id)),
  };
}

export interface RecordWrite {
  space: string;
  key: string;
  value: string;
}

/**
 * The records a restore writes for the new board: the same spaces under its id, with the
 * keys the moderation code uses (queue items and hidden ideas by id, revisions by idea id,
 * audit entries by time then id: server/moderation/audit.ts AuditLog.write).
 */
export function moderationRecords(boardId: string, moderation: ModerationBackup): RecordWrite[] {
  const json = (value: unknown) => JSON.stringify(value);
  return [
    ...moderation.queue.map((item) => ({ space: SPACE.queue(boardId), key: item.id, value: json(item) })),
    ...moderation.hidden.map((hidden) => ({ space: SPACE.hidden(boardId), key: hidden.idea.id, value: json(hidden) })),
    ...moderation.revisions.map((r) => ({ space: SPACE.revisions(boardId), key: r.ideaId, value: json(r.revisions) })),
    ...moderation.audit.map((entry) => ({ space: SPACE.audit(boardId), key: auditKey(entry), value: json(entry) })),
  ];
}
