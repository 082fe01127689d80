import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { jumpTo, noteElementId } from '../ui/jump';

/** Runs `then` once React has committed what was just set in the store. */
function afterRender(then: () => void): void {
  requestAnimationFrame(() => window.setTimeout(then, 0));
}

/**
 * Jumps to an idea's note. A note the person's filters (or the focus question) keep off
 * the board is brought back by clearing them first, and pinned so that a long group shows it:
 * following a link means "show me".
 */
export function useJumpToNote(): (ideaId: string) => void {
  const { t } = useTranslation();
  return useCallback(
    (ideaId: string) => {
      if (jumpTo(noteElementId(ideaId))) return;
      const { clearFilters, pinIdea, announce } = useBoardStore.getState();
      // In the unrendered tail of a long group: pinned, it shows. Kept off by the person's
      // filters: only then are they cleared.
      pinIdea(ideaId);
      afterRender(() => {
        if (jumpTo(noteElementId(ideaId))) return;
        clearFilters();
        afterRender(() => {
          if (!jumpTo(noteElementId(ideaId))) announce(t('outcomes.initiatives.jumpMissing'));
        });
      });
    },
    [t],
  );
}
