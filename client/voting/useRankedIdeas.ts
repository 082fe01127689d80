import { useMemo } from 'react';
import type { BoardSettings } from '../../shared';
import { memberFilter, needsIdeaFields } from '../board/filters';
import { queryWords } from '../board/search';
import { useBoardStore } from '../state/board-store';
import type { Member } from '../state/idea-index';
import type { Filters } from '../state/slices/ui';
import { rankByVotes, rankedScope, type Ranked } from './ranking';

const NONE: readonly Ranked[] = Object.freeze([]);
const NO_TOTALS: Readonly<Record<string, number>> = Object.freeze({});

/**
 * The results list of phones and the facilitator's laptop while totals are shown: one
 * question's ideas (voting/ranking.ts: rankedScope) ranked by votes. The person's search and
 * filters narrow the list but never re-rank it: an idea keeps its place in the whole
 * question's ranking ("4." stays 4th), so a filtered list is still the room's result.
 * Off, it reads nothing of the store that changes, so a vote re-renders nothing here.
 */
export function useRankedIdeas(on: boolean, settings: BoardSettings | null, filters: Filters): readonly Ranked<Member>[] {
  const index = useBoardStore((s) => (on ? s.index : null));
  const totals = useBoardStore((s) => (on ? s.voteTotals : NO_TOTALS));
  // Read only while a filter needs them, as the groups do (board/useShownGroups.ts).
  const narrowing: Filters = useMemo(() => ({ ...filters, question: 'all' }), [filters]);
  const readsIdeas = on && needsIdeaFields(narrowing);
  const ideas = useBoardStore((s) => (readsIdeas ? s.ideas : null));
  const searching = on && queryWords(filters.query).length > 0;
  const comments = useBoardStore((s) => (searching ? s.comments : null));
  const statuses = useBoardStore((s) => (on && filters.status !== null ? s.statuses : null));

  const scope = useMemo(() => (index ? rankedScope(index, settings, filters.question) : null), [index, settings, filters.question]);
  const ranked = useMemo(() => (scope ? rankByVotes(scope, totals) : NONE), [scope, totals]);
  const shownBy = useMemo(
    () => (on ? memberFilter(narrowing, settings, { ideas, comments, statuses }) : null),
    [on, narrowing, settings, ideas, comments, statuses],
  );
  return useMemo(() => (shownBy ? ranked.filter((entry) => shownBy(entry.idea)) : ranked), [ranked, shownBy]);
}
