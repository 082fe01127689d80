import { stepOfQuestion, type BoardSettings, type WorkshopState } from '../../shared';
import { useBoardStore } from '../state/board-store';

/**
 * The results view (ideas sorted by votes, with counts) is on while the focus question is in
 * its results step, or in its vote step once the facilitator has revealed the totals. Revealed
 * totals stay revealed board-wide, but when the focus moves on to the next question (or back
 * to writing) the view follows the room, as the projector does. A board without a focus
 * question (collecting over weeks) shows results whenever totals are revealed.
 */
export function isResultsMode(s: { settings: BoardSettings | null; workshop: WorkshopState }): boolean {
  const focus = s.settings?.focusQuestionId ?? null;
  const step = focus === null ? null : stepOfQuestion(s.workshop, focus);
  if (step === 'results') return true;
  return s.workshop.votesRevealed && (step === null || step === 'vote');
}

export function useResultsMode(): boolean {
  return useBoardStore(isResultsMode);
}
