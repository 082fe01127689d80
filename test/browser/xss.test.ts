import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io as ioClient } from 'socket.io-client';
import { PROTOCOL_VERSION, randomId, type Ack, type ContributionReceipt, type SessionResponse } from '../../shared';
import { createBoard, createSession, joinBoard, launchBrowser, openDockTab, startApp } from './support';

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

  it('in comments, the moderation queue and the receipt page', { timeout: 60_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const session = (role: 'facilitator' | 'participant', displayName: string) => createSession(app.url, board, role, displayName);
    const connect = async (s: SessionResponse) => {
      const socket = ioClient(app.url, { auth: { session: s.sessionToken, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    };
    const lead = await connect(await session('facilitator', 'Lead'));
    const mallory = await connect(await session('participant', '<b onmouseover=alert(1)>Mallory</b>'));
    const call = (await lead.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' })) as Ack<{ callId: string }>;
    if (!call.ok) throw new Error(call.error.code);

    // A contribution (to the queue, and its receipt page) and a comment, all with the payload.
    const sent = await fetch(`${app.url}/api/calls/${call.data.callId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomId(16), text: PAYLOAD, name: '<img src=x onerror="window.__pwned=2">' }),
    });
    const receipt = ((await sent.json()) as Ack<ContributionReceipt>) as { ok: true; data: ContributionReceipt };

    const page = await strictPage();
    await joinBoard(page, board.links.facilitator, 'Lead');
    const authorPage = await strictPage();
    await joinBoard(authorPage, board.links.participant, 'Ane');
    await authorPage.getByLabel('Din idé').fill('En helt almindelig idé');
    await authorPage.getByRole('button', { name: 'Tilføj idé' }).click();
    const note = page.locator('.note', { hasText: 'En helt almindelig idé' });
    await note.waitFor();
    const ideaId = await note.getAttribute('data-idea');
    const commentId = randomId(16);
    const commented = (await mallory.emitWithAck('comment:add', { id: commentId, ideaId, text: PAYLOAD })) as Ack<unknown>;
    expect(commented.ok).toBe(true);
    // The board is pre-moderated: the comment shows once approved.
    const approved = (await lead.emitWithAck('moderation:decide', { itemIds: [commentId], decision: 'approve' })) as Ack<unknown>;
    expect(approved.ok).toBe(true);

    await note.getByRole('button', { name: /kommentar/ }).click();
    await note.getByText(PAYLOAD).first().waitFor();
    await openDockTab(page, 'Moderation');
    await page.locator('[data-queue-item][data-kind="contribution"]', { hasText: 'window.__pwned' }).waitFor();
    const receiptPage = await strictPage();
    await receiptPage.goto(`${app.url}/r/${receipt.data.receipt}`);
    await receiptPage.getByText(PAYLOAD).first().waitFor();

    for (const p of [page, receiptPage]) {
      expect(await pwned(p)).toBeUndefined();
      expect(await p.locator('img[src="x"]').count()).toBe(0);
      expect(await p.locator('b[onmouseover]').count()).toBe(0);
    }
    lead.close();
    mallory.close();
  });
});
