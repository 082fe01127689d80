import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createBoard, joinBoard, launchBrowser, startApp } from './support';

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/**
 * Idea text and names are data, never markup: HTML and script payloads render as the
 * literal text on the board and on the projector, with the app's own CSP in force.
 */
describe('hostile text renders inert', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A device with the server's Content-Security-Policy in force (no bypass). */
  async function strictPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    return context.newPage();
  }

  async function pwned(page: Page): Promise<unknown> {
    return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  }

  it('on the board and on the projector', async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const author = await strictPage();
    await joinBoard(author, board.links.participant, '<b onmouseover=alert(1)>Mallory</b>');
    await author.getByLabel('Din idé').fill(PAYLOAD);
    await author.getByRole('button', { name: 'Tilføj idé' }).click();
    await author.locator('.note', { hasText: 'window.__pwned' }).waitFor();

    const projector = await strictPage();
    await projector.goto(board.links.observer);
    await projector.getByText(PAYLOAD).first().waitFor();

    for (const page of [author, projector]) {
      expect(await pwned(page)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('b[onmouseover]').count()).toBe(0);
    }
    expect(await author.getByText('<b onmouseover=alert(1)>Mallory</b>').count()).toBeGreaterThan(0);
  });
});
