import { useEffect, useState } from 'react';
import type { TimerState } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { timerRemaining } from './timer';

export interface TimerView {
  state: TimerState;
  remainingMs: number;
  durationMs: number;
  /** The end in server time, while running and once done (null if idle, paused, or a done timer from before ends were kept). */
  endsAt: number | null;
  /** At zero: the server says done, or a running timer has reached its end here already. */
  done: boolean;
}

const TICK_MS = 250;

/**
 * The workshop timer as this device should show it. It re-renders only while the timer
 * runs; every screen counts down to the same server end time, corrected by its own offset.
 */
export function useTimer(): TimerView {
  const timer = useBoardStore((s) => s.workshop.timer);
  const offset = useBoardStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (timer.state !== 'running') return;
    const tick = () => setNow(Date.now());
    // At once (not a tick later), so a timer just started never shows a stale clock.
    const first = setTimeout(tick, 0);
    const interval = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  }, [timer.state, timer.endsAt]);

  const remainingMs = timerRemaining(timer, now + offset);
  return {
    state: timer.state,
    remainingMs,
    durationMs: timer.durationMs,
    endsAt: timer.endsAt,
    done: timer.state === 'done' || (timer.state === 'running' && remainingMs === 0),
  };
}
