import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addIdea, appAndBrowser, ARTIFACTS, createBoard, joinBoard, newDevice, newPhone, waitForStatus } from './support';

/**
 * Records, for every socket the page opens, whether the board (or the projector's wall) was
 * already drawn when it was created: the board's socket should be on its way while React
 * draws the board, not after.
 */
const RECORD_SOCKETS = `
window.__sockets = [];
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  constructor(url, protocols) {
    super(url, protocols);
    const drawn = document.querySelector('.board-top, .projector__title') !== null;
    window.__sockets.push({ url: String(url), drawn });
  }
};
`;

interface SocketRecord {
  url: string;
  drawn: boolean;
}
const socketsOf = (page: Page) => page.evaluate(() => (window as unknown as { __sockets: SocketRecord[] }).__sockets);

/** Every request the page makes to the server's API, as method and path. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) seen.push(`${request.method()} ${pathname}`);
  });
  return seen;
}

describe('the sockets of a join', () => {
  const suite = appAndBrowser();

  /** A kick-off board whose facilitator's laptop shows its join code, as in the room. */
  async function boardWithCode() {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser);
    await joinBoard(fac.page, board.links.facilitator, 'Fie');
    const code = (await fac.page.locator('[data-join-code]').first().getAttribute('data-join-code'))!;
    return { board, fac, code };
  }

  it('opens the board socket as soon as the session arrives, and does not check a session it was just given', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const { page, context } = await newDevice(suite.browser);
    await page.addInitScript(RECORD_SOCKETS);
    const requests = recordRequests(page);

    await page.goto(board.links.participant);
    await page.getByLabel('Dit navn').fill('Ida');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await waitForStatus(page, 'saved');

    const yjs = (await socketsOf(page)).filter((s) => s.url.includes('/yjs/'));
    expect(yjs).toHaveLength(1);
    expect(yjs[0]!.drawn).toBe(false);
    // The session the server has just issued is not checked again in the middle of the load.
    expect(requests.filter((r) => r.startsWith('GET ') && r.endsWith('/session'))).toEqual([]);
    expect(requests.filter((r) => r.startsWith('POST ') && r.endsWith('/sessions'))).toHaveLength(1);

    // A stored session (the board opened again later) is still checked in the background.
    await page.reload();
    await waitForStatus(page, 'saved');
    await expect.poll(() => requests.filter((r) => r.startsWith('GET ') && r.endsWith('/session')).length).toBe(1);
    await context.close();
  });

  it("starts the projector's socket before its wall is drawn", async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const writer = await newDevice(suite.browser);
    await joinBoard(writer.page, board.links.participant, 'Ida');
    await addIdea(writer.page, 'Bænke ved stranden');
    await waitForStatus(writer.page, 'saved');

    const { page, context } = await newDevice(suite.browser, 1920, 1080);
    await page.addInitScript(RECORD_SOCKETS);
    await page.goto(board.links.observer);
    await page.locator('.note', { hasText: 'Bænke ved stranden' }).waitFor();
    const yjs = (await socketsOf(page)).filter((s) => s.url.includes('/yjs/'));
    expect(yjs).toHaveLength(1);
    expect(yjs[0]!.drawn).toBe(false);
    await Promise.all([writer.context.close(), context.close()]);
  });

  it('goes from a join code to its board without loading the page again, and back', async () => {
    const { board, fac, code } = await boardWithCode();

    const { page, context } = await newPhone(suite.browser);
    await page.addInitScript(RECORD_SOCKETS);
    await page.goto(`${suite.app.url}/join/${code}`);
    await page.getByLabel('Dit navn').fill('Per');
    // Gone if the page loads again.
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await waitForStatus(page, 'saved');
    expect(new URL(page.url()).pathname).toBe(`/b/${board.boardId}`);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    const yjs = (await socketsOf(page)).filter((s) => s.url.includes('/yjs/'));
    expect(yjs).toHaveLength(1);
    expect(yjs[0]!.drawn).toBe(false);
    await fac.page.locator('.people__person', { hasText: 'Per' }).waitFor();
    // A screen reader hears where the person landed: the board's heading has focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.screenshot({ path: `${ARTIFACTS}/join-code-board-phone.png` });

    // Back: the join page says this phone is already in; forward again: the board.
    await page.goBack();
    await page.getByText('Du er allerede med som Per på denne enhed.').waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await waitForStatus(page, 'saved');
    await Promise.all([fac.context.close(), context.close()]);
  });

  it("reaches the board after a code join even when the board's code failed to load while the person typed", async () => {
    const { board, fac, code } = await boardWithCode();

    const { page, context } = await newPhone(suite.browser);
    // The board's code fails to load while the person types (a new version went out, or the
    // network dropped), and stays unavailable to this document until a page load. The join
    // then shows the board in place if the browser gets the code after all, or loads its page.
    let blocked = true;
    const failed: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && new URL(request.url()).pathname.startsWith('/b/')) blocked = false;
    });
    await page.route(/\/assets\/BoardPage-[^/]*\.js$/, (route) => {
      if (!blocked) return void route.continue();
      failed.push(route.request().url());
      return void route.abort();
    });
    await page.goto(`${suite.app.url}/join/${code}`);
    await page.getByLabel('Dit navn').fill('Per');
    await expect.poll(() => failed.length).toBe(1);
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await waitForStatus(page, 'saved');
    expect(new URL(page.url()).pathname).toBe(`/b/${board.boardId}`);
    await fac.page.locator('.people__person', { hasText: 'Per' }).waitFor();
    await Promise.all([fac.context.close(), context.close()]);
  });

  it('shows "no such board" when the board socket is refused for a board that is gone, however early', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const { page, context } = await newDevice(suite.browser);
    // The server's answer for a deleted board, given before the page can have drawn anything.
    await page.routeWebSocket(/\/yjs\//, (ws) => void ws.close({ code: 4404, reason: 'BOARD_NOT_FOUND' }));
    await page.goto(board.links.participant);
    await page.getByLabel('Dit navn').fill('Ida');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tavlen findes ikke' }).waitFor();
    await context.close();
  });
});
