import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { io as ioClient, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  RECEIPT_PATTERN,
  type ClientToServerEvents,
  type CreateBoardResponse,
  type ServerToClientEvents,
} from '../../shared';
import { freePort } from '../support/child-server';
import { TestSmtp } from '../support/smtp';
import {
  ARTIFACTS,
  appAndBrowser,
  axeViolations,
  createBoard,
  createSession,
  joinBoard,
  launchBrowser,
  newDevice,
  newPhone,
  openDockTab,
  startApp,
  type App,
} from './support';

type FacilitatorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function facilitatorSocket(url: string, board: CreateBoardResponse, name: string): Promise<FacilitatorSocket> {
  const session = await createSession(url, board, 'facilitator', name);
  const socket: FacilitatorSocket = ioClient(url, {
    auth: { session: session.sessionToken, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function must<T>(ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>): Promise<T> {
  const answer = await ack;
  if (!answer.ok) throw new Error(answer.error.code);
  return answer.data;
}

async function noHorizontalScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Sends an idea through the call form on the phone, as a citizen does; returns its receipt code. */
async function sendFromPhone(page: Page, callUrl: string, text: string): Promise<string> {
  await page.goto(callUrl);
  await page.getByRole('textbox', { name: 'Din idé' }).fill(text);
  await page.getByRole('button', { name: 'Send idéen' }).click();
  await page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor();
  const code = (await page.getByTestId('receipt-code').innerText()).trim();
  expect(code).toMatch(RECEIPT_PATTERN);
  return code;
}

/**
 * The receipt page on a 390×844 phone once the facilitators have worked with the idea: its
 * status with their reason and the history, a merge said plainly, a deletion said without
 * blaming the citizen; and, on a server without mail, no e-mail asked for anywhere.
 */
describe('receipt page: what became of the idea (server without mail)', () => {
  const suite = appAndBrowser();

  it('asks for no e-mail, then shows the status, its reason and history, a merge, and a deletion', { timeout: 120_000 }, async () => {
    const { url } = suite.app;
    const board = await createBoard(url, { template: 'kickoff' });
    const socket = await facilitatorSocket(url, board, 'Mette Facilitator');
    const { page, context } = await newPhone(suite.browser, 390, 844);
    try {
      const call = await must(socket.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }));
      const callUrl = `${url}/c/${call.callId}`;

      // No mail on this server: the form does not offer follow-up by e-mail.
      await page.goto(callUrl);
      await page.getByRole('textbox', { name: 'Din idé' }).waitFor();
      expect(await page.getByLabel('Din e-mail (valgfrit)').count()).toBe(0);
      expect(await page.getByText('Vil du høre, hvad der sker med idéen?').count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/call-form-no-mail-390.png`, fullPage: true });

      const text = 'Skygge og vand på legepladsen i Strandparken';
      const code = await sendFromPhone(page, callUrl, text);
      const queued = await must(socket.emitWithAck('moderation:queue', { state: 'pending' }));
      const ideaId = queued.items[0]!.id;
      await must(socket.emitWithAck('moderation:decide', { itemIds: [ideaId], decision: 'approve' }));

      // Published, no status yet: truthful words, no promise that "everyone" can see it.
      await page.goto(`${url}/r/${code}`);
      await page.getByText('Offentliggjort', { exact: true }).waitFor();
      await page.getByText('Idéen er med i arbejdet: den er offentliggjort for deltagerne på tavlen.').waitFor();
      expect(await page.getByText('hvor alle kan se den').count()).toBe(0);
      await page.getByText('Idéen har ikke fået en status endnu.').waitFor();

      await must(socket.emitWithAck('idea:setStatus', { ideaId, status: 'considering' }));
      await must(socket.emitWithAck('idea:setStatus', { ideaId, status: 'selected', rationale: 'Kommer med i budgetforslaget for 2026 under Sundt Liv og Trivsel.' }));
      await page.getByRole('button', { name: 'Opdatér status' }).click();
      const outcome = page.locator('[data-receipt-outcome]');
      await outcome.getByRole('heading', { name: 'Hvad er der sket med idéen?' }).waitFor();
      expect(await outcome.locator('[data-receipt-status]').getAttribute('data-receipt-status')).toBe('selected');
      await outcome.getByText('Udvalgt', { exact: true }).first().waitFor();
      await outcome.getByText('Kommer med i budgetforslaget for 2026').waitFor();
      const history = outcome.getByRole('list', { name: 'Statushistorik' });
      expect(await history.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/Udvalgt$/), expect.stringMatching(/Overvejes$/)]);
      // Who set the status is the facilitators' business.
      expect(await page.getByText('Mette Facilitator').count()).toBe(0);
      await noHorizontalScroll(page, 390);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/receipt-status-390.png`, fullPage: true });

      // A second idea, merged into the first: the receipt says so and follows the merged idea.
      const second = await sendFromPhone(page, callUrl, 'Mere skygge ved legepladsen');
      const again = await must(socket.emitWithAck('moderation:queue', { state: 'pending' }));
      await must(socket.emitWithAck('moderation:decide', { itemIds: [again.items[0]!.id], decision: 'approve' }));
      await must(socket.emitWithAck('idea:merge', { targetId: ideaId, sourceIds: [again.items[0]!.id] }));
      await page.goto(`${url}/r/${second}`);
      await page.locator('[data-receipt-merged]').getByText('Facilitatorerne har lagt idéen sammen med en lignende idé').waitFor();
      await page.getByRole('heading', { name: 'Hvad er der sket med den samlede idé?' }).waitFor();
      await page.locator('[data-receipt-status="selected"]').waitFor();
      expect(await page.getByText(text).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/receipt-merged-390.png`, fullPage: true });

      // Deleted for good (a facilitator's GDPR deletion): removed, no content, no blame.
      await must(socket.emitWithAck('person:delete', { by: 'receipt', value: code, reason: 'Anmodning' }));
      await page.goto(`${url}/r/${code}`);
      await page.locator('[data-receipt-deleted]').waitFor();
      await page.getByText('Slettet', { exact: true }).waitFor();
      await page.getByText('Bidraget er slettet for altid.').waitFor();
      expect(await page.getByText(text).count()).toBe(0);
      expect(await page.getByText('Vi kender ikke den kvitteringskode').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Dine data' }).count()).toBe(0);
      await noHorizontalScroll(page, 390);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/receipt-deleted-390.png`, fullPage: true });
    } finally {
      socket.close();
      await context.close();
    }
  });

  it('tells the facilitator that mail is not set up, and offers no digest sign-up', { timeout: 60_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const { page, context } = await newDevice(suite.browser, 1280, 900);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      await openDockTab(page, 'Moderation');
      const digest = page.locator('.mail-digest');
      await digest.getByText('E-mail er ikke sat op på denne server').waitFor();
      expect(await digest.getByLabel('Din e-mailadresse').count()).toBe(0);
      expect(await digest.getByRole('button', { name: 'Send mig besked' }).count()).toBe(0);
      await digest.screenshot({ path: `${ARTIFACTS}/digest-no-mail-1280.png` });
    } finally {
      await context.close();
    }
  });
});

describe('with mail set up, the form and the digest ask for an address as before', () => {
  let smtp: TestSmtp;
  let app: App;
  let browser: Browser;
  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    [app, browser] = await Promise.all([startApp({ mail: { smtpUrl: smtp.url, from: 'Samskab <samskab@kommune.test>' } }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
  });

  it('offers the e-mail field and the digest sign-up', { timeout: 60_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const socket = await facilitatorSocket(app.url, board, 'Mette');
    const phone = await newPhone(browser, 390, 844);
    const desk = await newDevice(browser, 1280, 900);
    try {
      const call = await must(socket.emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }));
      await phone.page.goto(`${app.url}/c/${call.callId}`);
      await phone.page.getByText('Vil du høre, hvad der sker med idéen?').waitFor();
      await phone.page.getByLabel('Din e-mail (valgfrit)').waitFor();
      await joinBoard(desk.page, board.links.facilitator, 'Mette');
      await openDockTab(desk.page, 'Moderation');
      const digest = desk.page.locator('.mail-digest');
      await digest.getByRole('button', { name: 'Send mig besked' }).waitFor();
      await digest.getByText('Få en e-mail, højst én gang i timen').waitFor();
      expect(await digest.getByText('E-mail er ikke sat op').count()).toBe(0);
    } finally {
      socket.close();
      await Promise.all([phone.context.close(), desk.context.close()]);
    }
  });
});
