import { IDEA_STATUSES, LIMITS, type IdeaStatus, type IdeaStatusRecord } from '../../shared';

/** "Kick-off – runde 2" gives base "Kick-off" and the next round 3; any other title starts at 2. */
export function nextRound(title: string): { base: string; n: number } {
  const match = /^(.*\S)\s+[–-]\s+(?:runde|round)\s+(\d{1,3})$/iu.exec(title.trim());
  if (match?.[1] && match[2]) return { base: match[1], n: Number(match[2]) + 1 };
  return { base: title.trim(), n: 2 };
}

/**
 * The new board's suggested title, within the title limit: the base is shortened (with an
 * ellipsis) rather than the round number lost.
 */
export function roundTitle(title: string, format: (base: string, n: number) => string): string {
  const { base, n } = nextRound(title);
  const full = format(base, n);
  if (full.length <= LIMITS.boardTitle) return full;
  const room = LIMITS.boardTitle - (full.length - base.length) - 1;
  return format(`${base.slice(0, Math.max(0, room)).trimEnd()}…`, n);
}

/** How many of the board's ideas have each status (an idea with no record is 'new'). */
export function statusCounts(ideaIds: Iterable<string>, statuses: ReadonlyMap<string, IdeaStatusRecord>): Record<IdeaStatus, number> {
  const counts = Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;
  for (const id of ideaIds) counts[statuses.get(id)?.current.status ?? 'new'] += 1;
  return counts;
}

/** How many ideas the chosen statuses carry into the new round. */
export function carriedCount(counts: Record<IdeaStatus, number>, chosen: ReadonlySet<IdeaStatus>): number {
  let n = 0;
  for (const status of chosen) n += counts[status];
  return n;
}
