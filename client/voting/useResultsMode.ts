import { stepOfQuestion } from '../../shared';
import { useBoardStore } from '../state/board-store';

/**
 * The results view (ideas sorted by votes, with counts) is on once the facilitator has
 * revealed the totals, or the focus question has reached its results step.
 */
export function useResultsMode(): boolean {
  return useBoardStore((s) => {
    const focus = s.settings?.focusQuestionId ?? null;
    return s.workshop.votesRevealed || (focus !== null && stepOfQuestion(s.workshop, focus) === 'results');
  });
}
