import { useEffect } from 'react';
import type { HiddenIdea } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { useBoardStore } from '../state/board-store';

const newestFirst = (a: HiddenIdea, b: HiddenIdea) => b.hiddenAt - a.hiddenAt;

/**
 * Facilitators: keeps the ideas a moderator hid, and which ideas a moderator edited, up to
 * date. Asked for once the command channel is up (again after a reconnect) and whenever
 * the server says moderation changed; a burst of notices makes one more request, not many.
 */
export function useHiddenFeed(enabled: boolean): void {
  const sync = useBoardSync();
  const online = useBoardStore((s) => s.commandsOnline);

  useEffect(() => {
    if (!enabled || !online) return;
    let stopped = false;
    let running = false;
    let again = false;
    const refresh = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      do {
        again = false;
        const [hidden, edits] = await Promise.all([
          sync.request('moderation:hidden'),
          sync.request('audit:list', { action: 'idea.edit' }),
        ]);
        if (stopped) return;
        const store = useBoardStore.getState();
        if (hidden.ok) store.setModeratorHidden([...hidden.data.ideas].sort(newestFirst));
        if (edits.ok) store.setModeratorEdited(new Set(edits.data.entries.map((e) => e.target.id)));
      } while (again);
      running = false;
    };
    void refresh();
    const stop = sync.onServerEvent('moderation:changed', () => void refresh());
    return () => {
      stopped = true;
      stop();
    };
  }, [enabled, online, sync]);
}
