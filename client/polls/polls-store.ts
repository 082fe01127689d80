import { create } from 'zustand';
import type { MyPollAnswer, Poll, PollResults } from '../../shared';

/**
 * What the poll screens show, apart from the board store: the `polls` root as mirrored from
 * the document, the drafts facilitators are told about, the answer counts the room hears,
 * the results facilitators hear, and this person's own answers. Never anyone else's answer:
 * the server sends none.
 */
export interface PollsState {
  /** Every poll this person may see, oldest first: the published ones and, for facilitators, the drafts. */
  polls: Poll[];
  /** The `polls` root of the document: opened (and closed) polls, for everyone. */
  published: Poll[];
  /** Facilitators: the drafts, which are in no document (poll:drafts). */
  drafts: Poll[];
  /** poll id → how many answered (from poll:count). */
  counts: Record<string, number>;
  /** poll id → results (facilitators, from poll:results). */
  results: Record<string, PollResults>;
  /** poll id → this person's answer. */
  mine: Record<string, MyPollAnswer>;
  setPublished(polls: Poll[]): void;
  setDrafts(polls: Poll[]): void;
  setCount(pollId: string, answers: number): void;
  setResults(pollId: string, results: PollResults): void;
  setMine(mine: MyPollAnswer): void;
}

export const usePollsStore = create<PollsState>((set) => ({
  polls: [],
  published: [],
  drafts: [],
  counts: {},
  results: {},
  mine: {},
  setPublished: (published) => set((s) => ({ published, polls: merged(published, s.drafts) })),
  setDrafts: (drafts) => set((s) => ({ drafts, polls: merged(s.published, drafts) })),
  setCount: (pollId, answers) => set((s) => (s.counts[pollId] === answers ? s : { counts: { ...s.counts, [pollId]: answers } })),
  setResults: (pollId, results) => set((s) => ({ results: { ...s.results, [pollId]: results }, counts: { ...s.counts, [pollId]: results.answers } })),
  setMine: (mine) => set((s) => ({ mine: { ...s.mine, [mine.pollId]: mine } })),
}));

/** A published poll wins over a draft of the same id (the draft's record may outlive its opening briefly). */
function merged(published: Poll[], drafts: Poll[]): Poll[] {
  const ids = new Set(published.map((p) => p.id));
  return [...published, ...drafts.filter((d) => !ids.has(d.id))].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** The one poll shown on phones and the projector, if any. */
export function selectLivePoll(state: PollsState): Poll | null {
  return state.polls.find((p) => p.live) ?? null;
}
