import {
  ErrorCode,
  LIMITS,
  readWorkshop,
  workshopMap,
  type Timer,
  type TimerCommand,
} from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { Logger } from '../log';
import { ServiceError } from '../core/errors';
import { writeWorkshop } from './context';

const MINUTE = 60_000;

/**
 * The timer's transitions, pure (now = the server clock). The server is the only clock that
 * matters: `endsAt` is in server time while running (and, once done, when it ended), and every
 * client counts down to it with its measured offset, so all screens agree whatever their own
 * clocks say.
 */
export function applyTimerCommand(timer: Timer, command: TimerCommand, now: number): Timer {
  const current = expireTimer(timer, now);
  switch (command.action) {
    case 'set':
      return { state: 'idle', endsAt: null, remainingMs: command.durationMs, durationMs: command.durationMs };
    case 'start': {
      if (current.state === 'running') return current;
      const remaining = current.state === 'done' ? current.durationMs : current.remainingMs;
      if (remaining <= 0) throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Set a duration before starting the timer.');
      return { state: 'running', endsAt: now + remaining, remainingMs: remaining, durationMs: current.durationMs };
    }
    case 'pause':
      if (current.state !== 'running' || current.endsAt === null) return current;
      return { state: 'paused', endsAt: null, remainingMs: Math.max(0, current.endsAt - now), durationMs: current.durationMs };
    case 'addMinute': {
      const durationMs = Math.min(LIMITS.timerMs, current.durationMs + MINUTE);
      if (current.state === 'running' && current.endsAt !== null) {
        const left = Math.min(LIMITS.timerMs, current.endsAt - now + MINUTE);
        return { ...current, endsAt: now + left, durationMs };
      }
      // At zero, one more minute starts right away: "one more minute, everyone".
      if (current.state === 'done') return { state: 'running', endsAt: now + MINUTE, remainingMs: MINUTE, durationMs };
      return { ...current, remainingMs: Math.min(LIMITS.timerMs, current.remainingMs + MINUTE), durationMs };
    }
    case 'stop':
      return { state: 'idle', endsAt: null, remainingMs: current.durationMs, durationMs: current.durationMs };
  }
}

/**
 * A running timer whose end has passed is done. It keeps its end: the room's screens show
 * "time's up" for a while after it (TIME_UP_SHOWN_MS in client/workshop/timer.ts), and every screen must
 * count that while from the same moment, the server's, not from when it heard of the end.
 */
export function expireTimer(timer: Timer, now: number): Timer {
  if (timer.state !== 'running' || timer.endsAt === null || timer.endsAt > now) return timer;
  return { state: 'done', endsAt: timer.endsAt, remainingMs: 0, durationMs: timer.durationMs };
}

/**
 * Flips a room's running timer to `done` when it reaches zero, so every client (and the
 * projector) sees the same moment even if none of them is counting. Attached when the room
 * loads, which also restores a timer that ran while the board was unloaded or the server
 * was down (it is done at once if its end has passed). Reschedules on every timer change.
 */
export function keepTimer(room: BoardRoom, log: Logger): void {
  let handle: NodeJS.Timeout | null = null;
  let closed = false;
  const schedule = () => {
    if (handle) clearTimeout(handle);
    handle = null;
    if (closed) return;
    const { timer } = readWorkshop(room.doc);
    if (timer.state !== 'running' || timer.endsAt === null) return;
    // setTimeout takes at most 2^31-1 ms; LIMITS.timerMs (24 h) is well below.
    handle = setTimeout(() => void expire(), Math.max(0, timer.endsAt - Date.now()));
    handle.unref();
  };
  const expire = async () => {
    handle = null;
    if (closed) return; // the room is closing; the next load ends the timer
    try {
      await room.writeAsServer((doc) => {
        const { timer } = readWorkshop(doc);
        const next = expireTimer(timer, Date.now());
        if (next !== timer) writeWorkshop(doc, { timer: next });
      });
    } catch (error) {
      log.error({ err: error, boardId: room.boardId }, 'could not end the workshop timer');
    }
    schedule(); // woke early (or the write failed): try again at the end
  };
  const observer = (event: { keysChanged: Set<string> }) => {
    if (event.keysChanged.has('timer')) schedule();
  };
  workshopMap(room.doc).observe(observer);
  room.onClose(() => {
    closed = true;
    if (handle) clearTimeout(handle);
    workshopMap(room.doc).unobserve(observer);
  });
  schedule();
}
