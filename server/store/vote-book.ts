import type { Ballot, CastVoteResult, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally } from './board-store';

/**
 * The dot votes of one board as plain data, and the rules that change them. The embedded
 * store applies these functions under its per-board lock; the Redis store runs the same
 * rules as Lua scripts (redis-votes.ts). test/store/contract.ts holds both to one behaviour.
 *
 * Each participant's votes are kept as `field → count`, where field is `<scope>/<ideaId>`
 * and scope is the question the idea was in when the vote was cast ('' for none). Budgets
 * are per scope, so voting on one question never uses up the votes of the next; the
 * per-idea maximum counts every field of that idea. Totals are kept alongside, per idea.
 */
export interface VoteBook {
  /** participant id → field → count (fields with count 0 are removed). */
  p: Record<string, Record<string, number>>;
  /** idea id → total (ideas with total 0 are removed). */
  t: Record<string, number>;
}

/**
 * Records keyed by client-chosen idea ids have no prototype: "__proto__" and "constructor"
 * are valid ids (ID_PATTERN), and on a plain object they would read or set the prototype.
 */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyVoteBook(): VoteBook {
  return { p: record(), t: record() };
}

export function encodeVoteBook(book: VoteBook): string {
  return JSON.stringify(book);
}

/** Parses JSON whose objects are records keyed by ids: every object comes back without a prototype. */
function parseRecords(json: string): unknown {
  return JSON.parse(json, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.assign(record(), value) : value,
  );
}

export function decodeVoteBook(json: string): VoteBook {
  return parseRecords(json) as VoteBook;
}

/** One participant's `field → count` (or a tally's `idea → count`). */
export function decodeCounts(json: string): Record<string, number> {
  const parsed = parseRecords(json);
  // cjson encodes an empty table as {} but a client never sees arrays here; be safe anyway.
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, number>) : record();
}

const SEPARATOR = '/'; // never part of an id (ID_PATTERN), so a field splits unambiguously

export function voteField(scope: string, ideaId: string): string {
  return `${scope}${SEPARATOR}${ideaId}`;
}

function splitField(field: string): { scope: string; ideaId: string } {
  const at = field.lastIndexOf(SEPARATOR);
  return { scope: field.slice(0, at), ideaId: field.slice(at + 1) };
}

export function tallyOf(mine: Record<string, number> | undefined, scope: string): VoteTally {
  const votes = record<number>();
  let used = 0;
  for (const [field, count] of Object.entries(mine ?? {})) {
    const parts = splitField(field);
    if (parts.scope !== scope) continue;
    votes[parts.ideaId] = (votes[parts.ideaId] ?? 0) + count;
    used += count;
  }
  return { votes, used };
}

/** Every participant's votes as ballots (participant, scope, idea, count). */
export function ballotsOf(participants: Record<string, Record<string, number>>): Ballot[] {
  const out: Ballot[] = [];
  for (const [participantId, mine] of Object.entries(participants)) {
    for (const [field, count] of Object.entries(mine)) {
      if (count > 0) out.push({ participantId, ...splitField(field), count });
    }
  }
  return out;
}

function onIdea(mine: Record<string, number>, ideaId: string): number {
  let count = 0;
  for (const [field, n] of Object.entries(mine)) if (splitField(field).ideaId === ideaId) count += n;
  return count;
}

function bump(record: Record<string, number>, key: string, by: number): number {
  const next = (record[key] ?? 0) + by;
  if (next > 0) record[key] = next;
  else delete record[key];
  return Math.max(next, 0);
}

export function castVote(book: VoteBook, participantId: string, ideaId: string, rule: VoteRule): CastVoteResult {
  const mine = (book.p[participantId] ??= record());
  const before = tallyOf(mine, rule.scope);
  let outcome: CastVoteResult['outcome'] = 'cast';
  if (before.used >= rule.budget) outcome = 'budget';
  else if (onIdea(mine, ideaId) >= rule.maxPerIdea) outcome = 'maxPerIdea';
  if (outcome === 'cast') {
    bump(mine, voteField(rule.scope, ideaId), 1);
    bump(book.t, ideaId, 1);
  }
  if (Object.keys(mine).length === 0) delete book.p[participantId];
  return { outcome, mine: tallyOf(mine, rule.scope), total: book.t[ideaId] ?? 0 };
}

export function retractVote(book: VoteBook, participantId: string, ideaId: string, scope: string): RetractVoteResult {
  const mine = book.p[participantId] ?? record<number>();
  // Prefer the vote cast in the idea's current scope; else one cast before the idea moved.
  let field: string | undefined = voteField(scope, ideaId);
  if (!mine[field]) field = Object.keys(mine).find((f) => splitField(f).ideaId === ideaId);
  if (field === undefined || !mine[field]) {
    return { outcome: 'none', mine: tallyOf(mine, scope), total: book.t[ideaId] ?? 0 };
  }
  bump(mine, field, -1);
  bump(book.t, ideaId, -1);
  if (Object.keys(mine).length === 0) delete book.p[participantId];
  return { outcome: 'retracted', mine: tallyOf(mine, scope), total: book.t[ideaId] ?? 0 };
}

/**
 * Merging duplicates: each participant's votes on the sources move to the target, but
 * never past `maxPerIdea` on the target nor past their budget in the target's scope; what
 * does not fit is refunded (simply removed, so the participant may cast it again).
 */
export function mergeVotes(book: VoteBook, targetId: string, sourceIds: string[], rule: VoteRule): MergeVotesResult {
  const sources = new Set(sourceIds);
  let moved = 0;
  let refunded = 0;
  for (const [participantId, mine] of Object.entries(book.p)) {
    let carried = 0;
    for (const [field, count] of Object.entries(mine)) {
      if (!sources.has(splitField(field).ideaId)) continue;
      carried += count;
      delete mine[field];
    }
    if (carried > 0) {
      // Land in the scope where the participant already voted for the target, else the rule's.
      const existing = Object.keys(mine).find((f) => splitField(f).ideaId === targetId);
      const field = existing ?? voteField(rule.scope, targetId);
      const scope = splitField(field).scope;
      const onTarget = onIdea(mine, targetId);
      const room = Math.max(0, rule.budget - tallyOf(mine, scope).used);
      const add = Math.max(0, Math.min(carried, rule.maxPerIdea - onTarget, room));
      if (add > 0) bump(mine, field, add);
      moved += add;
      refunded += carried - add;
    }
    if (Object.keys(mine).length === 0) delete book.p[participantId];
  }
  for (const id of sources) delete book.t[id];
  if (moved > 0) bump(book.t, targetId, moved);
  return { total: book.t[targetId] ?? 0, moved, refunded };
}

export function clearVotes(book: VoteBook, which: VoteSelection): void {
  if ('all' in which) {
    book.p = record();
    book.t = record();
    return;
  }
  const ideaIds = 'ideaIds' in which ? new Set(which.ideaIds) : null;
  for (const [participantId, mine] of Object.entries(book.p)) {
    for (const field of Object.keys(mine)) {
      const parts = splitField(field);
      if (ideaIds ? ideaIds.has(parts.ideaId) : parts.scope === (which as { scope: string }).scope) delete mine[field];
    }
    if (Object.keys(mine).length === 0) delete book.p[participantId];
  }
  // Recount rather than adjust: the totals can never drift from the participants' votes.
  book.t = record();
  for (const mine of Object.values(book.p)) {
    for (const [field, count] of Object.entries(mine)) bump(book.t, splitField(field).ideaId, count);
  }
}
