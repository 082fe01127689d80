import type { AuditAction, AuditEntry, AuditQuery } from '../../shared';
import { AUDIT_ACTIONS, copenhagenDayEnd, copenhagenDayStart } from '../../shared';
import type { AuditFilters } from './slices/audit';

/** One changed field of an audit entry; field null when the whole value is a plain value. */
export interface AuditChange {
  field: string | null;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that say nothing to a reader of the log. */
const QUIET_FIELDS = new Set(['id', 'authorId', 'position', 'createdAt', 'updatedAt', 'clusterId', 'receipt']);

/** Fields people look for first, in this order; the rest follow as the server wrote them. */
const FIELD_ORDER = ['text', 'questionId', 'phase', 'principle', 'track', 'state', 'enabled', 'opensAt', 'closesAt', 'moderation', 'callId'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function orderedKeys(...records: Record<string, unknown>[]): string[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((key) => !QUIET_FIELDS.has(key));
  const rank = (key: string) => {
    const i = FIELD_ORDER.indexOf(key);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return keys.sort((x, y) => rank(x) - rank(y));
}

/** For records on both sides, the fields that differ; for plain values, the one change. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isRecord(before) || !isRecord(after)) return same(before, after) ? [] : [{ field: null, before: before ?? null, after: after ?? null }];
  return orderedKeys(before, after)
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ field: key, before: before[key] ?? null, after: after[key] ?? null }));
}

/** One field of a side that stands alone. */
export interface AuditField {
  field: string;
  value: unknown;
}

/**
 * How to show an entry's before and after. Both present: what changed. One missing (it
 * arrived, or left the board: received, restored, rejected, hidden): the side there is,
 * field by field, and a dash for the other, which would otherwise read as "emptied".
 */
export type AuditView =
  | { kind: 'none' }
  | { kind: 'diff'; changes: AuditChange[] }
  | { kind: 'sides'; before: AuditField[] | null; after: AuditField[] | null };

function fieldsOf(record: Record<string, unknown>): AuditField[] {
  return orderedKeys(record)
    .filter((key) => record[key] !== null && record[key] !== undefined && record[key] !== '')
    .map((key) => ({ field: key, value: record[key] }));
}

export function auditView(before: unknown, after: unknown): AuditView {
  const b = before ?? null;
  const a = after ?? null;
  if (b === null && a === null) return { kind: 'none' };
  if ((b === null && isRecord(a)) || (a === null && isRecord(b))) {
    return { kind: 'sides', before: isRecord(b) ? fieldsOf(b) : null, after: isRecord(a) ? fieldsOf(a) : null };
  }
  const changes = auditChanges(b, a);
  return changes.length > 0 ? { kind: 'diff', changes } : { kind: 'none' };
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('da');
}

/** Free text over what an entry is about: its target, the texts before and after, reason and actor. */
export function auditMatches(entry: AuditEntry, query: string): boolean {
  const needle = fold(query.trim());
  if (!needle) return true;
  const haystack = [entry.target.kind, entry.target.id, entry.actor.name ?? '', entry.reason ?? '', JSON.stringify(entry.before ?? ''), JSON.stringify(entry.after ?? '')].join(' ');
  return fold(haystack).includes(needle);
}

function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** What the server filters (action, dates as whole Copenhagen days); free text is matched here. */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (isAuditAction(filters.action)) query.action = filters.action;
  const since = filters.from ? copenhagenDayStart(filters.from) : null;
  const until = filters.to ? copenhagenDayEnd(filters.to) : null;
  if (since !== null) query.since = since;
  if (until !== null) query.until = until;
  return query;
}

/** "to" before "from" is a typing slip the form points out instead of showing an empty log. */
export function auditFiltersProblem(filters: AuditFilters): 'range' | null {
  return filters.from && filters.to && filters.from > filters.to ? 'range' : null;
}
