import { useEffect } from 'react';
import type { BoardSync } from '../sync/board-sync';
import { usePollSync } from './usePollSync';
import { usePollsStore } from './polls-store';

/**
 * Facilitators: the board's draft polls, which are in no document. Asked when the calling
 * screen mounts and again on every (re)connection (`session:hello`), and replaced whenever
 * the server announces them (`poll:drafts`: every draft, after any change by anyone).
 */
export function usePollDrafts(sync?: BoardSync): void {
  const chosen = usePollSync(sync);
  useEffect(() => {
    let current = true;
    const store = usePollsStore.getState();
    const refresh = () => void chosen.request('poll:drafts').then((r) => current && r.ok && store.setDrafts(r.data.polls));
    const stops = [chosen.onServerEvent('poll:drafts', (drafts) => store.setDrafts(drafts.polls)), chosen.onServerEvent('session:hello', refresh)];
    refresh();
    return () => {
      current = false;
      stops.forEach((stop) => stop());
      // Another board (or none) comes next: its drafts are asked for afresh.
      store.setDrafts([]);
    };
  }, [chosen]);
}
