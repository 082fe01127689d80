import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { useTimer } from './useTimer';

/**
 * Says "time is up" once through the page's live region when the timer reaches zero, and
 * "1 minute left" on the way. Rendered once per page, however many displays there are.
 */
export function TimerAnnouncer() {
  const { t } = useTranslation();
  const { done, state, remainingMs, durationMs } = useTimer();
  const announce = useBoardStore((s) => s.announce);
  const wasDone = useRef(done);
  const warned = useRef(false);

  useEffect(() => {
    if (done && !wasDone.current) announce(t('timer.doneAnnouncement'));
    wasDone.current = done;
  }, [done, announce, t]);

  // Only a warning for longer timers: on a one-minute timer it would come with the start.
  const lastMinute = state === 'running' && durationMs > 90_000 && remainingMs > 0 && remainingMs <= 60_000;
  useEffect(() => {
    if (lastMinute && !warned.current) announce(t('timer.oneMinute'));
    warned.current = lastMinute;
  }, [lastMinute, announce, t]);

  return null;
}
