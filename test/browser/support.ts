import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type * as Y from 'yjs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import type { Ack, CreateBoardRequest, CreateBoardResponse, CreateSessionRequest, Role, SessionResponse } from '../../shared';
import { testConfig, type ServerConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { createStore } from '../../server/store/create-store';

/**
 * Browser tests drive Debian's Chromium (never a downloaded one) against a real server on
 * a free port, serving the built client from dist/client (`npx vite build` first).
 */

export const ARTIFACTS = 'test/artifacts';

export async function startApp(overrides: Partial<ServerConfig> = {}) {
  const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-browser-'));
  const store = await createStore({ dataDir });
  const app = await createServer({ store, config: testConfig({ publicUrl: undefined, ...overrides }) });
  const { url } = await app.listen(0, '127.0.0.1');
  return {
    url,
    /**
     * Changes a board's document as the server itself does (its own writes, persisted and
     * broadcast): for a state only time would bring, such as a timer that ended a while ago.
     */
    writeAsServer: (boardId: string, change: (doc: Y.Doc) => void) => app.rooms.withRoom(boardId, (room) => room.writeAsServer(change)),
    close: async () => {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;

/**
 * The app and Chromium for the describe block it is called in: both started before its
 * tests, closed after them. Read `suite.app` and `suite.browser` inside the tests.
 */
export function appAndBrowser(overrides: Partial<ServerConfig> = {}): { readonly app: App; readonly browser: Browser } {
  let app: App | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(overrides), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not started: read it inside a test`);
    return value;
  };
  return {
    get app() {
      return started(app, 'the app');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh device: its own localStorage and IndexedDB. */
export async function newDevice(browser: Browser, width = 1280, height = 900): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids.
  const context = await browser.newContext({ viewport: { width, height }, locale: 'da-DK', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return { context, page };
}

/** A phone: small touch screen, mobile user agent metrics (what forty people bring to a workshop). */
export async function newPhone(browser: Browser, width = 390, height = 844): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'da-DK',
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  return { context, page };
}

/** Joins by code on /join, as someone reading it off the projector (with a name, or anonymously). */
export async function joinByCode(
  page: Page,
  url: string,
  typed: string,
  profile: { name: string | null; type?: string; organisation?: string },
): Promise<void> {
  await page.goto(`${url}/join`);
  await page.getByLabel('Kode', { exact: true }).fill(typed);
  await page.getByRole('button', { name: 'Find tavlen' }).click();
  if (profile.name === null) await page.getByLabel('Vær anonym').check();
  else await page.getByLabel('Dit navn').fill(profile.name);
  if (profile.type) await page.getByLabel('Jeg deltager som').selectOption(profile.type);
  if (profile.organisation) await page.getByLabel('Organisation, råd eller forening').fill(profile.organisation);
  await page.getByRole('button', { name: 'Gå til tavlen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
  await waitForStatus(page, 'saved');
}

export async function createBoard(url: string, body: CreateBoardRequest = { template: 'kickoff' }): Promise<CreateBoardResponse> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const ack = (await res.json()) as Ack<CreateBoardResponse>;
  if (!ack.ok) throw new Error(`createBoard: ${ack.error.code}`);
  // Without PUBLIC_URL the links are relative to the server, as a browser would resolve them.
  const links = ack.data.links;
  const whole = (link: string) => new URL(link, url).href;
  return { ...ack.data, links: { facilitator: whole(links.facilitator), participant: whole(links.participant), observer: whole(links.observer) } };
}

/** A session on a board for a role, as its link's join form makes one (a name, or the form's details), for commands and Yjs clients beside the page. */
export async function createSession(
  url: string,
  board: CreateBoardResponse,
  role: Role,
  details: string | Omit<CreateSessionRequest, 'token'>,
): Promise<SessionResponse> {
  const body: CreateSessionRequest = { token: board.tokens[role], ...(typeof details === 'string' ? { displayName: details } : details) };
  const res = await fetch(`${url}/api/boards/${board.boardId}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const ack = (await res.json()) as Ack<SessionResponse>;
  if (!ack.ok) throw new Error(`createSession: ${ack.error.code}`);
  return ack.data;
}

/** Opens a board link and joins with a name (or anonymously), then waits for the board. */
export async function joinBoard(page: Page, link: string, name: string | null): Promise<void> {
  await page.goto(link);
  if (name === null) await page.getByLabel('Vær anonym').check();
  else await page.getByLabel('Dit navn').fill(name);
  await page.getByRole('button', { name: 'Gå til tavlen' }).click();
  await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
  await waitForStatus(page, 'saved');
}

/** Types an idea into the board's idea field and sends it; the save light says when it is saved. */
export async function addIdea(page: Page, text: string): Promise<void> {
  await page.getByLabel('Din idé').fill(text);
  await page.getByRole('button', { name: /^Tilføj idé/ }).click();
}

export async function waitForStatus(page: Page, status: string, timeout = 10_000): Promise<void> {
  await page.locator(`[data-status="${status}"]`).waitFor({ timeout });
}

/**
 * The page's Yjs socket through a switch, as a lost connection: `off()` closes it and
 * refuses every reconnect (until the page says it is offline); after `on()` the app's own
 * reconnects go through again. The command socket (socket.io) is left alone.
 */
export async function yjsSwitch(page: Page): Promise<{ off(): Promise<void>; on(): void }> {
  let offline = false;
  let current: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/yjs\//, (ws) => {
    if (offline) {
      void ws.close({ code: 4000, reason: 'offline' });
      return;
    }
    current = ws;
    ws.connectToServer();
  });
  return {
    async off() {
      offline = true;
      await current?.close({ code: 4000, reason: 'offline' });
      await waitForStatus(page, 'offline');
    },
    on() {
      offline = false;
    },
  };
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page; returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  return violations;
}

/**
 * Opens a note's "⋯" row (move, cluster, edit, delete, moderate), as a person does before
 * using one of them; a row already open stays open. Returns the note.
 */
export async function openNoteActions(note: Locator): Promise<Locator> {
  const more = note.getByRole('button', { name: 'Handlinger', exact: true });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  return note;
}

/** Shows all four reaction buttons on a note (those nobody has used yet wait behind "Reagér"). Returns the note. */
export async function showReactions(note: Locator): Promise<Locator> {
  const more = note.getByRole('button', { name: 'Reagér', exact: true });
  if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  return note;
}

/**
 * Facilitators: brings one panel of the dock into view by its tab (Workshop, Afstemninger,
 * Overblik, Moderation, Indsatser), as a person clicks it. The tab's name may carry a count.
 */
export async function openDockTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  await tab.click();
  await page.locator(`#${await tab.getAttribute('aria-controls')}`).waitFor({ state: 'visible' });
}
