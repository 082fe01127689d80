import type { Timer } from '../../shared';

/**
 * What is left on the workshop timer at `serverNow` (this device's clock plus the offset
 * measured with time:sync): counting down to the server's `endsAt` while running, the
 * frozen `remainingMs` otherwise, zero once done.
 */
export function timerRemaining(timer: Timer, serverNow: number): number {
  if (timer.state === 'done') return 0;
  if (timer.state === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  return timer.remainingMs;
}

/** "04:59" or "1:02:03"; partial seconds round up, so 0:00 means the time is really up. */
export function formatDuration(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Whole minutes and seconds, for screen readers ("4 minutter og 59 sekunder"). */
export function durationParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/**
 * How long "time's up" stays on the room's screens (the header on phones and laptops, the
 * projector) after the end. Long enough to be seen by whoever looks up; after it, a red
 * 00:00 only says that something ended long ago. The facilitator's console keeps it.
 */
export const TIME_UP_SHOWN_MS = 60_000;

/**
 * The server time at which a finished timer's "time's up" leaves the room's screens, or
 * null while it is not finished. A done timer without an end ended before the server kept
 * ends (an old document): it is long over, so it leaves at once.
 */
export function timeUpLeavesAt(timer: { done: boolean; endsAt: number | null }): number | null {
  if (!timer.done) return null;
  return timer.endsAt === null ? 0 : timer.endsAt + TIME_UP_SHOWN_MS;
}
