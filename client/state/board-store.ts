import { create } from 'zustand';
import { createConnectionSlice, initialConnection, type ConnectionSlice } from './slices/connection';
import { createContentSlice, type ContentSlice } from './slices/content';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createUiSlice, type UiSlice } from './slices/ui';

export type BoardState = ConnectionSlice & SessionSlice & ContentSlice & UiSlice;

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
}));

/** Forgets the document mirror and connection facts (a board closed or reloaded from the server). */
export function resetBoardContent(): void {
  useBoardStore.setState({
    ideas: new Map(),
    settings: null,
    present: [],
    connection: initialConnection,
    problem: null,
    announcement: null,
  });
}
