import type { Idea } from '../../shared';

/**
 * What the page does when the sync hears something only the page can act on. Bound by the
 * component that shows the board, which may mount after the sync started (useBoardSync.ts).
 */
export interface BoardSyncHandlers {
  /** The session is no longer valid (close 4401): the page asks the person to join again. */
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
  /** Ideas others added while we were live, for the polite live region. */
  onRemoteAdded?: (ideas: Idea[]) => void;
}

/** A close only the page can act on. */
export type PageClose = 'session-invalid' | 'board-not-found';

/**
 * The page's handlers as the sync reaches them: bound and unbound as the board's component
 * mounts and unmounts. A close heard while none are bound is kept and given to the next ones
 * bound, so a sync started before the component loses nothing. Remote ideas heard meanwhile
 * are not kept: they are announced only while someone is looking.
 */
export class PageHandlers {
  private handlers: BoardSyncHandlers | null = null;
  private missed: PageClose | null = null;

  /** Binds until the function returned is called. */
  bind(handlers: BoardSyncHandlers): () => void {
    this.handlers = handlers;
    const missed = this.missed;
    this.missed = null;
    if (missed) this.closed(missed);
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  closed(kind: PageClose): void {
    const handlers = this.handlers;
    if (!handlers) this.missed = kind;
    else if (kind === 'session-invalid') handlers.onSessionInvalid();
    else handlers.onBoardNotFound();
  }

  remoteAdded(ideas: Idea[]): void {
    this.handlers?.onRemoteAdded?.(ideas);
  }
}
