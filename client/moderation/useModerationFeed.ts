import { useEffect } from 'react';
import type { ModerationCounts } from '../../shared';
import { i18n } from '../i18n';
import { useBoardStore } from '../state/board-store';
import type { BoardSync } from '../sync/board-sync';
import { refreshQueue, resetQueueRequests } from './actions';
import { resetModeration, useModerationStore } from './moderation-store';

/** New items are announced politely, as a count: the facilitator may be typing elsewhere. */
function announceGrowth(before: ModerationCounts | null, after: ModerationCounts): void {
  if (!before || after.pending <= before.pending) return;
  const added = after.pending - before.pending;
  useBoardStore.getState().announce(i18n.t('moderation.announceNew', { count: added, pending: after.pending }));
}

/**
 * Keeps a facilitator's moderation state live: the queue on every (re)connection (the
 * server greets each with `session:hello`), and a fresh count plus refetch whenever the
 * server says something changed. Listening goes through BoardSync, which carries the
 * listeners over to a new command channel when the session restarts.
 */
export function useModerationFeed(sync: BoardSync, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    resetModeration();
    resetQueueRequests();
    const refresh = () => void refreshQueue(sync);
    const stopHello = sync.onServerEvent('session:hello', refresh);
    const stopChanged = sync.onServerEvent('moderation:changed', (counts) => {
      const store = useModerationStore.getState();
      announceGrowth(store.counts, counts);
      store.noteChanged(counts);
      refresh();
    });
    if (useBoardStore.getState().commandsOnline) refresh();
    return () => {
      stopHello();
      stopChanged();
    };
  }, [sync, enabled]);
}
