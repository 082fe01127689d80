import { useTranslation } from 'react-i18next';
import { durationParts, formatDuration, timeUpLeavesAt } from './timer';
import { useFromPastRound } from './useRoundKey';
import { useServerTimeReached } from './useTimeUp';
import { useTimer } from './useTimer';

interface Props {
  variant: 'compact' | 'panel' | 'huge';
  /** Hide the whole display while the timer has not been started (the header does). */
  hideIdle?: boolean;
  /** Hide a finished timer once the room has moved on (another step or question): it was the last round's. */
  hidePast?: boolean;
  /**
   * Hide a finished timer TIME_UP_SHOWN_MS after its end, even in the same round (the header
   * and the projector): by then nothing is timed any more. The console's card keeps it, so
   * the facilitator sees the state and can run it again.
   */
  hideSpent?: boolean;
  /** Only while it counts down (a live poll's screen: a running countdown may be timing the poll; anything else is noise there). */
  onlyRunning?: boolean;
}

/**
 * The countdown. role="timer" is not announced on every tick (its live setting is off);
 * TimerAnnouncer says once that time is up. At zero the display turns dark red and says
 * so in words, and pulses only for people who have not asked for reduced motion (CSS). The
 * announcement stays with TimerAnnouncer, so hiding the display never silences it.
 */
export function TimerDisplay({ variant, hideIdle = false, hidePast = false, hideSpent = false, onlyRunning = false }: Props) {
  const { t } = useTranslation();
  const timer = useTimer();
  const past = useFromPastRound(timer.done);
  // One re-render when the moment passes (from the server's end time), no ticking.
  const spent = useServerTimeReached(hideSpent ? timeUpLeavesAt(timer) : null);
  if (hideIdle && timer.state === 'idle') return null;
  if (onlyRunning && (timer.state !== 'running' || timer.done)) return null;
  if (hidePast && past) return null;
  if (spent) return null;
  const { minutes, seconds } = durationParts(timer.remainingMs);
  const status = timer.done ? t('timer.done') : timer.state === 'paused' ? t('timer.paused') : timer.state === 'idle' ? t('timer.idle') : null;
  return (
    <div
      className={`timer timer--${variant} timer--${timer.done ? 'done' : timer.state}`}
      role="timer"
      aria-label={t('timer.label')}
      data-timer={timer.done ? 'done' : timer.state}
    >
      <span className="timer__value" aria-hidden="true">
        {formatDuration(timer.remainingMs)}
      </span>
      <span className="sr-only">{t('timer.remaining', { minutes, seconds })}</span>
      {status ? <span className="timer__status">{status}</span> : null}
    </div>
  );
}
