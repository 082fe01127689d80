import type { StateCreator } from 'zustand';
import type { BoardState } from '../board-store';

/** The raw facts the sync layer reports; the status shown is derived from them. */
export interface ConnectionFacts {
  /** The device copy (IndexedDB) has been read into the document. */
  localLoaded: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  /** The provider finished the sync handshake on the current connection. */
  synced: boolean;
  /** Connections closed since the last successful sync; 0 while the first attempt runs. */
  failedAttempts: number;
  /** Local changes the server has not confirmed as durably saved. */
  pending: boolean;
  /**
   * The browser's own word on the network (navigator.onLine and its online/offline events).
   * When it says offline, nothing can reach the server whatever the socket still claims: a
   * socket left half-open by a lost network is only noticed by y-websocket after 30 s.
   */
  network: boolean;
}

/** A problem the user must know about (shown as an alert, not just in the status). */
export type ConnectionProblem =
  | { kind: 'refused'; code: string | null; message: string }
  | { kind: 'too-large' }
  | { kind: 'protocol' }
  | { kind: 'rate-limited' };

export interface ConnectionSlice {
  connection: ConnectionFacts;
  problem: ConnectionProblem | null;
  setConnection: (patch: Partial<ConnectionFacts>) => void;
  setProblem: (problem: ConnectionProblem | null) => void;
}

export const initialConnection: ConnectionFacts = {
  localLoaded: false,
  socket: 'connecting',
  synced: false,
  failedAttempts: 0,
  pending: false,
  network: true,
};

export const createConnectionSlice: StateCreator<BoardState, [], [], ConnectionSlice> = (set) => ({
  connection: initialConnection,
  problem: null,
  setConnection: (patch) => set((s) => ({ connection: { ...s.connection, ...patch } })),
  setProblem: (problem) => set({ problem }),
});

/**
 * Whether the board's ideas may still be on their way: the first connection has not synced
 * yet (nor failed). An empty board then says it is loading, not that it has no ideas; once a
 * connection failed, nothing more is known than what is shown.
 */
export function ideasArriving(c: ConnectionFacts): boolean {
  return !c.synced && c.failedAttempts === 0;
}

/** Whether an empty list says "loading" rather than "no ideas" (board, toolbar, projector). */
export function ideasLoading(s: { connection: ConnectionFacts; ideas: ReadonlyMap<string, unknown> }): boolean {
  return s.ideas.size === 0 && ideasArriving(s.connection);
}

export type SaveStatus = 'loading' | 'connecting' | 'offline' | 'local' | 'saving' | 'saved';

/**
 * The one status line shown on the board. It only says "saved" when the connection has
 * synced and the server has confirmed every local change (Saved message), and only says
 * "kept on this device" when the change is in the document that IndexedDB persists.
 */
export function deriveSaveStatus(c: ConnectionFacts): SaveStatus {
  if (!c.localLoaded) return 'loading';
  const online = c.network && c.socket === 'connected' && c.synced;
  if (online) return c.pending ? 'saving' : 'saved';
  if (c.pending) return 'local';
  return c.failedAttempts === 0 && c.network ? 'connecting' : 'offline';
}
