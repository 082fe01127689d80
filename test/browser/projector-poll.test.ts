import { describe, expect, it } from 'vitest';
import type { Poll, PollDraft } from '../../shared';
import { call, ok, socketOf } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, axeViolations, createBoard, createSession, newDevice } from './support';

/**
 * The projector while a live poll takes answers with its results hidden (as Mentimeter and
 * Slido show one): the question, what to answer (the options, without counts), the count of
 * answers, how to join for latecomers; once shown, the results keep the join code on a line.
 */
const suite = appAndBrowser();

const LABELS = ['Sundhed og trivsel', 'Uddannelse og job', 'Fællesskab og foreningsliv', 'Grøn by og natur'];
const CHOICE: PollDraft = { type: 'single', question: 'Hvilket pejlemærke er vigtigst for jeres råd lige nu?', options: LABELS.map((label) => ({ label })) };

describe('a live poll on the projector', () => {
  it('shows the options and the join code while the results are hidden, and no counts', { timeout: 90_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const voter = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'participant', 'Lars'));
    const screen = await newDevice(suite.browser, 1920, 1080);
    try {
      await screen.page.emulateMedia({ reducedMotion: 'reduce' });
      await screen.page.goto(board.links.observer);
      await screen.page.locator('.wall').waitFor();
      const poll = await ok(call<Poll>(lead, 'poll:create', { poll: CHOICE }));
      await ok(call<Poll>(lead, 'poll:open', { pollId: poll.id }));
      await ok(call(lead, 'poll:setLive', { pollId: poll.id }));
      const wall = screen.page.locator(`[data-poll-wall="${poll.id}"]`);
      await wall.waitFor({ timeout: 15_000 });

      // Every option, large; the way in for latecomers (QR code and code) beside them.
      const options = wall.locator('.poll-prompt__option');
      await expect.poll(() => options.allInnerTexts()).toEqual(LABELS);
      const size = await options.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(30);
      const code = wall.locator('[data-join-code]');
      expect(await code.getAttribute('data-join-code')).toMatch(/^[A-Z0-9]{6}$/);
      expect(await wall.locator('.join-panel__qr').isVisible()).toBe(true);

      // An answer raises the count; the options still stand without numbers or bars.
      const first = (poll as Extract<Poll, { type: 'single' }>).options[0]!;
      await ok(call(voter, 'poll:answer', { pollId: poll.id, answer: { type: 'single', optionId: first.id } }));
      await expect.poll(() => wall.locator('[data-poll-count]').getAttribute('data-poll-count'), { timeout: 10_000 }).toBe('1');
      for (const text of await options.allInnerTexts()) expect(text).not.toMatch(/\d/);
      expect(await wall.locator('[data-poll-results], table, .poll-bar').count()).toBe(0);
      // The wall of ideas beneath is out of reach while the poll covers it.
      expect(await screen.page.locator('.wall').getAttribute('inert')).not.toBeNull();
      expect(await axeViolations(screen.page)).toEqual([]);
      await screen.page.screenshot({ path: `${ARTIFACTS}/projector-poll-open-1920.png` });

      // Shown: the results, and the join code still there on one line.
      await ok(call<Poll>(lead, 'poll:reveal', { pollId: poll.id, revealed: true }));
      await wall.locator('[data-poll-results]').waitFor({ timeout: 10_000 });
      expect(await wall.locator('.poll-prompt').count()).toBe(0);
      expect(await wall.locator('.join-line [data-join-code]').getAttribute('data-join-code')).toBe(await screen.page.locator('.wall [data-join-code]').getAttribute('data-join-code'));
      expect(await axeViolations(screen.page)).toEqual([]);
      await screen.page.screenshot({ path: `${ARTIFACTS}/projector-poll-results-1920.png` });
      // The bars line up: "1 · 100 %" is wider than "0 · 0 %", and must not push its bar aside.
      const bars = await wall.locator('.poll-bars .poll-bar').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => `${Math.round(r.left)}:${Math.round(r.width)}`));
      expect(bars.length).toBeGreaterThan(1);
      expect(new Set(bars).size).toBe(1);

      // Off the screen: the wall is back, within reach again.
      await ok(call(lead, 'poll:setLive', { pollId: null }));
      await wall.waitFor({ state: 'detached', timeout: 10_000 });
      expect(await screen.page.locator('.wall').getAttribute('inert')).toBeNull();
    } finally {
      lead.close();
      voter.close();
      await screen.context.close();
    }
  });
});
