import { stepOfQuestion, type BoardSettings, type Step, type WorkshopState } from '../../shared';
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
  return resultsFollowRoom(focus === null ? null : stepOfQuestion(s.workshop, focus), s.workshop.votesRevealed);
}

/**
 * The rule itself, shared by the phones and the projector (which adds the facilitator's
 * choice of view, and may hold a paused copy of `revealed`): the focus question's step, or
 * null without one, and whether the totals are revealed.
 */
export function resultsFollowRoom(focusStep: Step | null, revealed: boolean): boolean {
  if (focusStep === 'results') return true;
  return revealed && (focusStep === null || focusStep === 'vote');
}

/** Whether vote totals are shown beside the ideas: revealed, and the room is voting or done (or has no focus question). */
export function totalsShown(focusStep: Step | null, revealed: boolean): boolean {
  return revealed && (focusStep === null || focusStep === 'vote' || focusStep === 'results');
}

export function useResultsMode(): boolean {
  return useBoardStore(isResultsMode);
}
