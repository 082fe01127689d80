import { create } from 'zustand';
import type { MyPollAnswer, Poll, PollResults } from '../../shared';

/**
 * What the poll screens show, apart from the board store: the `polls` root as mirrored from
 * the document, the answer counts the room hears, the results facilitators hear, and this
 * person's own answers. Never anyone else's answer: the server sends none.
 */
export interface PollsState {
  polls: Poll[];
  /** poll id → how many answered (from poll:count). */
  counts: Record<string, number>;
  /** poll id → results (facilitators, from poll:results). */
  results: Record<string, PollResults>;
  /** poll id → this person's answer. */
  mine: Record<string, MyPollAnswer>;
  setPolls(polls: Poll[]): void;
  setCount(pollId: string, answers: number): void;
  setResults(pollId: string, results: PollResults): void;
  setMine(mine: MyPollAnswer): void;
}

export const usePollsStore = create<PollsState>((set) => ({
  polls: [],
  counts: {},
  results: {},
  mine: {},
  setPolls: (polls) => set({ polls }),
  setCount: (pollId, answers) => set((s) => (s.counts[pollId] === answers ? s : { counts: { ...s.counts, [pollId]: answers } })),
  setResults: (pollId, results) => set((s) => ({ results: { ...s.results, [pollId]: results }, counts: { ...s.counts, [pollId]: results.answers } })),
  setMine: (mine) => set((s) => ({ mine: { ...s.mine, [mine.pollId]: mine } })),
}));

/** The one poll shown on phones and the projector, if any. */
export function selectLivePoll(state: PollsState): Poll | null {
  return state.polls.find((p) => p.live) ?? null;
}
