import type { StateCreator } from 'zustand';
import { defaultWorkshop, type Cluster, type IdeaHistory, type WorkshopState } from '../../../shared';
import type { BoardState } from '../board-store';

/**
 * A mirror of the document's server-only roots (`workshop`, `votes`, `clusters`,
 * `history`). Only the server writes them, so the mirror is all a client needs to follow
 * the facilitator; the sync layer re-reads a root whenever it changes.
 */
export interface WorkshopSlice {
  workshop: WorkshopState;
  /** idea id → total votes; empty until the facilitator reveals the totals. */
  voteTotals: Readonly<Record<string, number>>;
  /** Sorted by creation, as the protocol asks. */
  clusters: readonly Cluster[];
  /** idea id → what was merged into it. */
  histories: ReadonlyMap<string, IdeaHistory>;
  setWorkshopRoots: (patch: Partial<Pick<WorkshopSlice, 'workshop' | 'voteTotals' | 'clusters' | 'histories'>>) => void;
}

export const initialWorkshopRoots = (): Pick<WorkshopSlice, 'workshop' | 'voteTotals' | 'clusters' | 'histories'> => ({
  workshop: defaultWorkshop(),
  voteTotals: {},
  clusters: [],
  histories: new Map(),
});

export const createWorkshopSlice: StateCreator<BoardState, [], [], WorkshopSlice> = (set) => ({
  ...initialWorkshopRoots(),
  setWorkshopRoots: (patch) => set(patch),
});
