import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { randomId, type Ack, type ContributionReceipt, type PublicCall } from '../../shared';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, openDockTab, startApp } from './support';

/** The facilitator's "Persondata" tab (issue 16): find a contributor by e-mail, export, delete with a confirmation. */
describe('personal data in the moderation area', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let socket: TestSocket;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    socket?.close();
    await browser?.close();
    await app?.close();
  });

  it('finds a contributor by e-mail, exports everything, and deletes it after a confirmation', { timeout: 90_000 }, async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    socket = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    const publicCall = await ok(call<PublicCall>(socket, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }));
    const res = await fetch(`${app.url}/api/calls/${publicCall.callId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Samskab-Device': 'browser-test-device' },
      body: JSON.stringify({ id: randomId(), text: 'Flere bænke ved søen', email: 'borger@example.dk', consent: true }),
    });
    expect(((await res.json()) as Ack<ContributionReceipt>).ok).toBe(true);

    const { context, page } = await newDevice(browser, 1366, 900);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      await openDockTab(page, 'Moderation');
      await page.getByRole('tab', { name: 'Persondata' }).click();
      await page.getByLabel('Find ud fra').selectOption('email');
      await page.getByLabel('Værdi').fill('borger@example.dk');
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByText(/Idéer: 1 ·/).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Hent som JSON' }).click();
      const file = await download;
      const exported = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as unknown;
      expect(JSON.stringify(exported)).toContain('borger@example.dk');
      expect(JSON.stringify(exported)).toContain('Flere bænke ved søen');

      await page.getByRole('button', { name: 'Slet alt om personen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, slet alt');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/personal-data-1366.png` });
      await page.getByRole('button', { name: 'Ja, slet alt' }).click();
      await page.getByText('Slettet – idéer: 1, kommentarer: 0, reaktioner: 0, stemmer: 0.').waitFor();
      // Found again, nobody is there.
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.locator('.gdpr-panel [role="alert"]').waitFor();
      // The log says what went, in words (it showed the server's field names: ideas, emails, sessions).
      await page.getByRole('tab', { name: 'Log' }).click();
      const deletion = page.locator('[data-audit-action="person.delete"]');
      await deletion.waitFor();
      const said = await deletion.innerText();
      expect(said).toMatch(/Idéer:?\s*1/);
      expect(said).toContain('E-mailadresser');
      expect(said).not.toMatch(/\b(ideas|emails|sessions)\b/);
    } finally {
      await context.close();
    }
  });
});
