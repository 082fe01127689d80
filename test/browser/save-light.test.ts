import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { ideasMap, readIdeas } from '../../shared';
import { testConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { createStore } from '../../server/store/create-store';
import { TestClient, eventually, join } from '../support/harness';
import { addIdea, createBoard, joinBoard, launchBrowser, newDevice, startApp, waitForStatus } from './support';

/**
 * The save light tells the truth (issue 13): a change is "not yet saved" from the moment it
 * is made until the server's Saved covers it — offline, or online with a socket that takes
 * frames and delivers nothing — and it is kept on the device until then.
 */
describe('the save light', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  const watchers: TestClient[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const w of watchers) w.destroy();
    await browser?.close();
    await app?.close();
  });

  /** The server's view: an observer's synced document. */
  async function watch(board: Awaited<ReturnType<typeof createBoard>>): Promise<TestClient> {
    const watcher = new TestClient(app.url.replace('http', 'ws'), board.boardId, await join(app.url, board.boardId, board.tokens.observer));
    watchers.push(watcher);
    await watcher.synced();
    return watcher;
  }

  const copiesOf = (watcher: TestClient, text: string) => readIdeas(watcher.doc).filter((idea) => idea.text === text).length;

  /** What the page keeps in localStorage as not-yet-saved new ideas (client/sync/stored-ideas.ts). */
  const pendingBackup = (page: Page) =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('samskab.pending.'))
        .map((key) => localStorage.getItem(key) ?? '')
        .join('\n'),
    );

  it('offline: unsaved at once, kept over an offline reload (with a leave-page warning), saved exactly once back online', async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    const watcher = await watch(board);
    const { page, context } = await newDevice(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await joinBoard(page, board.links.participant, 'Olga');
    // The offline shell is in place (it is what a reload without network opens).
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && (await caches.match('/__shell')) !== undefined);

    // Chromium keeps the Yjs WebSocket open (stalled) when the network goes; socket.io notices.
    await context.setOffline(true);
    const text = 'Idé skrevet i toget uden net';
    await addIdea(page, text);
    await page.locator('[data-status]:not([data-status="saved"])').waitFor({ timeout: 2000 });
    await page.locator('.note', { hasText: text }).waitFor();
    expect(copiesOf(watcher, text)).toBe(0);
    expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('saved');

    // Leaving asks first; the reload, still offline, opens from the offline shell with the idea.
    const reloaded = await page.reload();
    expect(dialogs).toContain('beforeunload');
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.locator('.note', { hasText: text }).waitFor();
    expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('saved');
    expect(copiesOf(watcher, text)).toBe(0);

    await context.setOffline(false);
    await waitForStatus(page, 'saved', 20_000);
    await eventually(() => copiesOf(watcher, text) === 1, 10_000, 'the idea on the server');
    expect(copiesOf(watcher, text)).toBe(1);
    expect(await page.locator('.note', { hasText: text }).count()).toBe(1);
    // Nothing unsaved: leaving no longer asks.
    const before = dialogs.length;
    await page.reload();
    await waitForStatus(page, 'saved');
    expect(dialogs.length).toBe(before);
    await context.close();
  });

  it('says offline the moment the network goes, and the line under the idea field says sent only once the server has the idea', async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    const watcher = await watch(board);
    const { page, context } = await newDevice(browser);
    await joinBoard(page, board.links.participant, 'Lis');
    await waitForStatus(page, 'saved');

    // Nothing is pending, but the device cannot save anything now: not "all saved".
    await context.setOffline(true);
    await waitForStatus(page, 'offline', 2000);
    const text = 'Idé skrevet da nettet var væk';
    await addIdea(page, text);
    const line = page.locator('.composer__sent');
    await expect.poll(() => line.getAttribute('data-sent')).toBe('device');
    expect(await line.innerText()).toContain('Gemt på denne enhed');
    expect(await line.innerText()).not.toContain('Sendt');
    expect(copiesOf(watcher, text)).toBe(0);

    // Back online: the half-open socket is dropped at once, the idea goes out, the line says so.
    await context.setOffline(false);
    await expect.poll(() => line.getAttribute('data-sent'), { timeout: 15_000 }).toBe('sent');
    expect(await line.innerText()).toContain('Sendt');
    await eventually(() => copiesOf(watcher, text) === 1, 10_000, 'the idea on the server');
    await waitForStatus(page, 'saved');
    await context.close();
  });

  it('the server overrules a browser that says offline: a laptop without a network still reaches a server on localhost', async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    const watcher = await watch(board);
    const { page, context } = await newDevice(browser);
    await joinBoard(page, board.links.participant, 'Ib');
    // The browser's word alone (no network interface up), while the socket still works.
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await waitForStatus(page, 'offline', 2000);
    const text = 'Idé fra en bærbar uden net';
    await addIdea(page, text);
    // The server's Saved is the better witness: saved, and said so.
    await waitForStatus(page, 'saved');
    await expect.poll(() => page.locator('.composer__sent').getAttribute('data-sent')).toBe('sent');
    await eventually(() => copiesOf(watcher, text) === 1, 10_000, 'the idea on the server');
    await context.close();
  });

  it('a stalled Yjs socket: the idea is unsaved while the socket takes it and delivers nothing, saved once it does', async () => {
    const board = await createBoard(app.url, { template: 'citizens' });
    const watcher = await watch(board);
    const { page, context } = await newDevice(browser);

    // A proxy in the page's Yjs socket that, when stalled, holds what the page sends.
    let stalled = false;
    const held: Array<string | Buffer> = [];
    let toServer: WebSocketRoute | null = null;
    await page.routeWebSocket(/\/yjs\//, (ws) => {
      const server = ws.connectToServer();
      toServer = server;
      ws.onMessage((message) => (stalled ? held.push(message) : server.send(message)));
      server.onMessage((message) => ws.send(message));
    });
    await joinBoard(page, board.links.participant, 'Per');

    stalled = true;
    const text = 'Idé der sidder fast i en død forbindelse';
    await addIdea(page, text);
    await page.locator('[data-status]:not([data-status="saved"])').waitFor({ timeout: 2000 });
    await eventually(() => held.length > 0, 5000, 'the page sent the idea');
    expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('saved');
    expect(copiesOf(watcher, text)).toBe(0);
    // The backup of new ideas (given back if the server refuses the device copy) still has it.
    expect(await pendingBackup(page)).toContain(text);

    stalled = false;
    for (const message of held.splice(0)) toServer!.send(message);
    await waitForStatus(page, 'saved', 15_000);
    await eventually(() => copiesOf(watcher, text) === 1, 10_000, 'the idea on the server');
    expect(ideasMap(watcher.doc).size).toBeGreaterThan(0);
    // Saved covers it: the backup is let go.
    expect(await pendingBackup(page)).not.toContain(text);
    await context.close();
  });

  it('too many new ideas: the person is told, the idea stays unsaved on the device, and it is saved once the window has passed', async () => {
    // A server of its own with a tiny idea allowance, so the limit is met in a few clicks.
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-idea-limit-'));
    const store = await createStore({ dataDir });
    const server = await createServer({
      store,
      config: testConfig({ publicUrl: undefined, limits: { ideasPerSession: { points: 2, seconds: 3 } } }),
    });
    const { url } = await server.listen(0, '127.0.0.1');
    const { page, context } = await newDevice(browser);
    try {
      const board = await createBoard(url, { template: 'citizens' });
      const watcher = new TestClient(url.replace('http', 'ws'), board.boardId, await join(url, board.boardId, board.tokens.observer));
      watchers.push(watcher);
      await watcher.synced();
      await joinBoard(page, board.links.participant, 'Ane');
      for (const text of ['Første idé', 'Anden idé']) {
        await addIdea(page, text);
        await waitForStatus(page, 'saved');
      }
      const third = 'Tredje idé, én for mange';
      await addIdea(page, third);
      await page.getByRole('alert').getByText('For mange ændringer på kort tid. Vi prøver igen om lidt.').waitFor();
      await page.locator('.note', { hasText: third }).waitFor();
      expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('saved');
      expect(copiesOf(watcher, third)).toBe(0);

      // The client tries again by itself; once the window has passed the server takes it.
      await waitForStatus(page, 'saved', 20_000);
      await eventually(() => copiesOf(watcher, third) === 1, 10_000, 'the third idea on the server');
      expect(readIdeas(watcher.doc).map((idea) => idea.text).sort()).toEqual(['Anden idé', 'Første idé', third].sort());
    } finally {
      await context.close();
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
