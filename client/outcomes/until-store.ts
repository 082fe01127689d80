import { useBoardStore, type BoardState } from '../state/board-store';

/**
 * Resolves once the store satisfies `done`, or after `timeoutMs` regardless. A command's
 * answer and the document change it made travel on different channels; waiting for the
 * change lets a dialog close onto the result (and put focus on it) rather than before it.
 */
export function untilStore(done: (state: BoardState) => boolean, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    if (done(useBoardStore.getState())) {
      resolve();
      return;
    }
    const finish = () => {
      window.clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = window.setTimeout(finish, timeoutMs);
    const unsubscribe = useBoardStore.subscribe((state) => {
      if (done(state)) finish();
    });
  });
}
