import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Poll, PollCount, PollDraft, PublicCall } from '../../shared';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';
import { appAndBrowser, ARTIFACTS, axeViolations, createBoard, createSession, newPhone } from './support';

/**
 * The public call's survey on a phone (the outside review): it is pointed to above the idea
 * form, asked again on the receipt view after an idea is sent, counts one answer per device
 * (a reload shows "Du har svaret" with the answer, and changing it replaces it), and a scale
 * without end labels shows no dangling "1:" / "5:".
 */
const suite = appAndBrowser();
const SCALE: PollDraft = { type: 'scale', question: 'Hvor godt kender du visionen?', scaleMax: 5, inCall: true };
const SINGLE: PollDraft = { type: 'single', question: 'Hvor bor du?', options: [{ label: 'Ishøj Strand' }, { label: 'Vejleå' }, { label: 'Ishøj Landsby' }], inCall: true };

describe('the public call survey on a phone', () => {
  const count = async (lead: TestSocket, pollId: string) => (await ok(call<PollCount>(lead, 'poll:count', { pollId }))).answers;
  const question = (page: Page, poll: Poll) => page.locator(`[data-survey-poll="${poll.id}"]`);

  it('is pointed to, asked again after an idea, and stays answered once per device', { timeout: 120_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const phone = await newPhone(suite.browser);
    try {
      const publicCall = await ok(call<PublicCall>(lead, 'call:configure', { enabled: true, opensAt: null, closesAt: Date.now() + 7 * 86_400_000, moderation: 'pre' }));
      const scale = await ok(call<Poll>(lead, 'poll:create', { poll: SCALE }));
      const single = await ok(call<Poll>(lead, 'poll:create', { poll: SINGLE }));
      for (const poll of [scale, single]) await ok(call(lead, 'poll:open', { pollId: poll.id }));
      const { page } = phone;

      // Above the idea form: there are two questions further down, and the link goes there.
      await page.goto(`${suite.app.url}/c/${publicCall.callId}`);
      const pointer = page.getByText('Der er også 2 korte spørgsmål nederst på siden');
      await pointer.waitFor({ timeout: 15_000 });
      expect(await page.locator('form[data-survey="call"]').count()).toBe(1);
      // No end labels: the numbers stand alone, no "1:" or "5:" left dangling.
      expect(await question(page, scale).locator('.poll-scale__ends').count()).toBe(0);
      expect(await question(page, scale).innerText()).not.toMatch(/\d:/);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/call-survey-form-390.png`, fullPage: true });
      await page.locator('form[data-survey="call"]').screenshot({ path: `${ARTIFACTS}/call-survey-questions-390.png` });
      await page.getByRole('link', { name: 'Gå til spørgsmålene' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('survey-heading');

      // Send an idea: the receipt view asks the questions again.
      await page.getByLabel('Din idé').fill('Bænke og skygge ved stranden, så ældre kan holde pause.');
      await page.getByRole('button', { name: 'Send idéen' }).click();
      await page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor();
      const after = page.locator('form[data-survey="after-idea"]');
      await after.getByRole('heading', { name: 'Vil du også svare på 2 korte spørgsmål?' }).waitFor();
      expect(await after.locator('.poll-scale__ends').count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/call-survey-receipt-ask-390.png`, fullPage: true });
      await question(page, scale).locator('input[type="radio"]').nth(3).check();
      await question(page, single).getByLabel('Vejleå').check();
      await after.getByRole('button', { name: 'Send svar' }).click();
      await after.getByText('Tak! Dine svar er gemt.').waitFor();
      await question(page, scale).getByText('4 af 5').waitFor();
      expect(await question(page, single).innerText()).toContain('Du har svaret: Vejleå');
      expect(await after.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/call-survey-receipt-390.png`, fullPage: true });
      expect([await count(lead, scale.id), await count(lead, single.id)]).toEqual([1, 1]);

      // The reviewer's reload: the page says what this device answered instead of a blank form.
      await page.reload();
      await question(page, scale).getByText('Du har svaret:').waitFor({ timeout: 15_000 });
      expect(await question(page, scale).innerText()).toContain('4 af 5');
      expect(await question(page, single).innerText()).toContain('Vejleå');
      expect(await pointer.count()).toBe(0);
      await page.getByText('Du har svaret på alle spørgsmålene.').waitFor();
      await question(page, scale).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/call-survey-reload-390.png`, fullPage: true });

      // Changing the answer replaces it: still one answer from this device.
      await question(page, scale).getByRole('button', { name: 'Ret svar på «Hvor godt kender du visionen?»' }).click();
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
      expect(await question(page, scale).locator('input[type="radio"]:checked').getAttribute('value')).toBe('4');
      await question(page, scale).locator('input[type="radio"]').nth(1).check();
      await page.screenshot({ path: `${ARTIFACTS}/call-survey-change-390.png`, fullPage: true });
      await page.getByRole('button', { name: 'Send svar' }).click();
      await question(page, scale).getByText('2 af 5').waitFor();
      expect([await count(lead, scale.id), await count(lead, single.id)]).toEqual([1, 1]);
    } finally {
      await phone.context.close();
      lead.close();
    }
  });
});
