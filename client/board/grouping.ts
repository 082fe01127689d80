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
import type { Filters, QuestionFilter } from '../state/slices/ui';

/** Which group an idea is in, and what moving an idea there sets. */
export type GroupId =
  | { kind: 'cell'; phase: Phase; principle: Principle }
  | { kind: 'unclassified' }
  | { kind: 'track'; track: Track | null }
  | { kind: 'question'; questionId: string | null };

export interface IdeaGroup {
  key: string;
  id: GroupId;
  ideas: Idea[];
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

/** The question an idea is shown under: its own, or none when that question was removed. */
export function shownQuestion(idea: Idea, settings: BoardSettings | null): string | null {
  return settings?.questions.some((q) => q.id === idea.questionId) ? idea.questionId : null;
}

/** The question a filter shows (undefined: every question); 'focus' on a board without one shows all. */
export function filteredQuestion(filter: QuestionFilter, settings: BoardSettings | null): string | null | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'focus') return settings?.focusQuestionId ?? undefined;
  return filter.id;
}

export function matchesFilters(idea: Idea, filters: Filters, settings: BoardSettings | null = null): boolean {
  const question = filteredQuestion(filters.question, settings);
  const ideaQuestion = shownQuestion(idea, settings);
  // Ideas without a question follow the focus question (as their workshop step does).
  const questionOk =
    question === undefined ||
    ideaQuestion === question ||
    (filters.question === 'focus' && ideaQuestion === null);
  return (
    questionOk &&
    (filters.phase === null || idea.phase === filters.phase) &&
    (filters.principle === null || idea.principle === filters.principle) &&
    (filters.track === null || idea.track === filters.track)
  );
}

/** Whether any filter hides ideas right now (a focus filter without a focus question does not). */
export function isFiltered(filters: Filters, settings: BoardSettings | null): boolean {
  return (
    filters.phase !== null ||
    filters.principle !== null ||
    filters.track !== null ||
    filteredQuestion(filters.question, settings) !== undefined
  );
}

export function groupIdeas(
  ideas: Iterable<Idea>,
  grouping: Grouping,
  settings: BoardSettings | null,
  filters: Filters,
): IdeaGroup[] {
  const groups = new Map<string, IdeaGroup>();
  for (const id of groupIds(grouping, settings)) groups.set(groupKey(id), { key: groupKey(id), id, ideas: [] });
  for (const idea of ideas) {
    if (!matchesFilters(idea, filters, settings)) continue;
    groups.get(groupKey(groupOf(idea, grouping, settings)))?.ideas.push(idea);
  }
  for (const group of groups.values()) group.ideas.sort(comparePositions);
  return [...groups.values()];
}
