import type { QuestionProgress, WorkshopProgress } from '../../shared';
import type { BoardState } from '../state/board-store';

export type Counts = Omit<QuestionProgress, 'questionId'>;

const ZERO: Counts = { hiddenIdeas: 0, voters: 0, votersDone: 0 };

/**
 * One question's counts (null: ideas without a question, as on a board without questions).
 * The server lists only questions with something to count, so a missing one is all zeros,
 * and so is everything before the first answer.
 */
export function countsOf(progress: WorkshopProgress | null, questionId: string | null): Counts {
  return progress?.questions.find((q) => q.questionId === questionId) ?? ZERO;
}

/** The focus question's counts: what the room is working on. A selector of one number, for zustand. */
export function focusCount(field: keyof Counts): (state: BoardState) => number {
  return (state) => countsOf(state.progress, state.settings?.focusQuestionId ?? null)[field];
}
