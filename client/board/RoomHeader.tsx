import { useTranslation } from 'react-i18next';
import { STEPS, stepOfQuestion, type Identity } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { TimerDisplay } from '../workshop/TimerDisplay';
import { PresenceList } from './PresenceList';
import { StatusIndicator } from './StatusIndicator';

/**
 * The board's banner in one compact row: the board's name, the focus question's step, the
 * timer, who is here (a count that opens the list) and the save status. On a phone it
 * wraps to two short rows, so the question and the idea field stay in the first screen.
 */
export function RoomHeader({ identity, title }: { identity: Identity; title: string }) {
  const { t } = useTranslation();
  const step = useBoardStore((s) => {
    const focus = s.settings?.focusQuestionId ?? null;
    return focus ? stepOfQuestion(s.workshop, focus) : null;
  });
  return (
    <div className="room-header">
      <h1 className="room-header__title">{title}</h1>
      {step ? (
        <p className="room-header__step" data-step={step}>
          {t('room.stepShort', { n: STEPS.indexOf(step) + 1, total: STEPS.length, step: t(`workshop.steps.${step}`) })}
        </p>
      ) : null}
      <TimerDisplay variant="compact" hideIdle hidePast hideSpent />
      <div className="room-header__meta">
        <PresenceList identity={identity} />
        <StatusIndicator />
      </div>
    </div>
  );
}
