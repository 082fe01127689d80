import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideRequest } from '../../../shared';
import { useBoardSync } from '../../board/BoardSyncContext';
import { resultErrorText } from '../../i18n/errors';
import { decide, type DecideAnswer } from '../actions';

/** Sends decisions with a busy flag and an error text for whichever control sent them. */
export function useDecide() {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (request: DecideRequest): Promise<DecideAnswer> => {
      setBusy(true);
      setError(null);
      const answer = await decide(sync, request);
      setBusy(false);
      if (!answer.ok) setError(resultErrorText(t, answer.result));
      return answer;
    },
    [sync, t],
  );

  return { send, busy, error };
}

/** The card after this one (or before it), read before deciding: afterwards it may be gone. */
export function neighbourOf(itemId: string): string | null {
  const card = document.querySelector<HTMLElement>(`[data-queue-item="${CSS.escape(itemId)}"]`);
  const neighbour = (card?.nextElementSibling ?? card?.previousElementSibling) as HTMLElement | null | undefined;
  return neighbour?.dataset.queueItem ?? null;
}

/**
 * After a decision the card may leave the list: focus goes to its neighbour (or the
 * queue's heading), so a keyboard user carries on where they were. A card that stays
 * (the "all" view) keeps focus on its own heading.
 */
export function focusAfterDecision(itemId: string, neighbourId: string | null, fallbackId: string): void {
  const heading = (id: string) => document.querySelector<HTMLElement>(`[data-queue-item="${CSS.escape(id)}"] [data-item-heading]`);
  requestAnimationFrame(() => {
    const target = heading(itemId) ?? (neighbourId ? heading(neighbourId) : null) ?? document.getElementById(fallbackId);
    target?.focus();
  });
}
