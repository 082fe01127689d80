import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { jumpTo, noteElementId } from './jump';

/**
 * Jumps to an idea's note. A note the person's filters (or the focus question) keep off
 * the board is brought back by clearing them first: following a link means "show me".
 */
export function useJumpToNote(): (ideaId: string) => void {
  const { t } = useTranslation();
  return useCallback(
    (ideaId: string) => {
      if (jumpTo(noteElementId(ideaId))) return;
      const { clearFilters, announce } = useBoardStore.getState();
      clearFilters();
      // After React has rendered the unfiltered board.
      requestAnimationFrame(() =>
        window.setTimeout(() => {
          if (!jumpTo(noteElementId(ideaId))) announce(t('outcomes.initiatives.jumpMissing'));
        }, 0),
      );
    },
    [t],
  );
}
