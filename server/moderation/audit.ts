import { randomId, auditEntrySchema, type AuditEntry, type AuditQuery, type AuditResult, DELETED_TEXT, LIMITS } from '../../shared';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';

/** Record key of an entry: key order is time order (then id). */
export function auditKey(entry: Pick<AuditEntry, 'at' | 'id'>): string {
  return `${String(entry.at).padStart(15, '0')}-${entry.id}`;
}

/**
 * Every moderation action, append-only, one record per entry keyed so that key order is
 * time order. Only a GDPR deletion rewrites entries: it blanks the deleted text and keeps
 * the fact that something happened.
 */
export class AuditLog {
  constructor(private readonly records: Records) {}

  async write(boardId: string, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: number }): Promise<AuditEntry> {
    const full: AuditEntry = { id: randomId(12), at: entry.at ?? Date.now(), ...entry };
    await this.records.put(SPACE.audit(boardId), auditKey(full), full);
    return full;
  }

  async list(boardId: string, query: AuditQuery): Promise<AuditResult> {
    const limit = query.limit ?? LIMITS.auditPage;
    const all = await this.all(boardId);
    const entries = all
      .filter(
        (e) =>
          (query.action === undefined || e.action === query.action) &&
          (query.actorId === undefined || e.actor.participantId === query.actorId) &&
          (query.targetId === undefined || e.target.id === query.targetId) &&
          (query.since === undefined || e.at >= query.since) &&
          (query.until === undefined || e.at <= query.until),
      )
      .reverse()
      .slice(0, limit);
    return { entries };
  }

  /** Oldest first. */
  async all(boardId: string): Promise<AuditEntry[]> {
    return (await this.records.list(SPACE.audit(boardId), auditEntrySchema)).map((r) => r.value);
  }

  /** Blanks every text the entries about `targetIds` hold; the entries stay, as facts that something happened. */
  async redact(boardId: string, targetIds: ReadonlySet<string>): Promise<void> {
    const space = SPACE.audit(boardId);
    for (const record of await this.records.list(space, auditEntrySchema)) {
      if (!targetIds.has(record.value.target.id)) continue;
      const next: AuditEntry = {
        ...record.value,
        before: blank(record.value.before),
        after: blank(record.value.after),
        reason: record.value.reason === null ? null : DELETED_TEXT,
      };
      await this.records.put(space, record.key, next);
    }
  }
}

/** Keeps the shape of a logged value (which fields changed) but none of its text. */
function blank(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return DELETED_TEXT;
  if (Array.isArray(value)) return value.map(blank);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, blank(v)]));
  }
  return value;
}
