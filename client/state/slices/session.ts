import type { StateCreator } from 'zustand';
import type { Identity } from '../../../shared';
import type { BoardState } from '../board-store';

/** Who this device is on the open board. */
export interface SessionSlice {
  identity: Identity | null;
  setIdentity: (identity: Identity | null) => void;
}

export const createSessionSlice: StateCreator<BoardState, [], [], SessionSlice> = (set) => ({
  identity: null,
  setIdentity: (identity) => set({ identity }),
});
