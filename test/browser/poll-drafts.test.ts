import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateBoardResponse } from '../../shared';
import { ARTIFACTS, createBoard, joinBoard, launchBrowser, newDevice, newPhone, openDockTab, startApp } from './support';

/**
 * Draft polls in the facilitator's panel: a draft is the facilitator's preparation, in no
 * participant's copy. Two facilitators' laptops see the same drafts (a draft made in one
 * appears in the other); a phone sees the poll only once it opens.
 */
describe('draft polls in the facilitator panel', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let board: CreateBoardResponse;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    board = await createBoard(app.url, { template: 'kickoff' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const item = (page: Page, question: string) => page.locator('[data-poll-item]', { has: page.getByRole('heading', { name: question }) });

  it('lists the drafts for every facilitator and shows a poll on the phone only once it opens', { timeout: 120_000 }, async () => {
    const lead = await newDevice(browser, 1366, 768);
    const coLead = await newDevice(browser, 1366, 768);
    const phone = await newPhone(browser);
    try {
      await joinBoard(lead.page, board.links.facilitator, 'Mette');
      await joinBoard(coLead.page, board.links.facilitator, 'Jonas');
      await joinBoard(phone.page, board.links.participant, 'Ane');
      // The kick-off template's two polls are drafts, listed for both facilitators.
      for (const page of [lead.page, coLead.page]) {
        await openDockTab(page, 'Afstemninger');
        await item(page, 'Hvor godt kender du visionen?').waitFor({ timeout: 15_000 });
        expect(await item(page, 'Hvad kan jeres råd bidrage med?').getAttribute('data-poll-state')).toBe('draft');
      }

      const question = 'Hvad skal vi fejre i Ishøj i 2035?';
      await lead.page.getByRole('button', { name: 'Ny afstemning…' }).click();
      const editor = lead.page.getByRole('form', { name: 'Ny afstemning' });
      await editor.getByLabel('Spørgsmål', { exact: true }).fill(question);
      await editor.getByLabel('Type').selectOption('text');
      await editor.getByLabel('Spørg også i den offentlige indkaldelse (højst 10)').check();
      await editor.getByRole('button', { name: 'Gem' }).click();
      // The new draft is brought into view with focus on it, not added out of sight.
      await expect.poll(() => lead.page.evaluate(() => document.activeElement?.closest('[data-poll-item]')?.querySelector('h3')?.textContent)).toBe(question);
      await expect.poll(() => item(lead.page, question).evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight + 1)).toBe(true);
      // Made on one laptop, it appears on the other as a draft.
      await item(coLead.page, question).waitFor({ timeout: 10_000 });
      expect(await item(coLead.page, question).getAttribute('data-poll-state')).toBe('draft');
      // A draft is asked nowhere yet: it is for the call once opened, not "in the call".
      expect(await item(lead.page, question).locator('.poll-badge').allInnerTexts()).toContain('Til indkaldelsen, når den åbnes');
      await lead.page.screenshot({ path: `${ARTIFACTS}/poll-drafts-laptop.png` });

      // The phone has nothing of it, not even in the page's markup.
      expect(await phone.page.content()).not.toContain(question);

      await item(coLead.page, question).getByRole('button', { name: 'Åbn' }).click();
      for (const page of [lead.page, coLead.page]) {
        await expect.poll(() => item(page, question).getAttribute('data-poll-state'), { timeout: 10_000 }).toBe('open');
      }
      await phone.page.locator('[data-poll-card]', { hasText: question }).waitFor({ timeout: 10_000 });
      expect(await item(lead.page, question).locator('.poll-badge').allInnerTexts()).toContain('I indkaldelsen');
      await phone.page.screenshot({ path: `${ARTIFACTS}/poll-drafts-phone.png` });
      // One poll of each id in the list: the draft left as the poll arrived.
      expect(await item(lead.page, question).count()).toBe(1);
    } finally {
      await Promise.all([lead.context.close(), coLead.context.close(), phone.context.close()]);
    }
  });
});
