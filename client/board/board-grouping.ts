import { stepOfQuestion } from '../../shared';
import { useBoardStore, type BoardState } from '../state/board-store';
import type { BoardGrouping } from '../state/slices/ui';

/**
 * The grouping the board shows this person: their own choice, else the step's. In the
 * group, vote and results steps a workshop is about clusters, and its ideas seldom have a
 * phase and a principle: the phase × principle view put every idea under "Uden placering"
 * above an empty matrix (a live workshop's review). There the board shows the focus
 * question's clusters instead; in every other step (and on boards without questions), phase
 * and principle. A choice made in the toolbar holds until the page is left.
 */
export function boardGroupingOf(s: Pick<BoardState, 'boardGrouping' | 'settings' | 'workshop'>): BoardGrouping {
  if (s.boardGrouping !== null) return s.boardGrouping;
  const focus = s.settings?.focusQuestionId ?? null;
  if (focus === null || !s.settings?.questions.some((q) => q.id === focus)) return 'phase-principle';
  const step = stepOfQuestion(s.workshop, focus);
  return step === 'group' || step === 'vote' || step === 'results' ? 'clusters' : 'phase-principle';
}

/** The board's grouping for this person (a string: components re-render only when it changes). */
export function useBoardGrouping(): BoardGrouping {
  return useBoardStore(boardGroupingOf);
}
