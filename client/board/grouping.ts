import {
  PHASES,
  PRINCIPLES,
  TRACKS,
  type BoardSettings,
  type Grouping,
  type Idea,
  type Phase,
  type Principle,
  type Track,
} from '../../shared';
import { comparePositions } from '../../shared/model/position';
import { EMPTY, type IdeaIndex, type Member } from '../state/idea-index';
import type { BoardGrouping, Filters } from '../state/slices/ui';
import { ideaFilter, shownQuestion, type FilterContext } from './filters';

// The filter predicates moved to filters.ts; re-exported for the screens that import them from here.
export { filteredQuestion, isFiltered, matchesFilters, shownQuestion } from './filters';

/**
 * The index's grouping that a board grouping reads its groups from: "clusters" is the
 * question grouping without its frames (each question's ideas one area with its clusters),
 * so the index needs no fourth set of groups.
 */
export function indexGrouping(grouping: BoardGrouping): Grouping {
  return grouping === 'clusters' ? 'question' : grouping;
}

/** Which group an idea is in, and what moving an idea there sets. */
export type GroupId =
  | { kind: 'cell'; phase: Phase; principle: Principle }
  | { kind: 'unclassified' }
  | { kind: 'track'; track: Track | null }
  | { kind: 'question'; questionId: string | null };

/** What a group's order and moves need of an idea (an Idea, or the index's Member). */
export type Placed = Pick<Idea, 'id' | 'position' | 'clusterId'>;

export interface IdeaGroup<T extends Placed = Idea> {
  key: string;
  id: GroupId;
  ideas: readonly T[];
}

export function groupKey(id: GroupId): string {
  switch (id.kind) {
    case 'cell':
      return `cell-${id.phase}-${id.principle}`;
    case 'unclassified':
      return 'unclassified';
    case 'track':
      return `track-${id.track ?? 'none'}`;
    case 'question':
      return `question-${id.questionId ?? 'none'}`;
  }
}

/** The fields a move into the group sets (placement fields, which anyone who writes may change). */
export function placementFor(id: GroupId): Partial<Pick<Idea, 'phase' | 'principle' | 'track' | 'questionId'>> {
  switch (id.kind) {
    case 'cell':
      return { phase: id.phase, principle: id.principle };
    case 'unclassified':
      return { phase: null, principle: null };
    case 'track':
      return { track: id.track };
    case 'question':
      return { questionId: id.questionId };
  }
}

/** Every group of a grouping, in display order, empty ones included (they are drop targets). */
export function groupIds(grouping: Grouping, settings: BoardSettings | null): GroupId[] {
  switch (grouping) {
    case 'phase-principle': {
      const cells: GroupId[] = [];
      for (const principle of PRINCIPLES) {
        for (const phase of PHASES) cells.push({ kind: 'cell', phase, principle });
      }
      return [...cells, { kind: 'unclassified' }];
    }
    case 'track':
      return [...TRACKS.map((track): GroupId => ({ kind: 'track', track })), { kind: 'track', track: null }];
    case 'question':
      return [
        ...(settings?.questions ?? []).map((q): GroupId => ({ kind: 'question', questionId: q.id })),
        { kind: 'question', questionId: null },
      ];
  }
}

export function groupOf(idea: Idea, grouping: Grouping, settings: BoardSettings | null): GroupId {
  switch (grouping) {
    case 'phase-principle':
      return idea.phase !== null && idea.principle !== null
        ? { kind: 'cell', phase: idea.phase, principle: idea.principle }
        : { kind: 'unclassified' };
    case 'track':
      return { kind: 'track', track: idea.track };
    case 'question':
      // An idea whose question was removed from the board shows under "no question".
      return { kind: 'question', questionId: shownQuestion(idea, settings) };
  }
}

export function groupIdeas(
  ideas: Iterable<Idea>,
  grouping: Grouping,
  settings: BoardSettings | null,
  filters: Filters,
  context: FilterContext = {},
): Array<IdeaGroup & { ideas: Idea[] }> {
  const groups = new Map<string, { key: string; id: GroupId; ideas: Idea[] }>();
  for (const id of groupIds(grouping, settings)) groups.set(groupKey(id), { key: groupKey(id), id, ideas: [] });
  const shown = ideaFilter(filters, settings, context);
  for (const idea of ideas) {
    if (!shown(idea)) continue;
    groups.get(groupKey(groupOf(idea, grouping, settings)))?.ideas.push(idea);
  }
  for (const group of groups.values()) group.ideas.sort(comparePositions);
  return [...groups.values()];
}

/**
 * The board's groups for a grouping, read from the incremental index (no filter applied):
 * each group's members array is the index's own, so an untouched group keeps its identity.
 * Ideas whose question was removed from the board show under "no question", as groupOf says.
 */
export function indexedGroups(index: IdeaIndex, grouping: Grouping, settings: BoardSettings | null): IdeaGroup<Member>[] {
  const groups = groupIds(grouping, settings).map((id) => {
    const key = groupKey(id);
    return { key, id, ideas: index.groups.get(key) ?? EMPTY };
  });
  if (grouping !== 'question') return groups;
  const known = new Set(groups.map((g) => g.key));
  const orphans = [...index.groups].filter(([key]) => key.startsWith('question-') && !known.has(key));
  if (orphans.length === 0) return groups;
  // Rare (a question removed while ideas answer it): this merged group is new on each call.
  const none = groups[groups.length - 1] as IdeaGroup<Member>;
  none.ideas = [...none.ideas, ...orphans.flatMap(([, members]) => members)].sort(comparePositions);
  return groups;
}
