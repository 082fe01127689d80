import {
  countOverviewIdeas,
  CONTRIBUTOR_TYPES,
  IDEA_STATUSES,
  PHASES,
  PRINCIPLES,
  TRACKS,
  type OverviewCounts,
  type OverviewIdea,
} from '../../shared';

/**
 * The coordinator's filters. '' means "all". NONE means "not set" (an idea without a phase,
 * a track…): the server's query has no way to ask for that, so those refinements are
 * applied here, to the ideas the server sent, and the counts are made again from them.
 */
export const NONE = '\u2205';

export interface OverviewFilters {
  boardId: string;
  phase: string;
  principle: string;
  track: string;
  status: string;
  contributorType: string;
  /** A beacon's name (names are what boards share; ids are per board). */
  beacon: string;
}

export type FilterKey = keyof OverviewFilters;

export const FILTER_KEYS: readonly FilterKey[] = ['boardId', 'phase', 'principle', 'track', 'status', 'contributorType', 'beacon'];

export const NO_FILTERS: OverviewFilters = { boardId: '', phase: '', principle: '', track: '', status: '', contributorType: '', beacon: '' };

/** The wire values each fixed filter may take, without '' and NONE. */
export const FILTER_VALUES = {
  phase: PHASES.map(String),
  principle: PRINCIPLES.map(String),
  track: [...TRACKS],
  status: [...IDEA_STATUSES],
  contributorType: [...CONTRIBUTOR_TYPES],
} as const;

/** Filters that can be "not set" (an idea always has a board and a status). */
export const NULLABLE_KEYS: readonly FilterKey[] = ['phase', 'principle', 'track', 'contributorType', 'beacon'];

export function activeFilterCount(filters: OverviewFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== '').length;
}

/** Whether some filter asks for "not set", which only this page can apply. */
export function hasLocalRefinement(filters: OverviewFilters): boolean {
  return NULLABLE_KEYS.some((key) => filters[key] === NONE);
}

/** The query string of GET /api/overview and its exports: set filters, "not set" as the server's 'none'. */
export function overviewQuery(filters: OverviewFilters, extra: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== '') params.set(key, value === NONE ? 'none' : value);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** Whether a value passes a filter that may ask for "not set" (other values are the server's job). */
function passesNone(filter: string, value: unknown): boolean {
  return filter !== NONE || value === null;
}

/** The ideas that also meet the "not set" filters. */
export function refineIdeas(ideas: OverviewIdea[], filters: OverviewFilters): OverviewIdea[] {
  if (!hasLocalRefinement(filters)) return ideas;
  return ideas.filter(
    (idea) =>
      passesNone(filters.phase, idea.phase) &&
      passesNone(filters.principle, idea.principle) &&
      passesNone(filters.track, idea.track) &&
      passesNone(filters.contributorType, idea.contributorType) &&
      (filters.beacon !== NONE || idea.beaconNames.length === 0),
  );
}

export const countIdeas = countOverviewIdeas;

/** A count key of the server ('none' for "not set") as a filter value. */
export function filterValueOf(countKey: string): string {
  return countKey === 'none' ? NONE : countKey;
}

/** The count of one phase × principle cell; row or column NONE for "not set". */
export function matrixCount(counts: OverviewCounts, phase: string, principle: string): number {
  const key = `${phase === NONE ? 'none' : phase}:${principle === NONE ? 'none' : principle}`;
  return counts.phasePrinciple[key] ?? 0;
}

/** Sums a row (phase) or column (principle) of the matrix; '' for the whole line. */
export function matrixTotal(counts: OverviewCounts, phase: string, principle: string): number {
  let total = 0;
  for (const [key, count] of Object.entries(counts.phasePrinciple)) {
    const [p, q] = key.split(':');
    const rowOk = phase === '' || p === (phase === NONE ? 'none' : phase);
    const colOk = principle === '' || q === (principle === NONE ? 'none' : principle);
    if (rowOk && colOk) total += count;
  }
  return total;
}

/** Beacon names to offer: the installation's in its order, then any other a board uses, A–Å. */
export function beaconNames(installation: readonly string[], seen: Iterable<string>): string[] {
  const first = new Set(installation);
  const others = [...new Set(seen)].filter((name) => name !== 'none' && !first.has(name));
  return [...first, ...others.sort((a, b) => a.localeCompare(b, 'da'))];
}
