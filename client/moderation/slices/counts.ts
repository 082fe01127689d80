import type { StateCreator } from 'zustand';
import type { ModerationCounts } from '../../../shared';
import type { ModerationState } from '../moderation-store';

/** What is waiting: the badge's number, straight from the server. */
export interface CountsSlice {
  /** null until the server has told us (the badge then shows nothing rather than a wrong 0). */
  counts: ModerationCounts | null;
  /** Bumped on every `moderation:changed`, so whatever view is open knows to ask again. */
  changeSeq: number;
  setCounts: (counts: ModerationCounts) => void;
  noteChanged: (counts: ModerationCounts) => void;
}

export const createCountsSlice: StateCreator<ModerationState, [], [], CountsSlice> = (set) => ({
  counts: null,
  changeSeq: 0,
  setCounts: (counts) => set({ counts }),
  noteChanged: (counts) => set((s) => ({ counts, changeSeq: s.changeSeq + 1 })),
});
