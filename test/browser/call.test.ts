import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  PROTOCOL_VERSION,
  RECEIPT_PATTERN,
  type ClientToServerEvents,
  type ConfigureCall,
  type CreateBoardResponse,
  type QueueResult,
  type ServerToClientEvents,
} from '../../shared';
import { io as ioClient, type Socket } from 'socket.io-client';
import { freePort } from '../support/child-server';
import { TestSmtp } from '../support/smtp';
import { ARTIFACTS, axeViolations, createBoard, createSession, launchBrowser, newDevice, newPhone, startApp } from './support';

type FacilitatorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const QUESTION = 'Hvilke ressourcer og styrker har Ishøj som kommune og lokalsamfund, som kan bringes i spil for at nå visionen?';
const DAY = 24 * 60 * 60 * 1000;

/** The citizen's side of a public call: the contribution form on a phone, offline, receipts. */
describe('public call (citizen, phone first)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  // The form asks for an e-mail only where mail goes out: a real SMTP server in this process.
  let smtp: TestSmtp;
  const closers: (() => Promise<unknown> | void)[] = [];

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    [app, browser] = await Promise.all([startApp({ mail: { smtpUrl: smtp.url, from: 'Samskab <samskab@kommune.test>' } }), launchBrowser()]);
  });

  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
  });

  /** A board with a public call, set up as a facilitator would: REST, then call:configure over socket.io. */
  async function openCall(config: Partial<ConfigureCall> = {}) {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const socket = await facilitatorSocket(board);
    const ack = await socket.emitWithAck('call:configure', {
      enabled: true,
      opensAt: null,
      closesAt: Date.now() + 14 * DAY,
      moderation: 'pre',
      ...config,
    });
    if (!ack.ok) throw new Error(`call:configure: ${ack.error.code}`);
    return { board, socket, callUrl: `${app.url}/c/${ack.data.callId}` };
  }

  async function facilitatorSocket(board: CreateBoardResponse): Promise<FacilitatorSocket> {
    const session = await createSession(app.url, board, 'facilitator', 'Mette');
    const socket: FacilitatorSocket = ioClient(app.url, {
      auth: { session: session.sessionToken, protocolVersion: PROTOCOL_VERSION },
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

  async function queue(socket: FacilitatorSocket, state: 'pending' | 'all' = 'pending'): Promise<QueueResult> {
    const ack = await socket.emitWithAck('moderation:queue', { state });
    if (!ack.ok) throw new Error(ack.error.code);
    return ack.data;
  }

  async function phone(width = 320, height = 640) {
    const device = await newPhone(browser, width, height);
    closers.push(() => device.context.close());
    return device;
  }

  async function noHorizontalScroll(page: Page, width: number) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('a citizen on a 320 px phone sends an idea, gets a receipt and sees it pending', async () => {
    const { board, socket, callUrl } = await openCall();
    const { page } = await phone();
    const deviceHeaders: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/contributions')) deviceHeaders.push(request.headers()['x-samskab-device'] ?? '');
    });

    await page.goto(callUrl);
    await page.getByRole('heading', { level: 1, name: 'Kick-off workshop med rådene' }).waitFor();
    await page.getByText('Åben for idéer indtil').waitFor();
    await page.getByText('En moderator læser alle idéer').waitFor();
    await noHorizontalScroll(page, 320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/call-form-320.png`, fullPage: true });

    // Nothing to send yet: the form says what is missing, in words, and keeps the focus there.
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByText('Skriv din idé, før du sender.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

    const text = 'Lektiecafé i biblioteket om aftenen – drevet af foreningerne og ældre elever.';
    await page.getByLabel('Din idé').fill(text);
    await page.getByText(`${text.length} af 1000 tegn`).waitFor();
    await page.getByLabel(QUESTION).check();
    await page.getByLabel('Dit navn').fill('Aisha');
    await page.getByText('Idéen vises med navnet Aisha.').waitFor();
    await page.getByLabel('Jeg bidrager som').selectOption('citizen');
    // The honeypot is there for bots but out of reach for people and assistive technology.
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.isVisible()).toBe(true);
    expect(await honeypot.evaluate((el) => el.getBoundingClientRect().right <= 0)).toBe(true);

    // An e-mail needs consent, checked before anything is sent.
    await page.getByLabel('Din e-mail (valgfrit)').fill('aisha@example.dk');
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByText('Sæt flueben, hvis vi må bruge din e-mail').waitFor();
    expect(deviceHeaders).toEqual([]);

    // A reload keeps everything typed.
    await page.reload();
    await page.getByLabel('Din idé').waitFor();
    expect(await page.getByLabel('Din idé').inputValue()).toBe(text);
    expect(await page.getByLabel('Din e-mail (valgfrit)').inputValue()).toBe('aisha@example.dk');
    await page.getByLabel('Ja, I må bruge min e-mail').check();
    await page.getByRole('button', { name: 'Send idéen' }).click();

    await page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor();
    await page.getByText('En moderator kigger på den').waitFor();
    const code = (await page.getByTestId('receipt-code').innerText()).trim();
    expect(code).toMatch(RECEIPT_PATTERN);
    expect(deviceHeaders).toHaveLength(1);
    expect(deviceHeaders[0]).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    await page.getByRole('list').getByText(code).waitFor();
    await noHorizontalScroll(page, 320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/call-sent-320.png`, fullPage: true });

    // The facilitator's queue has it, once, with the name but never the e-mail.
    const pending = await queue(socket);
    expect(pending.items).toHaveLength(1);
    const item = pending.items[0]!;
    expect(item.kind === 'contribution' && item.idea.text).toBe(text);
    expect(item.kind === 'contribution' && item.idea.authorName).toBe('Aisha');
    expect(JSON.stringify(item)).not.toContain('aisha@example.dk');

    await page.getByRole('link', { name: 'Se status for din idé' }).click();
    await page.getByRole('heading', { level: 1, name: 'Status for din idé' }).waitFor();
    await page.getByText('Venter på en moderator').waitFor();
    await page.getByText(text).waitFor();
    expect(page.url()).toBe(`${app.url}/r/${code}`);
    await noHorizontalScroll(page, 320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/receipt-320.png`, fullPage: true });

    // Looking up a code: forgiving about case and dashes, clear about nonsense.
    await page.getByLabel('Kvitteringskode').fill('nonsense');
    await page.getByRole('button', { name: 'Se status' }).click();
    await page.getByRole('alert').filter({ hasText: 'Det ligner ikke en kvitteringskode' }).waitFor();
    await page.getByLabel('Kvitteringskode').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Se status' }).click();
    await page.waitForURL(`${app.url}/r/${code}`);
    await page.getByText('Venter på en moderator').waitFor();

    // The call page remembers this device's receipts.
    await page.getByRole('link', { name: 'Gå til indkaldelsen' }).click();
    await page.getByRole('heading', { name: 'Dine idéer' }).waitFor();
    await page.getByRole('link', { name: `Status for ${code}` }).waitFor();
    // The next idea starts empty, but the person is still who they were.
    expect(await page.getByLabel('Din idé').inputValue()).toBe('');
    expect(await page.getByLabel('Dit navn').inputValue()).toBe('Aisha');
    expect(board.boardId).toBeTruthy();
  });

  it('offline: the idea is kept on the device, and sent exactly once when the connection returns', async () => {
    const { socket, callUrl } = await openCall();
    const { page, context } = await phone();
    await page.goto(callUrl);
    await page.getByLabel('Din idé').waitFor();

    await context.setOffline(true);
    const text = 'Idé skrevet i S-toget uden net: flere bænke langs Ishøj Strand.';
    await page.getByLabel('Din idé').fill(text);
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByRole('heading', { name: 'Din idé er gemt på denne enhed' }).waitFor();
    await page.getByText('bliver sendt af sig selv, når forbindelsen er tilbage').waitFor();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('samskab.outbox') ?? '[]').length)).toBe(1);
    await noHorizontalScroll(page, 320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/call-offline-320.png`, fullPage: true });
    expect((await queue(socket)).items).toHaveLength(0);

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => localStorage.getItem('samskab.outbox'))).toBe('[]');
    const items = (await queue(socket)).items;
    expect(items).toHaveLength(1);
    expect(items[0]!.kind === 'contribution' && items[0]!.idea.text).toBe(text);
  });

  it('a lost answer is resent after a reload and still makes one contribution', async () => {
    const { socket, callUrl } = await openCall();
    const { page } = await phone();
    await page.goto(callUrl);
    // The server receives the first attempt, but its answer never reaches the phone.
    let lost = false;
    await page.route('**/contributions', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const text = 'Svaret gik tabt, men idéen kom frem.';
    await page.getByLabel('Din idé').fill(text);
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByRole('heading', { name: 'Din idé er gemt på denne enhed' }).waitFor();
    expect((await queue(socket)).items).toHaveLength(1);

    // Opening the page again sends what waits, with the same id: the server knows it.
    await page.reload();
    await page.getByText('En idé, der ventede på denne enhed, er nu sendt').waitFor();
    const items = (await queue(socket)).items;
    expect(items).toHaveLength(1);
    await page.getByRole('link', { name: /^Status for / }).waitFor();
    expect(await page.getByLabel('Din idé').inputValue()).toBe('');
  });

  it('says so when rate limited, waits as asked and sends; a refusal keeps the text', async () => {
    const { socket, callUrl } = await openCall();
    const { page } = await phone();
    await page.goto(callUrl);
    let limited = false;
    await page.route('**/contributions', async (route) => {
      if (limited) return route.continue();
      limited = true;
      await route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
        body: JSON.stringify({ ok: false, error: { code: 'RATE_LIMITED', message: 'Too many.' } }),
      });
    });
    await page.getByLabel('Din idé').fill('Idé nummer et');
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByText('Vi sender den om 2 sekunder').waitFor();
    await page.getByRole('heading', { name: 'Tak! Din idé er modtaget' }).waitFor({ timeout: 10_000 });
    expect((await queue(socket)).items).toHaveLength(1);
    await page.unroute('**/contributions');

    // The server says no: the words are translated, and the text is back in the form.
    await page.route('**/contributions', (route) =>
      route.fulfill({
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'Nope.' } }),
      }),
    );
    await page.getByRole('button', { name: 'Skriv en idé mere' }).click();
    await page.getByLabel('Din idé').fill('Idé nummer to');
    await page.getByRole('button', { name: 'Send idéen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt' }).waitFor();
    expect(await page.getByLabel('Din idé').inputValue()).toBe('Idé nummer to');
    expect((await queue(socket)).items).toHaveLength(1);
  });

  it('closed and unknown calls say so clearly; English and desktop screenshots', async () => {
    const now = Date.now();
    const closed = await openCall({ opensAt: now - 2 * DAY, closesAt: now - DAY });
    const { page } = await phone();
    await page.goto(closed.callUrl);
    await page.getByRole('heading', { name: 'Indkaldelsen er lukket' }).waitFor();
    await page.getByText('Lukkede for idéer').waitFor();
    expect(await page.getByLabel('Din idé').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/call-closed-320.png`, fullPage: true });

    await page.goto(`${app.url}/c/noSuchCall123`);
    await page.getByRole('heading', { name: 'Vi kan ikke finde indkaldelsen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const later = await openCall({ opensAt: now + DAY, closesAt: now + 10 * DAY, moderation: 'post' });
    await page.goto(later.callUrl);
    await page.getByRole('heading', { name: 'Indkaldelsen er ikke åben endnu' }).waitFor();
    await page.getByText('Åbner for idéer').waitFor();

    // A post-moderated call on a desktop, in English.
    const open = await openCall({ moderation: 'post' });
    const desktop = await newDevice(browser, 1280, 900);
    closers.push(() => desktop.context.close());
    await desktop.page.goto(open.callUrl);
    await desktop.page.getByLabel('Sprog', { exact: true }).selectOption('en');
    await desktop.page.getByRole('heading', { name: 'Share an idea' }).waitFor();
    await desktop.page.getByText('Ideas are shown on the board straight away').waitFor();
    expect(await axeViolations(desktop.page)).toEqual([]);
    await desktop.page.screenshot({ path: `${ARTIFACTS}/call-form-1280.png`, fullPage: true });
    await desktop.page.getByLabel('Your idea').fill('Open the town hall roof garden on Sundays.');
    await desktop.page.getByRole('button', { name: 'Send the idea' }).click();
    await desktop.page.getByText('It is on the board now.').waitFor();
    expect(await axeViolations(desktop.page)).toEqual([]);
    await desktop.page.screenshot({ path: `${ARTIFACTS}/call-sent-1280.png`, fullPage: true });
    await desktop.page.getByRole('link', { name: 'See the status of your idea' }).click();
    await desktop.page.getByText('Published', { exact: true }).waitFor();
    expect(await axeViolations(desktop.page)).toEqual([]);
    await desktop.page.screenshot({ path: `${ARTIFACTS}/receipt-1280.png`, fullPage: true });
  });
});
