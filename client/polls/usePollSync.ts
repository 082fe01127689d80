import { useContext } from 'react';
import { BoardSyncContext } from '../board/BoardSyncContext';
import type { BoardSync } from '../sync/board-sync';

/**
 * The board's sync object for the poll components: the one passed in (the projector's
 * screen holds its own BoardSync without a context), else the board page's context.
 */
export function usePollSync(sync?: BoardSync): BoardSync {
  const fromContext = useContext(BoardSyncContext);
  const chosen = sync ?? fromContext;
  if (!chosen) throw new Error('poll components need a BoardSync (prop or BoardSyncContext)');
  return chosen;
}
