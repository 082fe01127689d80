import { useTranslation } from 'react-i18next';
import { stepOfQuestion, type QueueItem } from '../../../shared';
import { useBoardStore } from '../../state/board-store';

/**
 * Where an approved contribution lands while the room is voting or looking at results: in
 * front of everyone at once (the phones' vote list, the ranking, the projector's wall). A live
 * workshop's review found an approval changing the results on the wall with no warning; this
 * line says so before the facilitator decides. A contribution without a question answers the
 * focus question, as it would on the board.
 */
export function useLiveLanding(item: QueueItem): 'vote' | 'results' | null {
  return useBoardStore((s) => {
    if (item.kind !== 'contribution') return null;
    const focus = s.settings?.focusQuestionId ?? null;
    if (focus === null || (item.idea.questionId ?? focus) !== focus) return null;
    const step = stepOfQuestion(s.workshop, focus);
    return step === 'vote' || step === 'results' ? step : null;
  });
}

export function LiveLanding({ step, id }: { step: 'vote' | 'results'; id: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="mod-item__live" data-live-landing={step}>
      {t(`moderation.actions.liveLanding.${step}`)}
    </p>
  );
}
