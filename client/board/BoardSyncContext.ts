import { createContext, useContext } from 'react';
import type { BoardSync } from '../sync/board-sync';

export const BoardSyncContext = createContext<BoardSync | null>(null);

/** The open board's sync object, for components that write (add, edit, move, settings). */
export function useBoardSync(): BoardSync {
  const sync = useContext(BoardSyncContext);
  if (!sync) throw new Error('useBoardSync outside a board');
  return sync;
}
