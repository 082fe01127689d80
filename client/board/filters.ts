import type { BoardSettings, Comment, Idea, IdeaStatus, IdeaStatusRecord } from '../../shared';
import type { Filters, QuestionFilter } from '../state/slices/ui';
import { compileQuery, queryWords, searchableTexts } from './search';

/**
 * What the filters need besides the idea itself: its status (the `statuses` root, absent
 * meaning 'new') and its published comments (the `comments` root), both as the social
 * slice mirrors them, idea id → value. Left out: every idea is new and has no comments.
 */
export interface FilterContext {
  statuses?: ReadonlyMap<string, IdeaStatusRecord> | null;
  comments?: ReadonlyMap<string, readonly Comment[]> | null;
}

/** An idea's status; ideas nobody gave one are 'new' (shared/model/status.ts). */
export function statusOf(ideaId: string, statuses: FilterContext['statuses']): IdeaStatus {
  return statuses?.get(ideaId)?.current.status ?? 'new';
}

/** The question an idea is shown under: its own, or none when that question was removed. */
export function shownQuestion(idea: Pick<Idea, 'questionId'>, settings: BoardSettings | null): string | null {
  return settings?.questions.some((q) => q.id === idea.questionId) ? idea.questionId : null;
}

/** The question a filter shows (undefined: every question); 'focus' on a board without one shows all. */
export function filteredQuestion(filter: QuestionFilter, settings: BoardSettings | null): string | null | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'focus') return settings?.focusQuestionId ?? undefined;
  return filter.id;
}

const TIME_ZONE = 'Europe/Copenhagen';
const zoneParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Copenhagen's wall clock is ahead of UTC at an instant (ms). */
function zoneOffset(instant: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(zoneParts.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant a Copenhagen calendar day (YYYY-MM-DD, as a date input gives it) begins;
 * null for anything else. Clocks change at 02:00/03:00, so midnight always exists once.
 */
export function copenhagenDayStart(day: string, addDays = 0): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays);
  if (Number.isNaN(utcMidnight)) return null;
  let start = utcMidnight - zoneOffset(utcMidnight);
  // The offset at UTC midnight can differ from the one at Copenhagen midnight (the day the clocks change).
  const again = utcMidnight - zoneOffset(start);
  if (again !== start) start = again;
  return start;
}

/** The Copenhagen calendar day of an instant, YYYY-MM-DD (for a date input's value). */
export function copenhagenDay(instant: number): string {
  const d = new Date(instant + zoneOffset(instant));
  return d.toISOString().slice(0, 10);
}

/** Everything a filter can narrow by besides the question (which has a default of its own). */
export function chosenFilterCount(filters: Filters): number {
  return (
    [filters.status, filters.phase, filters.principle, filters.track, filters.contributorType].filter((v) => v !== null).length +
    (filters.createdFrom !== null || filters.createdTo !== null ? 1 : 0)
  );
}

/** How many filters narrow the list now (the phone's "Filters (2)"); the search is counted apart. */
export function activeFilterCount(filters: Filters, settings: BoardSettings | null): number {
  return chosenFilterCount(filters) + (filteredQuestion(filters.question, settings) !== undefined ? 1 : 0);
}

/**
 * Whether the person narrowed the list themselves (search, a filter, one question). The
 * focus question is the board's default, not a choice: when it alone leaves nothing to
 * show, that is "no ideas yet", not "nothing matches".
 */
export function hasChosenFilters(filters: Filters): boolean {
  return (
    queryWords(filters.query).length > 0 ||
    chosenFilterCount(filters) > 0 ||
    (filters.question !== 'focus' && filters.question !== 'all')
  );
}

/** Whether any filter or search hides ideas right now (a focus filter without a focus question does not). */
export function isFiltered(filters: Filters, settings: BoardSettings | null): boolean {
  return activeFilterCount(filters, settings) > 0 || queryWords(filters.query).length > 0;
}

/**
 * The filters as one predicate, compiled once per change of filters (query words, date
 * bounds), so running it over 10,000 ideas does no parsing per idea.
 */
export function ideaFilter(
  filters: Filters,
  settings: BoardSettings | null = null,
  { statuses = null, comments = null }: FilterContext = {},
): (idea: Idea) => boolean {
  const question = filteredQuestion(filters.question, settings);
  const followsFocus = filters.question === 'focus';
  const matcher = compileQuery(filters.query);
  const from = filters.createdFrom === null ? null : copenhagenDayStart(filters.createdFrom);
  // "To" includes that whole day: up to the next day's start.
  const until = filters.createdTo === null ? null : copenhagenDayStart(filters.createdTo, 1);
  const { status, phase, principle, track, contributorType } = filters;

  return (idea) => {
    if (question !== undefined) {
      const ideaQuestion = shownQuestion(idea, settings);
      // Ideas without a question follow the focus question (as their workshop step does).
      if (ideaQuestion !== question && !(followsFocus && ideaQuestion === null)) return false;
    }
    if (phase !== null && idea.phase !== phase) return false;
    if (principle !== null && idea.principle !== principle) return false;
    if (track !== null && idea.track !== track) return false;
    if (contributorType !== null && idea.contributorType !== contributorType) return false;
    if (from !== null && idea.createdAt < from) return false;
    if (until !== null && idea.createdAt >= until) return false;
    if (status !== null && statusOf(idea.id, statuses) !== status) return false;
    // Last: the only test that reads the text.
    return matcher === null || matcher(searchableTexts(idea, comments?.get(idea.id)));
  };
}

/**
 * The filters over the index's members (id, position, cluster, question): null when nothing
 * is filtered, a predicate on the question alone when only the question filter is on (the
 * common case, a workshop's focus question: no idea needs reading), else a predicate that
 * reads each idea from `ideas`. Same semantics as ideaFilter.
 */
export function memberFilter(
  filters: Filters,
  settings: BoardSettings | null,
  context: FilterContext & { ideas: ReadonlyMap<string, Idea> | null },
): ((member: { id: string; questionId: string | null }) => boolean) | null {
  const question = filteredQuestion(filters.question, settings);
  if (needsIdeaFields(filters)) {
    const { ideas } = context;
    const shown = ideaFilter(filters, settings, context);
    return (member) => {
      const idea = ideas?.get(member.id);
      return idea !== undefined && shown(idea);
    };
  }
  if (question === undefined) return null;
  const followsFocus = filters.question === 'focus';
  return (member) => {
    const ideaQuestion = shownQuestion(member, settings);
    return ideaQuestion === question || (followsFocus && ideaQuestion === null);
  };
}

/** Whether the filters read more of an idea than its question (a search, any chosen filter). */
export function needsIdeaFields(filters: Filters): boolean {
  return chosenFilterCount(filters) > 0 || queryWords(filters.query).length > 0;
}

export function matchesFilters(
  idea: Idea,
  filters: Filters,
  settings: BoardSettings | null = null,
  context: FilterContext = {},
): boolean {
  return ideaFilter(filters, settings, context)(idea);
}
