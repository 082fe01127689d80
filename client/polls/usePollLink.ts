import { useEffect } from 'react';
import type { BoardSync } from '../sync/board-sync';
import { usePollSync } from './usePollSync';
import { usePollsStore } from './polls-store';

/**
 * Listens to the poll events of the board (counts, results for facilitators, one's own
 * answer from another tab) while the calling screen is shown, and asks once for what
 * `pollId` shows now: its count, and its results when `withResults` (facilitators).
 */
export function usePollLink(pollId: string | null, options: { withResults?: boolean; withMine?: boolean; sync?: BoardSync } = {}): void {
  const sync = usePollSync(options.sync);
  const { withResults = false, withMine = false } = options;
  useEffect(() => {
    const store = usePollsStore.getState();
    const stops = [
      sync.onServerEvent('poll:count', (count) => store.setCount(count.pollId, count.answers)),
      sync.onServerEvent('poll:results', (update) => store.setResults(update.pollId, update.results)),
      sync.onServerEvent('poll:mine', (mine) => store.setMine(mine)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [sync]);
  useEffect(() => {
    if (!pollId) return;
    let current = true;
    const store = usePollsStore.getState();
    void sync.request('poll:count', { pollId }).then((r) => current && r.ok && store.setCount(pollId, r.data.answers));
    if (withResults) void sync.request('poll:results', { pollId }).then((r) => current && r.ok && store.setResults(pollId, r.data.results));
    if (withMine) void sync.request('poll:mine', { pollId }).then((r) => current && r.ok && store.setMine(r.data));
    return () => {
      current = false;
    };
  }, [sync, pollId, withResults, withMine]);
}
