import { describe, expect, it } from 'vitest';
import { TestClient } from '../support/harness';
import { appAndBrowser, ARTIFACTS, createBoard, createSession, joinBoard, newDevice, waitForStatus, yjsSwitch } from './support';

describe('offline', () => {
  const suite = appAndBrowser();

  it('keeps an idea made offline on the device, over a reload, until the server has saved it', async () => {
    const board = await createBoard(suite.app.url, { template: 'citizens' });
    const { page, context } = await newDevice(suite.browser);

    // The Yjs socket goes through a switch: connected to the server, or refused at once.
    const network = await yjsSwitch(page);
    await joinBoard(page, board.links.participant, 'Olga');
    await network.off();

    const text = 'Idé skrevet i toget uden net';
    await page.getByLabel('Din idé').fill(text);
    await page.getByRole('button', { name: 'Tilføj idé' }).click();
    await waitForStatus(page, 'local');
    expect(await page.locator('[data-status]').innerText()).toContain('gemt på denne enhed');
    await page.screenshot({ path: `${ARTIFACTS}/offline-local.png` });

    // A reload while still offline: the idea comes back from IndexedDB, still unsaved.
    await page.reload();
    await page.locator('.note', { hasText: text }).waitFor();
    await waitForStatus(page, 'local');

    // Back online: y-websocket resends it, the server confirms it, and only then "saved".
    network.on();
    await waitForStatus(page, 'saved', 15_000);

    const other = await newDevice(suite.browser);
    await joinBoard(other.page, board.links.participant, 'Per');
    await other.page.locator('.note', { hasText: text }).waitFor();
    await Promise.all([context.close(), other.context.close()]);
  });

  // A session new on this device has no copy: it connects without waiting for IndexedDB (client/sync/board-sync.ts).
  it('connects at once on a first join, and after the device copy on a reload', async () => {
    const board = await createBoard(suite.app.url, { template: 'citizens' });
    const { page, context } = await newDevice(suite.browser);
    try {
      // Notes, in the page, whether this session's device copy had opened when each Yjs socket was made.
      await page.addInitScript(() => {
        const w = window as unknown as { copyOpen: boolean; copyOpenAtSocket: boolean[] };
        w.copyOpen = false;
        w.copyOpenAtSocket = [];
        const open = indexedDB.open.bind(indexedDB);
        indexedDB.open = (name: string, version?: number) => {
          const request = open(name, version);
          if (name.startsWith('samskab:')) request.addEventListener('success', () => (w.copyOpen = true));
          return request;
        };
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols);
            if (String(url).includes('/yjs/')) w.copyOpenAtSocket.push(w.copyOpen);
          }
        };
      });
      await joinBoard(page, board.links.participant, 'Ny på enheden');
      await waitForStatus(page, 'saved', 15_000);
      const seen = () => page.evaluate(() => (window as unknown as { copyOpenAtSocket: boolean[] }).copyOpenAtSocket);
      expect(await seen()).toEqual([false]);
      await page.reload();
      await waitForStatus(page, 'saved', 15_000);
      expect(await seen()).toEqual([true]);
    } finally {
      await context.close();
    }
  });

  // The device copy writes others' updates in an idle moment, not as they arrive (client/sync/device-copy.ts).
  it("keeps others' ideas and moves on the device too: an offline reload shows them", async () => {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const writer = new TestClient(suite.app.url.replace('http', 'ws'), board.boardId, await createSession(suite.app.url, board, 'participant', 'Skriver'));
    const { page, context } = await newDevice(suite.browser);
    try {
      await writer.synced();
      const network = await yjsSwitch(page);
      await joinBoard(page, board.links.participant, 'Olga');

      const early = writer.addIdea({ text: 'Fra en anden, før', position: 'a0' });
      await page.locator('.note', { hasText: early.text }).waitFor();
      // Right after it shows: a later remote change, then this person's own idea (its write comes first).
      const late = writer.addIdea({ text: 'Fra en anden, lige før', position: 'a1', phase: 2, principle: 3 });
      await page.locator('section[data-group="cell-2-3"] .note', { hasText: late.text }).waitFor();
      const own = 'Min egen, bagefter';
      await page.getByLabel('Din idé').fill(own);
      await page.getByRole('button', { name: 'Tilføj idé' }).click();
      await waitForStatus(page, 'saved', 15_000);

      await network.off();
      await page.reload();
      await page.locator('.note', { hasText: own }).waitFor();
      await page.locator('.note', { hasText: early.text }).waitFor();
      await page.locator('section[data-group="cell-2-3"] .note', { hasText: late.text }).waitFor();
    } finally {
      writer.destroy();
      await context.close();
    }
  });
});
