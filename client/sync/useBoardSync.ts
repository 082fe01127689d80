import { useEffect, useState } from 'react';
import { BoardSync, type BoardSyncOptions } from './board-sync';
import type { BoardSyncHandlers } from './page-handlers';

/**
 * A sync started the moment its session arrived (prepareBoardSync), not yet shown by a
 * component. One at a time: a page shows one board.
 */
let prepared: BoardSync | null = null;

/**
 * Starts a board's sync as soon as its session is known, before React mounts the board.
 * Started from the board's component instead, the socket opened only after the page had
 * rendered the board (50–100 ms on a laptop at a join, more on a phone), and its upgrade and
 * the server's first answer came after that render instead of during it.
 */
export function prepareBoardSync(options: BoardSyncOptions): void {
  prepared?.stop();
  prepared = new BoardSync(options);
  prepared.start();
}

/**
 * The board's sync while the component shows this session: the prepared one if it is for
 * this session, a new one otherwise. Started on mount, stopped on unmount; the handlers are
 * bound before it starts, and a close heard before they were is passed on when they are.
 */
export function useBoardSync(options: BoardSyncOptions, handlers: BoardSyncHandlers): BoardSync {
  // Pure, as React may call it twice: a prepared sync for another session is stopped below.
  const [sync] = useState(() =>
    prepared?.sessionToken === options.sessionToken ? prepared : new BoardSync(options),
  );
  const { onSessionInvalid, onBoardNotFound, onRemoteAdded } = handlers;
  useEffect(
    () => sync.bind({ onSessionInvalid, onBoardNotFound, onRemoteAdded }),
    [sync, onSessionInvalid, onBoardNotFound, onRemoteAdded],
  );
  useEffect(() => {
    // From here on the component owns it (and stops it); any other prepared sync is stale.
    if (prepared !== sync) prepared?.stop();
    prepared = null;
    sync.start();
    return () => sync.stop();
  }, [sync]);
  return sync;
}
