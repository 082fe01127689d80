import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateBoardResponse, Poll, PollDraft, PublicCall } from '../../shared';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, newPhone, startApp } from './support';

/**
 * A live poll of each type in the room (issue 15): the facilitator (over the protocol) opens
 * it and puts it live, a phone answers (one of them by keyboard alone), the projector's count
 * rises with nothing of the results, reveal shows the chart with its table; axe on the
 * phone and the projector.
 */
const DRAFTS: Record<string, PollDraft> = {
  single: { type: 'single', question: 'Hvilket pejlemærke er vigtigst for jeres råd?', options: [{ label: 'Sundhed' }, { label: 'Uddannelse' }, { label: 'Fællesskab' }] },
  multiple: { type: 'multiple', question: 'Hvad kan jeres råd bidrage med?', options: [{ label: 'Tid' }, { label: 'Viden' }, { label: 'Netværk' }], maxChoices: 2 },
  scale: { type: 'scale', question: 'Hvor godt kender du visionen?', scaleMax: 5, minLabel: 'Slet ikke', maxLabel: 'Rigtig godt' },
  wordcloud: { type: 'wordcloud', question: 'Ét ord for Ishøj i 2035', maxWords: 3 },
  ranking: { type: 'ranking', question: 'Sæt i rækkefølge', options: [{ label: 'Strand' }, { label: 'Skole' }, { label: 'Sti' }] },
  text: { type: 'text', question: 'Hvad bør vi spørge borgerne om?' },
};

describe('live polls in the room', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let board: CreateBoardResponse;
  let lead: TestSocket;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    board = await createBoard(app.url, { template: 'blank' });
    lead = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
  });

  afterAll(async () => {
    lead?.close();
    await browser?.close();
    await app?.close();
  });

  async function answerOnPhone(phone: Page, type: string, keyboard: boolean): Promise<void> {
    const card = phone.locator('[data-poll-card]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getAttribute('data-poll-type')).toBe(type);
    if (keyboard) {
      // Keyboard only: Tab into the card's first choice, Space picks it, Enter on the send button.
      await card.locator('input').first().focus();
      await phone.keyboard.press('Space');
      await card.getByRole('button', { name: 'Send svar' }).focus();
      await phone.keyboard.press('Enter');
    } else if (type === 'single' || type === 'multiple') {
      await card.getByLabel(type === 'single' ? 'Uddannelse' : 'Viden').check();
      await card.getByRole('button', { name: 'Send svar' }).click();
    } else if (type === 'scale') {
      await card.locator('input[type="radio"]').nth(3).check();
      await card.getByRole('button', { name: 'Send svar' }).click();
    } else if (type === 'wordcloud') {
      await card.getByLabel('Ord 1').fill('Fællesskab');
      await card.getByRole('button', { name: 'Send svar' }).click();
    } else if (type === 'ranking') {
      await card.getByRole('button', { name: 'Flyt Sti op' }).click();
      await card.getByRole('button', { name: 'Send svar' }).click();
    } else {
      await card.getByLabel('Dit svar').fill('Hvordan kommer I til stranden?');
      await card.getByRole('button', { name: 'Send svar' }).click();
    }
    await card.getByText('Dit svar er gemt.').waitFor({ timeout: 10_000 });
  }

  it('runs a poll of each type from phones to the projector, results only when revealed', { timeout: 180_000 }, async () => {
    const phone = await newPhone(browser);
    const screen = await newDevice(browser, 1920, 1080);
    try {
      await joinBoard(phone.page, board.links.participant, 'Lars');
      await screen.page.goto(board.links.observer);
      for (const [type, draft] of Object.entries(DRAFTS)) {
        const created = await ok(call<Poll>(lead, 'poll:create', { poll: draft }));
        await ok(call<Poll>(lead, 'poll:open', { pollId: created.id }));
        await ok(call(lead, 'poll:setLive', { pollId: created.id }));

        const wall = screen.page.locator(`[data-poll-wall="${created.id}"]`);
        await wall.waitFor({ timeout: 15_000 });
        await expect.poll(() => wall.locator('[data-poll-count]').getAttribute('data-poll-count')).toBe('0');
        await answerOnPhone(phone.page, type, type === 'single');
        // The count rises on the projector; the results stay hidden until revealed.
        await expect.poll(() => wall.locator('[data-poll-count]').getAttribute('data-poll-count'), { timeout: 10_000 }).toBe('1');
        expect(await wall.locator('table').count()).toBe(0);
        if (type === 'single') {
          expect(await axeViolations(phone.page)).toEqual([]);
          expect(await axeViolations(screen.page)).toEqual([]);
          await phone.page.screenshot({ path: `${ARTIFACTS}/poll-phone-390.png` });
        }

        await ok(call<Poll>(lead, 'poll:reveal', { pollId: created.id, revealed: true }));
        if (type !== 'text') {
          // A chart, with a table for screen readers beside it.
          await wall.locator('table').first().waitFor({ state: 'attached', timeout: 10_000 });
          if (type === 'single') {
            expect(await wall.locator('table').first().innerText()).toContain('Uddannelse');
            await screen.page.screenshot({ path: `${ARTIFACTS}/poll-projector-1920.png` });
            expect(await axeViolations(screen.page)).toEqual([]);
          }
        }
        await ok(call<Poll>(lead, 'poll:close', { pollId: created.id }));
      }
    } finally {
      await phone.context.close();
      await screen.context.close();
    }
  });

  it('shows a survey-only call as its questions alone', { timeout: 60_000 }, async () => {
    const survey = await createBoard(app.url, { template: 'citizens' });
    const facilitator = await socketOf(app.url, await createSession(app.url, survey, 'facilitator', 'Mette'));
    try {
      // Open for a week: the header says until when, in the survey's own words (not "ideas").
      const closesAt = Date.now() + 7 * 24 * 3600_000;
      const publicCall = await ok(call<PublicCall>(facilitator, 'call:configure', { enabled: true, opensAt: null, closesAt, moderation: 'pre', ideas: false }));
      const made = await ok(call<Poll>(facilitator, 'poll:create', { poll: { ...DRAFTS.scale, inCall: true } as PollDraft }));
      await ok(call<Poll>(facilitator, 'poll:open', { pollId: made.id }));
      const phone = await newPhone(browser);
      try {
        await phone.page.goto(`${app.url}/c/${publicCall.callId}`);
        await phone.page.getByRole('heading', { name: 'Et par spørgsmål' }).waitFor({ timeout: 15_000 });
        expect(await phone.page.getByLabel(/Din idé/).count()).toBe(0);
        expect(await phone.page.locator('.call-window').innerText()).toMatch(/^Åben for svar indtil .+/);
        expect(await axeViolations(phone.page)).toEqual([]);
        await phone.page.screenshot({ path: `${ARTIFACTS}/survey-only-390.png`, fullPage: true });
      } finally {
        await phone.context.close();
      }
    } finally {
      facilitator.close();
    }
  });
});
