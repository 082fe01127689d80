import { useTranslation } from 'react-i18next';
import { stepOfQuestion } from '../../shared';
import { useBoardStore } from '../state/board-store';

/**
 * What the room is doing, for participants: the focus question's step and what it means
 * for them, the lock, silent writing. A polite status region, so a screen reader hears
 * when the facilitator moves on.
 */
export function WorkshopStatus() {
  const { t } = useTranslation();
  const workshop = useBoardStore((s) => s.workshop);
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const step = focusId ? stepOfQuestion(workshop, focusId) : null;
  return (
    <div role="status" className="workshop-status" data-step={step ?? 'none'}>
      {workshop.locked ? (
        <p className="banner banner--locked" data-banner="locked">
          <strong>{t('workshop.lockedTitle')}</strong> {t('workshop.lockedBody')}
        </p>
      ) : null}
      {/* The step's name and number are in the banner above; here, what it means for you. */}
      {step ? <p className="workshop-status__help">{t(`workshop.stepHelp.${step}`)}</p> : null}
      {workshop.silent ? (
        <p className="banner banner--silent" data-banner="silent">
          <strong>{t('workshop.silentTitle')}</strong> {t('workshop.silentBody')}
        </p>
      ) : null}
    </div>
  );
}
