import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, createBoard, joinBoard, newDevice, newPhone } from './support';

/**
 * One headcount on every screen: the people in the room are the participants, each once.
 * A facilitator is listed but not counted, and the projector is not a person at all; the
 * phone, the facilitator's header, the console and the wall show the same number.
 */
describe('presence count', () => {
  const suite = appAndBrowser();

  it('is the same on a phone, on the facilitator’s laptop and on the projector', { timeout: 90_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser, 1366, 768);
    await joinBoard(fac.page, board.links.facilitator, 'Fie');
    const projector = await newDevice(suite.browser, 1920, 1080);
    await projector.page.goto(board.links.observer);
    const phones = [await newPhone(suite.browser), await newPhone(suite.browser)];
    await joinBoard(phones[0]!.page, board.links.participant, 'Ane');
    await joinBoard(phones[1]!.page, board.links.participant, null);

    const counts = async () => ({
      phone: await phones[0]!.page.locator('.presence__button').getAttribute('data-present-count'),
      otherPhone: await phones[1]!.page.locator('.presence__button').getAttribute('data-present-count'),
      facilitator: await fac.page.locator('.presence__button').getAttribute('data-present-count'),
      projector: await projector.page.locator('[data-present]').getAttribute('data-present'),
    });
    await expect.poll(counts, { timeout: 15_000 }).toEqual({ phone: '2', otherPhone: '2', facilitator: '2', projector: '2' });
    // What people read says the same number: on a phone the number beside the people icon, its words read out.
    for (const page of [phones[0]!.page, fac.page]) {
      expect(await page.getByRole('button', { name: '2 til stede', exact: true }).count()).toBe(1);
      expect(await page.locator('.presence__button').innerText()).toMatch(/^2\b/);
    }
    const wordWidth = (page: Page) => page.locator('.presence__word').evaluate((el) => el.getBoundingClientRect().width);
    expect(await wordWidth(phones[0]!.page)).toBeLessThanOrEqual(1);
    expect(await wordWidth(fac.page)).toBeGreaterThan(20);
    expect(await projector.page.locator('[data-present]').innerText()).toBe('2 deltagere til stede');
    expect(await fac.page.locator('.console-card--room h4', { hasText: 'til stede' }).innerText()).toBe('2 deltagere til stede');
    // The console lists the projector too (and other facilitators), and says it is not in the number.
    const screenRow = fac.page.locator('.console-card--room .people__person', { hasText: 'Skærm' });
    await expect.poll(() => screenRow.innerText()).toBe('Skærm\ntælles ikke med');

    // The phone's list names the facilitator, not the screen, and says what the number counts.
    const phone = phones[0]!.page;
    await phone.locator('.presence__button').click();
    await expect.poll(() => phone.locator('.presence__person').allInnerTexts()).toEqual(['Ane (dig)\nDeltager', 'Anonym\nDeltager', 'Fie\nFacilitator']);
    expect(await phone.locator('.presence__rule').innerText()).toContain('ikke facilitatorer og skærme');

    // Someone leaves: every screen counts one fewer.
    await phones[1]!.context.close();
    const remaining = async () => [
      await phone.locator('.presence__button').getAttribute('data-present-count'),
      await fac.page.locator('.presence__button').getAttribute('data-present-count'),
      await projector.page.locator('[data-present]').getAttribute('data-present'),
    ];
    await expect.poll(remaining, { timeout: 40_000 }).toEqual(['1', '1', '1']);
  });
});
