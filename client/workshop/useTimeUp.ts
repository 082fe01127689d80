import { useCallback, useSyncExternalStore } from 'react';
import { useBoardStore } from '../state/board-store';

/** setTimeout takes at most 2^31-1 ms; a longer wait is taken in parts. */
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * Whether the server's clock (this device's plus the offset measured with time:sync, as
 * useTimer counts) has reached `at`. It re-renders once, when it does, and not before: a
 * single timeout, no ticking. Read through useSyncExternalStore, so a screen that opens long
 * after the end never shows the old state for a frame.
 */
export function useServerTimeReached(at: number | null): boolean {
  const offset = useBoardStore((s) => s.clockOffset);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (at === null) return () => {};
      let handle: ReturnType<typeof setTimeout> | undefined;
      const wait = () => at - (Date.now() + offset);
      // A timeout may wake a little early (or the clock moved): it then waits for the rest.
      const arm = () => {
        handle = setTimeout(() => (wait() > 0 ? arm() : changed()), Math.min(MAX_TIMEOUT, wait() + 1));
      };
      if (wait() > 0) arm();
      return () => clearTimeout(handle);
    },
    [at, offset],
  );
  return useSyncExternalStore(subscribe, () => at !== null && Date.now() + offset >= at);
}
