import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io as ioClient, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  randomId,
  type Ack,
  type ClientToServerEvents,
  type ContributionReceipt,
  type ContributionRequest,
  type CreateBoardResponse,
  type ReceiptView,
  type Role,
  type ServerToClientEvents,
  type SessionResponse,
} from '../../shared';
import { ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, openDockTab, startApp } from './support';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The facilitator's moderation area: opening the public call, the live queue with its
 * badge, edit-before-approve, rejecting with a reason, a participant's report, a decision
 * taken first by another facilitator, and the audit log with its CSV export.
 */
describe('moderation (facilitator)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  const closers: (() => Promise<unknown> | void)[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const session = (board: CreateBoardResponse, role: Role, displayName: string) => createSession(app.url, board, role, displayName);

  async function socketFor(s: SessionResponse): Promise<ClientSocket> {
    const socket: ClientSocket = ioClient(app.url, {
      auth: { session: s.sessionToken, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    closers.push(() => void socket.close());
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  async function contribute(callId: string, body: Partial<ContributionRequest> & { text: string }): Promise<ContributionReceipt> {
    const res = await fetch(`${app.url}/api/calls/${callId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Samskab-Device': 'browser-test-device' },
      body: JSON.stringify({ id: randomId(), ...body }),
    });
    const ack = (await res.json()) as Ack<ContributionReceipt>;
    if (!ack.ok) throw new Error(`contribute: ${ack.error.code}`);
    expect(res.status).toBe(201);
    return ack.data;
  }

  const area = (page: Page) => page.locator('[data-moderation]');
  const badge = (page: Page) => area(page).locator('.moderation__heading [data-pending]');
  const queueItem = (page: Page, text: string) => page.locator('[data-queue-item]', { hasText: text });

  it('runs a public call from opening to the audit log', { timeout: 120_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const fac = await newDevice(browser, 1280, 900);
    closers.push(() => fac.context.close());
    const page = fac.page;
    await joinBoard(page, board.links.facilitator, 'Mette');

    // Behind its tab, the area keeps the count and the call's status; the tab names no count while nothing waits.
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('0');
    await expect.poll(() => area(page).locator('[data-call-chip]').getAttribute('data-call-chip')).toBe('none');
    expect(await page.getByRole('tab', { name: 'Moderation', exact: true }).count()).toBe(1);
    await openDockTab(page, 'Moderation');
    // In the narrow dock the four tabs are one strip (they wrapped to two rows), "Kø" read out with "Ingen venter".
    const subTabs = page.getByRole('tablist', { name: 'Moderation', exact: true }).getByRole('tab');
    await expect.poll(() => subTabs.count()).toBe(4);
    const tops = await subTabs.evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
    expect(new Set(tops).size, `tab tops ${tops.join(', ')}`).toBe(1);
    expect(await subTabs.first().getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Kø Ingen venter' }).waitFor();
    await page.getByRole('tab', { name: 'Indkaldelse' }).click();

    // Open the call: pre-moderated, closing in a week (typed as Copenhagen time).
    const form = page.locator('.mod-call-form');
    await form.getByLabel('Forhåndsmoderation').check();
    await form.getByLabel('Lukker').fill('2099-12-24T12:00');
    await page.getByRole('button', { name: 'Opret offentligt link' }).click();
    const urlInput = page.locator('[data-call-url]');
    await urlInput.waitFor();
    const callUrl = (await urlInput.getAttribute('data-call-url'))!;
    expect(callUrl).toMatch(new RegExp(`^${app.url}/c/[A-Za-z0-9_-]+$`));
    const callId = callUrl.split('/c/')[1]!;
    await expect.poll(() => page.locator('[data-call-status]').getAttribute('data-call-status')).toBe('open');
    await expect.poll(() => page.locator('[data-call-status]').innerText()).toContain('24. dec. 2099, 12.00');
    expect(await page.locator('.mod-call-link__qr').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/moderation-call-1280.png`, fullPage: true });

    // A contribution arrives through the public link while the facilitator looks at the queue.
    await page.getByRole('tab', { name: /^Kø/ }).click();
    const first = await contribute(callId, {
      text: 'Bænke ved søen',
      contributorType: 'association',
      organisation: 'Ishøj Idrætsforening',
      name: 'Lars',
      email: 'lars@example.dk',
      consent: true,
      phase: 1,
    });
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('1');
    const firstCard = queueItem(page, 'Bænke ved søen');
    await firstCard.waitFor();
    expect(await firstCard.innerText()).toContain('Lars · Forening · Ishøj Idrætsforening');
    expect(await firstCard.innerText()).toContain(first.receipt);
    expect(await page.content()).not.toContain('lars@example.dk');
    // Nothing pending is on the board.
    expect(await page.locator('.note', { hasText: 'Bænke ved søen' }).count()).toBe(0);
    await expect.poll(() => page.locator('div.sr-only[aria-live="polite"][aria-atomic="true"]').innerText()).toContain('Nyt i moderationskøen');
    expect(await axeViolations(page)).toEqual([]);

    // Edit before approving: better wording, the focus question, phase 2.
    const focusText = await page.locator('.focus-question__text').first().innerText();
    await firstCard.getByRole('button', { name: 'Ret og godkend' }).click();
    await firstCard.getByLabel('Idéens tekst').fill('Bænke og skygge ved Ishøj Sø');
    await firstCard.getByLabel('Spørgsmål').selectOption({ label: focusText });
    await firstCard.getByLabel('Fase').selectOption('2');
    expect(await axeViolations(page)).toEqual([]);
    await area(page).screenshot({ path: `${ARTIFACTS}/moderation-edit-1280.png` });
    await firstCard.getByRole('button', { name: 'Godkend med rettelser' }).click();
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('0');
    await page.locator('.mod-feedback', { hasText: '1 godkendt.' }).waitFor();
    const note = page.locator('.note', { hasText: 'Bænke og skygge ved Ishøj Sø' });
    await note.waitFor();
    const ideaId = await note.getAttribute('data-idea');
    expect(ideaId).toBeTruthy();

    // A second one is rejected as spam; the contributor's receipt says why.
    const second = await contribute(callId, { text: 'Køb billige solbriller her', contributorType: 'other' });
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('1');
    const secondCard = queueItem(page, 'Køb billige solbriller');
    await secondCard.getByRole('button', { name: 'Afvis' }).click();
    await secondCard.getByRole('button', { name: 'Afvis' }).click();
    await secondCard.getByText('Vælg en grund fra listen.').waitFor();
    await secondCard.getByLabel('Grund').selectOption('spam');
    await secondCard.getByRole('button', { name: 'Afvis' }).click();
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('0');
    // The card is gone; focus lands on the queue's heading rather than on nothing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Moderationskø');
    const receipt = (await (await fetch(`${app.url}/api/receipts/${second.receipt}`)).json()) as Ack<ReceiptView>;
    expect(receipt.ok && receipt.data.state).toBe('not-published');
    expect(receipt.ok && receipt.data.reason).toBe('spam');

    // A participant reports the published idea; the facilitator dismisses the report.
    const participant = await socketFor(await session(board, 'participant', 'Ane'));
    const reported = await participant.emitWithAck('report:create', { target: { kind: 'idea', id: ideaId! }, reason: 'offensive' });
    expect(reported.ok).toBe(true);
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('1');
    const reportCard = page.locator('[data-queue-item][data-kind="report"]');
    await reportCard.waitFor();
    expect(await reportCard.innerText()).toContain('Bænke og skygge ved Ishøj Sø');
    expect(await reportCard.innerText()).toContain('Krænkende eller stødende');
    expect(await axeViolations(page)).toEqual([]);
    await area(page).screenshot({ path: `${ARTIFACTS}/moderation-queue-1280.png` });
    await reportCard.getByRole('button', { name: 'Afvis anmeldelsen' }).click();
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('0');
    await page.locator('.mod-empty', { hasText: 'Der er intet, der venter' }).waitFor();

    // The log lists every action, newest first, with before → after of the edit.
    await page.getByRole('tab', { name: 'Log' }).click();
    const entries = page.locator('[data-audit-action]');
    await expect
      .poll(async () => (await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-audit-action')))).join(' '))
      .toMatch(/report\.dismiss.*contribution\.reject.*contribution\.approve.*call\.configure/);
    const approved = page.locator('[data-audit-action="contribution.approve"]');
    expect(await approved.innerText()).toContain('Mette (Facilitator)');
    expect(await approved.innerText()).toMatch(/Bænke ved søen[\s\S]*Bænke og skygge ved Ishøj Sø/);
    // In the narrow dock, before and after stand one above the other: side by side, each was a column of single words.
    const before = approved.locator('.mod-audit-change__before').first();
    const after = approved.locator('.mod-audit-change__after').first();
    expect((await after.boundingBox())!.y).toBeGreaterThan((await before.boundingBox())!.y + (await before.boundingBox())!.height - 1);
    expect((await before.boundingBox())!.width).toBeGreaterThan(250);
    expect(await axeViolations(page)).toEqual([]);
    await area(page).screenshot({ path: `${ARTIFACTS}/moderation-audit-1280.png` });

    // Filters: by action, and free text over the target (æ/ø/å, any case).
    await area(page).getByLabel('Handling').selectOption('contribution.reject');
    await area(page).getByRole('button', { name: 'Vis', exact: true }).click();
    await expect.poll(() => entries.count()).toBe(1);
    await area(page).getByRole('button', { name: 'Nulstil', exact: true }).click();
    await area(page).getByLabel('Mål (id eller tekst)').fill('ISHØJ SØ');
    await area(page).getByRole('button', { name: 'Vis', exact: true }).click();
    await expect.poll(async () => (await entries.allInnerTexts()).every((text) => /ishøj sø/i.test(text))).toBe(true);
    expect(await entries.count()).toBeGreaterThan(0);
    await area(page).getByRole('button', { name: 'Nulstil', exact: true }).click();

    // Export: the server's CSV, fetched with the session, saved by the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('contribution.approve');
    expect(csv).toContain('Bænke og skygge ved Ishøj Sø');
    await page.getByText(`Loggen er hentet som ${download.suggestedFilename()}`).waitFor();

    // A phone-sized window: the same area, usable at 320 px.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('tab', { name: /^Kø/ }).click();
    await contribute(callId, { text: 'Lektiecafé på biblioteket om lørdagen', contributorType: 'citizen' });
    await queueItem(page, 'Lektiecafé').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-moderation]').screenshot({ path: `${ARTIFACTS}/moderation-queue-320.png` });
    await page.getByRole('tab', { name: 'Indkaldelse' }).click();
    await page.locator('[data-moderation]').screenshot({ path: `${ARTIFACTS}/moderation-call-320.png` });
    await page.getByRole('tab', { name: 'Log' }).click();
    await entries.first().waitFor();
    await page.locator('[data-moderation]').screenshot({ path: `${ARTIFACTS}/moderation-audit-320.png` });
  });

  it('says before approving that the idea lands in front of a room that is voting or looking at results', { timeout: 60_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const bo = await socketFor(await session(board, 'facilitator', 'Bo'));
    const configured = await bo.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' });
    if (!configured.ok) throw new Error(configured.error.code);
    await contribute(configured.data.callId, { text: 'Bænke ved stranden', contributorType: 'citizen' });
    const workshop = await bo.emitWithAck('workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' });
    if (!workshop.ok) throw new Error(workshop.error.code);

    const fac = await newDevice(browser, 1366, 768);
    closers.push(() => fac.context.close());
    const page = fac.page;
    await joinBoard(page, board.links.facilitator, 'Mette');
    // No idea yet in the vote step: the board says so (the clusters view has no empty groups to say it).
    await page.locator('.ideas__none', { hasText: 'Ingen idéer endnu' }).waitFor();
    await openDockTab(page, 'Moderation');
    const item = queueItem(page, 'Bænke ved stranden');
    const warning = item.locator('[data-live-landing="vote"]');
    await warning.waitFor();
    expect(await warning.innerText()).toBe('Rummet stemmer nu: en godkendt idé kommer med i afstemningen og på skærmen med det samme.');
    // Said with the button too, for whoever reaches it by Tab.
    expect(await item.getByRole('button', { name: 'Godkend', exact: true }).getAttribute('aria-describedby')).toBe(await warning.getAttribute('id'));

    await bo.emitWithAck('workshop:setStep', { questionId: 'kickoff-q1', step: 'results' });
    await item.locator('[data-live-landing="results"]').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/moderation-live-landing-1366.png` });
    // Writing again: nothing to warn about.
    await bo.emitWithAck('workshop:setStep', { questionId: 'kickoff-q1', step: 'write' });
    await expect.poll(() => item.locator('[data-live-landing]').count()).toBe(0);
    expect(await item.getByRole('button', { name: 'Godkend', exact: true }).getAttribute('aria-describedby')).toBeNull();
  });

  it('tells a facilitator when another decided first, and decides several at once', { timeout: 90_000 }, async () => {
    // A board without questions: every approved idea shows, whatever the question filter.
    const board = await createBoard(app.url, { template: 'blank' });
    const bo = await socketFor(await session(board, 'facilitator', 'Bo'));
    const configured = await bo.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' });
    if (!configured.ok) throw new Error(configured.error.code);
    const callId = configured.data.callId;
    for (const text of ['Flere træer på Ishøj Strandvej', 'Fælles kalender for foreningerne', 'Gratis wifi i hallen']) {
      await contribute(callId, { text, contributorType: 'citizen' });
    }

    const fac = await newDevice(browser, 1280, 900);
    closers.push(() => fac.context.close());
    const page = fac.page;
    await joinBoard(page, board.links.facilitator, 'Mette');
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('3');
    // The dock's tab says so while another panel is in view.
    await page.getByRole('tab', { name: 'Moderation 3 venter', exact: true }).waitFor();
    expect(await page.getByRole('tab', { name: /^Moderation/ }).locator('.dock-tabs__badge').innerText()).toBe('3');
    await openDockTab(page, 'Moderation');
    const trees = queueItem(page, 'Flere træer');
    await trees.waitFor();

    // Bo, on his own laptop, rejects it while Mette is looking at it.
    const queue = await bo.emitWithAck('moderation:queue', { state: 'pending' });
    if (!queue.ok) throw new Error(queue.error.code);
    const treesId = queue.data.items.find((i) => i.kind === 'contribution' && i.idea.text.startsWith('Flere træer'))!.id;
    const decided = await bo.emitWithAck('moderation:decide', { itemIds: [treesId], decision: 'reject', reason: 'duplicate' });
    expect(decided.ok).toBe(true);
    const notice = trees.locator('[data-notice]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('En anden facilitator har afgjort dette');
    expect(await notice.innerText()).toMatch(/Afvist af Bo, .* · Grund: Findes allerede \(dublet\)/);
    expect(await trees.getByRole('button', { name: 'Godkend' }).count()).toBe(0);
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('2');

    // Select all (what still waits) and approve both at once.
    await page.getByLabel('Vælg alle, der venter').check();
    await page.locator('[data-selected="2"]').waitFor();
    await page.getByRole('button', { name: 'Godkend valgte (2)' }).click();
    await expect.poll(() => badge(page).getAttribute('data-pending')).toBe('0');
    await page.locator('.mod-feedback', { hasText: '2 godkendt.' }).waitFor();
    await page.locator('.note', { hasText: 'Gratis wifi i hallen' }).waitFor();
    await trees.getByRole('button', { name: 'Fjern fra listen' }).click();
    await page.locator('.mod-empty').waitFor();

    // Keyboard: the tabs move with the arrow keys.
    await page.getByRole('tab', { name: /^Kø/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Indkaldelse');
    // End goes to the last tab.
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Persondata');
    expect(await page.getByRole('tab', { name: 'Persondata' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Log');
  });
});
