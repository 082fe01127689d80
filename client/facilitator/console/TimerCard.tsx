import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';
import { TimerDisplay } from '../../workshop/TimerDisplay';
import { useTimer } from '../../workshop/useTimer';
import { useCommand } from './useCommand';

const PRESETS = [1, 3, 5, 10];
const MAX_MINUTES = LIMITS.timerMs / 60_000;

/** Set a duration (presets or minutes of one's own), then start, pause, add a minute, stop. */
export function TimerCard() {
  const { t } = useTranslation();
  const ids = useId();
  const timer = useTimer();
  const { run, busy, error, setError } = useCommand();
  const [custom, setCustom] = useState('');

  const setMinutes = (minutes: number) => void run('workshop:timer', { action: 'set', durationMs: Math.round(minutes * 60_000) });

  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(custom.replace(',', '.'));
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_MINUTES) {
      setError(t('console.timerInvalid', { max: MAX_MINUTES }));
      return;
    }
    setMinutes(minutes);
    setCustom('');
  };

  const running = timer.state === 'running' && !timer.done;
  return (
    <section className="console-card console-card--timer" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('console.timerHeading')}</h3>
      <TimerDisplay variant="panel" />
      <div className="button-row" role="group" aria-label={t('console.timerControls')}>
        {running ? (
          <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void run('workshop:timer', { action: 'pause' })}>
            {t('console.timerPause')}
          </button>
        ) : (
          <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void run('workshop:timer', { action: 'start' })}>
            {timer.state === 'paused' ? t('console.timerResume') : t('console.timerStart')}
          </button>
        )}
        <button type="button" className="button button--small" disabled={busy} onClick={() => void run('workshop:timer', { action: 'addMinute' })}>
          {t('console.timerAddMinute')}
        </button>
        <button type="button" className="button button--small" disabled={busy || timer.state === 'idle'} onClick={() => void run('workshop:timer', { action: 'stop' })}>
          {t('console.timerStop')}
        </button>
      </div>
      <div className="button-row" role="group" aria-label={t('console.timerPresets')}>
        {PRESETS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button button--small button--secondary"
            aria-pressed={timer.durationMs === minutes * 60_000}
            disabled={busy}
            onClick={() => setMinutes(minutes)}
          >
            {t('console.minutes', { count: minutes })}
          </button>
        ))}
      </div>
      <form className="timer-custom" onSubmit={submitCustom} noValidate>
        <label htmlFor={`${ids}-minutes`}>{t('console.timerCustom')}</label>
        <input
          id={`${ids}-minutes`}
          inputMode="decimal"
          value={custom}
          size={5}
          onChange={(e) => setCustom(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={busy}>
          {t('console.timerSet')}
        </button>
      </form>
      <ErrorText message={error} />
    </section>
  );
}
