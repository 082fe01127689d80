import { create } from 'zustand';
import { createConnectionSlice, initialConnection, type ConnectionSlice } from './slices/connection';
import { emptyIndex } from './idea-index';
import { PersistentMap } from './persistent-map';
import { createContentSlice, type ContentSlice } from './slices/content';
import { createLiveSlice, type LiveSlice } from './slices/live';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createSocialSlice, initialSocialRoots, type SocialSlice } from './slices/social';
import { createUiSlice, type UiSlice } from './slices/ui';
import { createWorkshopSlice, initialWorkshopRoots, type WorkshopSlice } from './slices/workshop';

export type BoardState = ConnectionSlice & SessionSlice & ContentSlice & UiSlice & WorkshopSlice & LiveSlice & SocialSlice;

/**
 * The open board's state. One board is open per page, so one store; the sync layer
 * writes into it and components read it with narrow selectors. Grouping and filters
 * survive switching boards within the page on purpose (a view preference).
 */
export const useBoardStore = create<BoardState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createSessionSlice(...a),
  ...createContentSlice(...a),
  ...createUiSlice(...a),
  ...createWorkshopSlice(...a),
  ...createLiveSlice(...a),
  ...createSocialSlice(...a),
}));

/**
 * Forgets the document mirror and connection facts (a board closed or reloaded from the
 * server). The composer's draft and the hidden-idea outbox stay: they are the person's
 * unsaved words, and a reload after a refusal is exactly when they must not vanish.
 */
export function resetBoardContent(): void {
  useBoardStore.setState({
    ideas: PersistentMap.empty(),
    index: emptyIndex,
    settings: null,
    present: [],
    editing: new Map(),
    connection: initialConnection,
    problem: null,
    announcement: null,
    pinnedIdeas: new Set(),
    ...initialWorkshopRoots(),
    ...initialSocialRoots(),
  });
}

/** Forgets what the command channel told a previous session (a new session starts). */
export function resetLive(): void {
  useBoardStore.setState({
    clockOffset: 0,
    commandsOnline: false,
    hidden: new Map(),
    outbox: [],
    myVotes: {},
    composerDraft: '',
    rescue: null,
    progress: null,
  });
}
