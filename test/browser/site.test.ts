import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PublicCall, QueueResult } from '../../shared';
import { embedSnippet } from '../../client/embed/snippet';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, launchBrowser, newDevice, newPhone, startApp } from './support';

/**
 * What a municipality's site needs around the board (issue 16): the accessibility
 * statement, the call page opening with no connection once loaded, and a call embedded
 * in the municipality's own page, from there only.
 */

/** A tiny site on its own port (its own origin) serving one page. */
async function otherSite(html: () => string): Promise<{ origin: string; server: Server }> {
  const server = createHttpServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(html());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the site around the board', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let allowed: { origin: string; server: Server };
  let stranger: { origin: string; server: Server };
  let callId = '';
  let facilitator: TestSocket;

  beforeAll(async () => {
    const page = (origin: () => string) => () =>
      `<!doctype html><html lang="da"><head><title>Ishøj Kommune</title></head><body><h1>Vision 2035</h1>${embedSnippet(origin(), callId, 'Idéer til Vision 2035')}</body></html>`;
    let appOrigin = '';
    allowed = await otherSite(page(() => appOrigin));
    stranger = await otherSite(page(() => appOrigin));
    [app, browser] = await Promise.all([
      startApp({ embedOrigins: [allowed.origin], accessibilityContact: 'digitalisering@ishoj.dk' }),
      launchBrowser(),
    ]);
    appOrigin = new URL(app.url).origin;
    const board = await createBoard(app.url, { template: 'citizens' });
    facilitator = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    const opened = await ok(call<PublicCall>(facilitator, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }));
    callId = opened.callId!;
  });

  afterAll(async () => {
    facilitator?.close();
    await browser?.close();
    await app?.close();
    allowed?.server.close();
    stranger?.server.close();
  });

  it('publishes an accessibility statement, linked from every page, in Danish and English', { timeout: 60_000 }, async () => {
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
    ] as const) {
      const { context, page } = await newDevice(browser, width, height);
      try {
        await page.goto(`${app.url}/`);
        await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
        await page.getByRole('heading', { level: 1, name: 'Tilgængelighedserklæring for Samskab' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/tilgaengelighed');
        for (const section of ['Hvilken lov vi følger', 'Overensstemmelse', 'Det kontrollerer vi', 'Det ved vi ikke er i orden', 'Sådan melder du et problem', 'Hvornår erklæringen er lavet']) {
          await page.getByRole('heading', { level: 2, name: section }).waitFor();
        }
        await expect.poll(() => page.locator('[data-contact]').innerText()).toContain('digitalisering@ishoj.dk');
        expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}/statement-${width}.png`, fullPage: true });
        await page.getByRole('link', { name: 'This statement in English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Accessibility statement for Samskab' }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('opens the call page with no connection once loaded, and sends what was written there once', { timeout: 90_000 }, async () => {
    const { context, page } = await newPhone(browser);
    try {
      await page.goto(`${app.url}/c/${callId}`);
      await page.getByLabel(/Din idé/).first().waitFor();
      // The offline shell is installed and in charge of this page (it claims it at once).
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
      // … and has kept the call itself (fetched again through it).
      await page.waitForFunction(async () => (await caches.keys()).includes('samskab-public-api') && (await (await caches.open('samskab-public-api')).keys()).length > 0, null, { timeout: 15_000 });

      await context.setOffline(true);
      await page.reload();
      const field = page.getByLabel(/Din idé/).first();
      await field.waitFor({ timeout: 15_000 });
      const text = `Skrevet uden net ${Date.now()}`;
      await field.fill(text);
      await page.getByRole('button', { name: /Send/ }).first().click();
      await page.screenshot({ path: `${ARTIFACTS}/call-offline-390.png` });

      await context.setOffline(false);
      // It arrives in the moderation queue exactly once.
      await expect
        .poll(async () => (await ok(call<QueueResult>(facilitator, 'moderation:queue', { state: 'all' }))).items.filter((item) => item.kind === 'contribution' && item.idea.text === text).length, { timeout: 30_000 })
        .toBe(1);
      await page.waitForTimeout(500);
      expect((await ok(call<QueueResult>(facilitator, 'moderation:queue', { state: 'all' }))).items.filter((item) => item.kind === 'contribution' && item.idea.text === text).length).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('lets the municipality\u2019s site embed the call, and no other site', { timeout: 60_000 }, async () => {
    const { context, page } = await newDevice(browser, 1366, 900);
    try {
      await page.goto(`${allowed.origin}/`);
      const frame = page.frameLocator('iframe');
      await frame.getByLabel(/Din idé/).first().waitFor({ timeout: 15_000 });
      // Embedded: no site banner link to Samskab's start page; the frame grows with the form.
      expect(await frame.locator('.brand').count()).toBe(0);
      await expect.poll(async () => Number.parseInt(await page.locator('iframe').evaluate((el) => (el as HTMLIFrameElement).style.height || '0'), 10)).toBeGreaterThan(640);
      await page.screenshot({ path: `${ARTIFACTS}/embed-allowed-1366.png` });

      const refused: string[] = [];
      page.on('console', (message) => refused.push(message.text()));
      await page.goto(`${stranger.origin}/`);
      await page.waitForTimeout(2000);
      expect(await page.frameLocator('iframe').locator('textarea').count()).toBe(0);
      expect(refused.join('\n')).toMatch(/frame-ancestors/);
    } finally {
      await context.close();
    }
  });
});

