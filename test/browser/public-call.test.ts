import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, axeViolations, createBoard, joinBoard, launchBrowser, newDevice, openDockTab, startApp } from './support';

/**
 * The public call end to end, as the issue tells it: a citizen on a phone sends an idea
 * through the public link; it is on nobody's screen until a facilitator approves it in the
 * queue; then the projector shows it. The parts are tested in depth in call.test.ts and
 * moderation.test.ts; this is the whole path through three real browsers.
 */
describe('a public call from a citizen\u2019s phone to the projector', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('submits on a phone, waits for approval, and reaches the projector', { timeout: 120_000 }, async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    const facilitator = await newDevice(browser, 1280, 900);
    const projector = await newDevice(browser, 1600, 900);
    const phone = await newDevice(browser, 320, 640);
    try {
      const page = facilitator.page;
      await joinBoard(page, board.links.facilitator, 'Mette');
      await projector.page.goto(board.links.observer);

      // The facilitator opens a pre-moderated call.
      await openDockTab(page, 'Moderation');
      await page.getByRole('tab', { name: 'Indkaldelse' }).click();
      await page.locator('.mod-call-form').getByLabel('Forhåndsmoderation').check();
      await page.getByRole('button', { name: 'Opret offentligt link' }).click();
      const callUrl = (await page.locator('[data-call-url]').getAttribute('data-call-url'))!;
      await page.getByRole('tab', { name: /^Kø/ }).click();

      // A citizen sends an idea from a 320 px phone.
      const text = 'Vandleg for børn ved Ishøj Strand';
      await phone.page.goto(callUrl);
      await phone.page.getByRole('textbox', { name: 'Din idé' }).fill(text);
      await phone.page.getByRole('button', { name: 'Send idéen' }).click();
      await phone.page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor();
      const receipt = await phone.page.getByTestId('receipt-code').innerText();
      expect(receipt.trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      // On one line on the phone, to be copied down as it stands (it broke after the second group).
      const lines = await phone.page.getByTestId('receipt-code').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight || '0'));
      expect(lines).toBeLessThan(1.5);
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${ARTIFACTS}/public-call-sent-320.png`, fullPage: true });

      // Waiting in the queue, on no board yet.
      const card = page.locator('[data-queue-item]', { hasText: text });
      await card.waitFor();
      await projector.page.waitForTimeout(300);
      expect(await projector.page.getByText(text).count()).toBe(0);
      expect(await page.locator('.note', { hasText: text }).count()).toBe(0);

      // Approved: the projector shows it, and the citizen's receipt says published.
      await card.getByRole('button', { name: 'Godkend', exact: true }).click();
      await projector.page.getByText(text).first().waitFor({ timeout: 10_000 });
      await page.locator('.note', { hasText: text }).waitFor();
      await projector.page.screenshot({ path: `${ARTIFACTS}/public-call-projector.png` });
      const status = (await (await fetch(`${app.url}/api/receipts/${receipt.trim()}`)).json()) as { ok: boolean; data: { state: string } };
      expect(status.data.state).toBe('published');
    } finally {
      await Promise.all([facilitator.context.close(), projector.context.close(), phone.context.close()]);
    }
  });
});
