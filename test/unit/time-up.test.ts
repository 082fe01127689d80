import { describe, expect, it } from 'vitest';
import { TIME_UP_SHOWN_MS, timeUpLeavesAt } from '../../client/workshop/timer';
import { applyTimerCommand, expireTimer } from '../../server/workshop/timer';
import type { Timer } from '../../shared';

/**
 * "Time's up" leaves the room's screens a minute after the end, counted from the server's
 * end time (kept in the done timer), so every screen drops it at the same moment.
 */
describe("when time's up leaves the room's screens", () => {
  const running: Timer = { state: 'running', endsAt: 1_000_000, remainingMs: 60_000, durationMs: 60_000 };

  it('the server keeps the end when the timer runs out, and forgets it when the timer runs again', () => {
    expect(expireTimer(running, 999_999)).toBe(running);
    const done = expireTimer(running, 1_000_500);
    expect(done).toEqual({ state: 'done', endsAt: 1_000_000, remainingMs: 0, durationMs: 60_000 });
    expect(applyTimerCommand(done, { action: 'stop' }, 2_000_000).endsAt).toBeNull();
    expect(applyTimerCommand(done, { action: 'start' }, 2_000_000)).toMatchObject({ state: 'running', endsAt: 2_060_000 });
    expect(applyTimerCommand(done, { action: 'addMinute' }, 2_000_000)).toMatchObject({ state: 'running', endsAt: 2_060_000 });
    // A running timer whose end has passed is done before a command applies to it, end kept.
    expect(applyTimerCommand(running, { action: 'pause' }, 1_000_001)).toEqual(done);
  });

  it('is a minute after the end; not while the timer runs; at once for a done timer without an end', () => {
    expect(timeUpLeavesAt({ done: false, endsAt: 1_000_000 })).toBeNull();
    expect(timeUpLeavesAt({ done: true, endsAt: 1_000_000 })).toBe(1_000_000 + TIME_UP_SHOWN_MS);
    expect(TIME_UP_SHOWN_MS).toBe(60_000);
    // Ended before the server kept ends (an old document): long over.
    expect(timeUpLeavesAt({ done: true, endsAt: null })).toBe(0);
  });
});
