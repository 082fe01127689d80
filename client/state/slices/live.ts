import type { StateCreator } from 'zustand';
import type { Idea, MyVotes, WorkshopProgress } from '../../../shared';
import type { BoardState } from '../board-store';

/** Text rescued from a refused write, waiting in the composer. */
export interface Rescue {
  /** Why it was refused (an ErrorCode), for the explanation shown with it. */
  code: string;
  count: number;
  seq: number;
}

/**
 * What this session learns over the command channel rather than the document: the
 * server's clock, hidden ideas it may see, its own votes, plus the composer's draft (kept
 * here so it survives the board being reloaded after a refusal).
 */
export interface LiveSlice {
  /** Server clock minus this device's clock, in ms (time:sync). */
  clockOffset: number;
  commandsOnline: boolean;
  /** Hidden ideas the server holds that this person may see (own; all for facilitators). */
  hidden: ReadonlyMap<string, Idea>;
  /** Hidden ideas written on this device that the server has not confirmed yet. */
  outbox: readonly Idea[];
  /** questionKey(questionId) → this person's votes for that question. */
  myVotes: Readonly<Record<string, MyVotes>>;
  composerDraft: string;
  rescue: Rescue | null;
  /** How far the room is, as counts (workshop:progress); null until the server answered. */
  progress: WorkshopProgress | null;
  setLive: (patch: Partial<Pick<LiveSlice, 'clockOffset' | 'commandsOnline' | 'hidden' | 'outbox' | 'composerDraft' | 'progress'>>) => void;
  putMyVotes: (mine: MyVotes) => void;
  clearMyVotes: () => void;
  /** Appends rescued text to the composer's draft and says why it is there. */
  rescueText: (texts: string[], code: string) => void;
  dismissRescue: () => void;
}

/** Votes are budgeted per question; ideas without a question share the key ''. */
export function questionKey(questionId: string | null): string {
  return questionId ?? '';
}

export const createLiveSlice: StateCreator<BoardState, [], [], LiveSlice> = (set) => ({
  clockOffset: 0,
  commandsOnline: false,
  hidden: new Map(),
  outbox: [],
  myVotes: {},
  composerDraft: '',
  rescue: null,
  progress: null,
  setLive: (patch) => set(patch),
  putMyVotes: (mine) => set((s) => ({ myVotes: { ...s.myVotes, [questionKey(mine.questionId)]: mine } })),
  clearMyVotes: () => set({ myVotes: {} }),
  rescueText: (texts, code) =>
    set((s) => {
      const kept = texts.map((t) => t.trim()).filter(Boolean);
      if (kept.length === 0) return {};
      const composerDraft = [s.composerDraft.trim(), ...kept].filter(Boolean).join('\n\n');
      return { composerDraft, rescue: { code, count: kept.length, seq: (s.rescue?.seq ?? 0) + 1 } };
    }),
  dismissRescue: () => set({ rescue: null }),
});
