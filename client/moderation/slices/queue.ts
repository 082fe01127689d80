import type { StateCreator } from 'zustand';
import type { DecisionKind, QueueItem } from '../../../shared';
import type { ModerationState } from '../moderation-store';

export type QueueView = 'pending' | 'all';
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** What the last decision of this facilitator came to, for the queue's status line. */
export interface DecisionFeedback {
  decision: DecisionKind;
  done: number;
  /** Items another facilitator had decided, or that were gone or did not fit the action. */
  problems: number;
  seq: number;
}

/** The queue as the server last sent it, and the decisions this device has on their way. */
export interface QueueSlice {
  view: QueueView;
  items: readonly QueueItem[];
  queueStatus: LoadStatus;
  /** Items with a decision sent and not yet answered: a refresh meanwhile must not call them "decided elsewhere". */
  inFlight: ReadonlySet<string>;
  /** Items this facilitator decided in this session. */
  decidedHere: ReadonlySet<string>;
  feedback: DecisionFeedback | null;
  setView: (view: QueueView) => void;
  setItems: (items: readonly QueueItem[]) => void;
  setQueueStatus: (status: LoadStatus) => void;
  setInFlight: (ids: readonly string[], on: boolean) => void;
  /** Applies this facilitator's own decisions: gone from the pending view, updated in "all". */
  applyDecided: (decided: readonly QueueItem[], goneIds: readonly string[]) => void;
  setFeedback: (feedback: Omit<DecisionFeedback, 'seq'> | null) => void;
}

export const createQueueSlice: StateCreator<ModerationState, [], [], QueueSlice> = (set) => ({
  view: 'pending',
  items: [],
  queueStatus: 'idle',
  inFlight: new Set(),
  decidedHere: new Set(),
  feedback: null,
  // The other view's list would flash up first, and read as items that left the queue.
  setView: (view) => set((s) => (s.view === view ? {} : { view, items: [], queueStatus: 'loading' })),
  setItems: (items) => set({ items, queueStatus: 'ready' }),
  setQueueStatus: (queueStatus) => set({ queueStatus }),
  setInFlight: (ids, on) =>
    set((s) => {
      const inFlight = new Set(s.inFlight);
      for (const id of ids) {
        if (on) inFlight.add(id);
        else inFlight.delete(id);
      }
      return { inFlight };
    }),
  applyDecided: (decided, goneIds) =>
    set((s) => {
      const byId = new Map(decided.map((item) => [item.id, item]));
      const gone = new Set(goneIds);
      const decidedHere = new Set([...s.decidedHere, ...byId.keys(), ...gone]);
      const items = s.items
        .filter((item) => !gone.has(item.id) && !(s.view === 'pending' && byId.has(item.id)))
        .map((item) => byId.get(item.id) ?? item);
      return { items, decidedHere };
    }),
  setFeedback: (feedback) => set((s) => ({ feedback: feedback ? { ...feedback, seq: (s.feedback?.seq ?? 0) + 1 } : null })),
});
