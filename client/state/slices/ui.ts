import type { StateCreator } from 'zustand';
import type { Grouping, Phase, Principle, Track } from '../../../shared';
import type { BoardState } from '../board-store';

export interface Filters {
  phase: Phase | null;
  principle: Principle | null;
  track: Track | null;
}

export const noFilters: Filters = { phase: null, principle: null, track: null };

/** A message for screen readers; `seq` makes a repeated message announce again. */
export interface Announcement {
  text: string;
  seq: number;
}

/** This device's view of the board: how it is grouped and filtered, what to announce. */
export interface UiSlice {
  grouping: Grouping;
  filters: Filters;
  announcement: Announcement | null;
  setGrouping: (grouping: Grouping) => void;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  clearFilters: () => void;
  announce: (text: string) => void;
}

export const createUiSlice: StateCreator<BoardState, [], [], UiSlice> = (set) => ({
  grouping: 'phase-principle',
  filters: noFilters,
  announcement: null,
  setGrouping: (grouping) => set({ grouping }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: noFilters }),
  announce: (text) => set((s) => ({ announcement: { text, seq: (s.announcement?.seq ?? 0) + 1 } })),
});
