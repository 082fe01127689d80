import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workshopMap, type Poll, type Timer } from '../../shared';
import { TIME_UP_SHOWN_MS } from '../../client/workshop/timer';
import { call, ok, socketOf } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, axeViolations, createBoard, createSession, joinBoard, newDevice, newPhone, waitForStatus } from './support';

/**
 * "Time's up" is news for a minute: the header (phones, laptops) and the projector drop a
 * finished timer TIME_UP_SHOWN_MS after its end, counted from the server's end time; the
 * facilitator's console keeps it, to run it again. A live poll has the projector to itself.
 * Waiting a minute is too long for a test: the server's timer state is arranged instead, a
 * timer that ended a while ago (as the server writes it), never a mocked clock.
 */
const suite = appAndBrowser();

/** Seconds left of the minute when the arranged timer arrives: room enough for a slow machine to show it first. */
const LEFT_MS = 12_000;

const headerTimer = (page: Page) => page.locator('.room-header [data-timer]');

describe('the workshop timer on the room’s screens', () => {
  it('drops “time’s up” from the header and the wall a minute after the end; the console keeps it', { timeout: 150_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const projector = await newDevice(suite.browser, 1920, 1080);
    const laptop = await newDevice(suite.browser, 1366, 768);
    const phone = await newPhone(suite.browser);
    const late = await newPhone(suite.browser);
    try {
      await projector.page.emulateMedia({ reducedMotion: 'reduce' });
      await projector.page.goto(board.links.observer);
      await joinBoard(laptop.page, board.links.facilitator, 'Mette');
      await joinBoard(phone.page, board.links.participant, 'Ane');
      const wallTimer = projector.page.locator('[data-timer]');
      const consoleTimer = laptop.page.locator('.console-card--timer [data-timer]');

      // A one-second timer runs out: every screen says so, and screen readers hear it.
      await ok(call(lead, 'workshop:timer', { action: 'set', durationMs: 1000 }));
      await ok(call(lead, 'workshop:timer', { action: 'start' }));
      for (const shown of [wallTimer, headerTimer(phone.page), headerTimer(laptop.page), consoleTimer]) {
        await expect.poll(() => shown.getAttribute('data-timer'), { timeout: 15_000 }).toBe('done');
      }
      await phone.page.locator('[aria-live="polite"]', { hasText: 'Tiden er gået.' }).waitFor({ timeout: 10_000 });
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${ARTIFACTS}/timer-time-up-390.png` });
      await projector.page.screenshot({ path: `${ARTIFACTS}/timer-time-up-1920.png` });

      // Stopped, it leaves the room's screens; then the server holds a timer that ended almost a minute ago.
      await ok(call(lead, 'workshop:timer', { action: 'stop' }));
      await expect.poll(() => wallTimer.count(), { timeout: 10_000 }).toBe(0);
      const ended: Timer = { state: 'done', endsAt: Date.now() - (TIME_UP_SHOWN_MS - LEFT_MS), remainingMs: 0, durationMs: 1000 };
      await suite.app.writeAsServer(board.boardId, (doc) => workshopMap(doc).set('timer', ended));
      // It shows while its minute lasts...
      for (const shown of [wallTimer, headerTimer(phone.page), headerTimer(laptop.page), consoleTimer]) {
        await expect.poll(() => shown.getAttribute('data-timer'), { timeout: 10_000 }).toBe('done');
      }
      // ...and leaves by itself when it is over, with nothing new from the server.
      for (const gone of [wallTimer, headerTimer(phone.page), headerTimer(laptop.page)]) {
        await expect.poll(() => gone.count(), { timeout: LEFT_MS + 20_000 }).toBe(0);
      }
      expect(await consoleTimer.getAttribute('data-timer')).toBe('done');
      await projector.page.screenshot({ path: `${ARTIFACTS}/timer-gone-1920.png` });
      await projector.page.setViewportSize({ width: 1280, height: 720 });
      await projector.page.screenshot({ path: `${ARTIFACTS}/timer-gone-1280.png` });
      await phone.page.screenshot({ path: `${ARTIFACTS}/timer-gone-390.png` });
      await consoleTimer.scrollIntoViewIfNeeded();
      await laptop.page.screenshot({ path: `${ARTIFACTS}/timer-console-keeps-1366.png` });

      // A phone that opens now never sees it: its minute is long over.
      await joinBoard(late.page, board.links.participant, 'Bo');
      await waitForStatus(late.page, 'saved');
      expect(await headerTimer(late.page).count()).toBe(0);
    } finally {
      lead.close();
      await Promise.all([projector.context.close(), laptop.context.close(), phone.context.close(), late.context.close()]);
    }
  });

  it('stands beside a live poll only while it counts down, never under the results, and is back on the wall after it', { timeout: 90_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const projector = await newDevice(suite.browser, 1920, 1080);
    const phone = await newPhone(suite.browser);
    try {
      await projector.page.emulateMedia({ reducedMotion: 'reduce' });
      await projector.page.goto(board.links.observer);
      await joinBoard(phone.page, board.links.participant, 'Ane');
      await ok(call(lead, 'workshop:timer', { action: 'set', durationMs: 300_000 }));
      await ok(call(lead, 'workshop:timer', { action: 'start' }));
      await projector.page.locator('[data-timer="running"]').waitFor({ timeout: 10_000 });

      const poll = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'single', question: 'Hvilket pejlemærke er vigtigst?', options: [{ label: 'Sundhed' }, { label: 'Fællesskab' }] } }));
      await ok(call<Poll>(lead, 'poll:open', { pollId: poll.id }));
      await ok(call(lead, 'poll:setLive', { pollId: poll.id }));
      const pollWall = projector.page.locator(`[data-poll-wall="${poll.id}"]`);
      await pollWall.waitFor({ timeout: 15_000 });
      // Counting down (the facilitator may be timing the poll): beside the poll's question, once; not on the wall beneath it.
      await pollWall.locator('[data-timer="running"]').waitFor({ timeout: 10_000 });
      expect(await projector.page.locator('[data-timer]').count()).toBe(1);
      expect(await headerTimer(phone.page).getAttribute('data-timer')).toBe('running');
      // Inside the screen, as wide as the join panel beside the question.
      const timerBox = (await pollWall.locator('[data-timer]').boundingBox())!;
      expect(timerBox.x + timerBox.width).toBeLessThanOrEqual(1920);
      await projector.page.screenshot({ path: `${ARTIFACTS}/timer-poll-asking-1920.png` });
      // Paused, it is noise beside the poll (a last round's "time's up" even more): gone, back when it runs again.
      await ok(call(lead, 'workshop:timer', { action: 'pause' }));
      await expect.poll(() => projector.page.locator('[data-timer]').count(), { timeout: 10_000 }).toBe(0);
      await ok(call(lead, 'workshop:timer', { action: 'start' }));
      await pollWall.locator('[data-timer="running"]').waitFor({ timeout: 10_000 });
      await ok(call<Poll>(lead, 'poll:reveal', { pollId: poll.id, revealed: true }));
      await pollWall.locator('[data-poll-results]').waitFor({ timeout: 10_000 });
      expect(await projector.page.locator('[data-timer]').count()).toBe(0);
      expect(await axeViolations(projector.page)).toEqual([]);
      await projector.page.screenshot({ path: `${ARTIFACTS}/timer-poll-results-1920.png` });

      await ok(call(lead, 'poll:setLive', { pollId: null }));
      await pollWall.waitFor({ state: 'detached', timeout: 10_000 });
      await projector.page.locator('[data-timer="running"]').waitFor({ timeout: 10_000 });
    } finally {
      lead.close();
      await Promise.all([projector.context.close(), phone.context.close()]);
    }
  });
});
