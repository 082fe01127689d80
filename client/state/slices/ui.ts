import type { StateCreator } from 'zustand';
import { GROUPINGS, type ContributorType, type Grouping, type IdeaStatus, type Phase, type Principle, type Track } from '../../../shared';
import type { BoardState } from '../board-store';

/**
 * Which question's ideas to show: every question's, the focus question's (follows the
 * facilitator as the room moves on), or one question's (its id; '' for ideas without one).
 */
export type QuestionFilter = 'all' | 'focus' | { id: string | null };

export interface Filters {
  /** Free text, as typed (client/board/search.ts folds it); '' searches nothing. */
  query: string;
  status: IdeaStatus | null;
  phase: Phase | null;
  principle: Principle | null;
  track: Track | null;
  contributorType: ContributorType | null;
  question: QuestionFilter;
  /** Created on or after / on or before these Europe/Copenhagen calendar days (YYYY-MM-DD). */
  createdFrom: string | null;
  createdTo: string | null;
}

export const noFilters: Filters = {
  query: '',
  status: null,
  phase: null,
  principle: null,
  track: null,
  contributorType: null,
  question: 'all',
  createdFrom: null,
  createdTo: null,
};

/**
 * How the board lays ideas out for one person: one of the shared groupings, or "clusters"
 * (each question's ideas as one area with its clusters, without the phase × principle
 * frame), the view of the group, vote and results steps (client/board/board-grouping.ts).
 */
export type BoardGrouping = Grouping | 'clusters';
export const BOARD_GROUPINGS: readonly BoardGrouping[] = [...GROUPINGS, 'clusters'];

/** A live workshop works on one question at a time, so a board opens on the focus question's ideas. */
export const initialFilters: Filters = { ...noFilters, question: 'focus' };

/** A message for screen readers; `seq` makes a repeated message announce again. */
export interface Announcement {
  text: string;
  seq: number;
}

/** The panels of the facilitator's dock, one shown at a time (client/facilitator/dock). */
export const DOCK_TABS = ['workshop', 'polls', 'sense', 'moderation', 'initiatives'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** This device's view of the board: how it is grouped and filtered, what to announce. */
export interface UiSlice {
  /** The projector's wall grouping (client/observer): the screen's own choice. */
  grouping: Grouping;
  /** The board's grouping as this person chose it; null: the step's (client/board/board-grouping.ts). */
  boardGrouping: BoardGrouping | null;
  filters: Filters;
  announcement: Announcement | null;
  /** Facilitators: the "merge duplicates" mode with its selection (idea ids, in order picked). */
  mergeSelection: readonly string[] | null;
  setGrouping: (grouping: Grouping) => void;
  setBoardGrouping: (grouping: BoardGrouping) => void;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  clearFilters: () => void;
  announce: (text: string) => void;
  setMergeSelection: (selection: readonly string[] | null) => void;
  /**
   * Ideas this device wants in view even in a long group whose tail is not rendered yet
   * (client/clusters/NoteList.tsx): the person's own new ideas, ones they just moved, ones
   * they jumped to.
   */
  pinnedIdeas: ReadonlySet<string>;
  pinIdea: (ideaId: string) => void;
  /** Facilitators: the dock's panel in view. */
  dockTab: DockTab;
  setDockTab: (tab: DockTab) => void;
}

export const createUiSlice: StateCreator<BoardState, [], [], UiSlice> = (set) => ({
  grouping: 'phase-principle',
  filters: initialFilters,
  announcement: null,
  mergeSelection: null,
  setGrouping: (grouping) => set({ grouping }),
  boardGrouping: null,
  setBoardGrouping: (boardGrouping) => set({ boardGrouping }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: noFilters }),
  announce: (text) => set((s) => ({ announcement: { text, seq: (s.announcement?.seq ?? 0) + 1 } })),
  setMergeSelection: (mergeSelection) => set({ mergeSelection }),
  pinnedIdeas: new Set(),
  pinIdea: (ideaId) => set((s) => (s.pinnedIdeas.has(ideaId) ? s : { pinnedIdeas: new Set(s.pinnedIdeas).add(ideaId) })),
  dockTab: 'workshop',
  setDockTab: (dockTab) => set({ dockTab }),
});
