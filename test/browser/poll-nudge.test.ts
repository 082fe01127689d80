import { describe, expect, it } from 'vitest';
import type { Poll, PollDraft } from '../../shared';
import { call, ok, socketOf } from '../support/workshop';
import { addIdea, appAndBrowser, ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, newPhone } from './support';

/**
 * A phone scrolled down into the ideas when the facilitator puts a poll live: the card comes
 * at the top of the page, out of sight, so a button at the top of the screen leads there.
 */
const suite = appAndBrowser();
const POLL: PollDraft = { type: 'single', question: 'Hvilket pejlemærke er vigtigst?', options: [{ label: 'Sundhed' }, { label: 'Fællesskab' }] };

describe('a live poll on a scrolled phone', () => {
  it('is one tap away, and the way there leaves once the card is in view', { timeout: 90_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const phone = await newPhone(suite.browser);
    try {
      await joinBoard(phone.page, board.links.participant, 'Ane');
      for (let i = 1; i <= 8; i++) await addIdea(phone.page, `Idé nummer ${i} om mødesteder, stier og bænke ved søen`);
      await phone.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));

      const poll = await ok(call<Poll>(lead, 'poll:create', { poll: POLL }));
      await ok(call<Poll>(lead, 'poll:open', { pollId: poll.id }));
      await ok(call(lead, 'poll:setLive', { pollId: poll.id }));
      const nudge = phone.page.locator(`[data-poll-nudge="${poll.id}"]`);
      await nudge.waitFor({ timeout: 10_000 });
      expect(await nudge.innerText()).toContain('Hvilket pejlemærke er vigtigst?');
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${ARTIFACTS}/poll-nudge-390.png` });

      await nudge.click();
      const card = phone.page.locator(`[data-poll-card="${poll.id}"]`);
      await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0)).toBe(true);
      await expect.poll(() => phone.page.evaluate(() => document.activeElement?.id)).toBe(`poll-card-${poll.id}`);
      await nudge.waitFor({ state: 'detached' });

      // Answered: scrolled away again, nothing calls the person back.
      await card.getByLabel('Sundhed').check();
      await card.getByRole('button', { name: 'Send svar' }).click();
      await card.getByText('Dit svar er gemt.').waitFor();
      await phone.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await phone.page.waitForTimeout(300);
      expect(await nudge.count()).toBe(0);
    } finally {
      lead.close();
      await phone.context.close();
    }
  });
});
