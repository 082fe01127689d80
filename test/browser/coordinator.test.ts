import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Ack, Beacon, ContributorType, CreateBoardResponse, CreateSessionRequest, Idea, Initiative, PublicCall, SessionResponse } from '../../shared';
import { TEST_COORDINATOR_TOKEN, testConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { createStore } from '../../server/store/create-store';
import { TestClient, eventually, socketClient } from '../support/harness';
import { contribute } from '../support/moderation';
import { call, ok } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, launchBrowser, newDevice, startApp } from './support';

type Seed = Partial<Idea> & { text: string; type: ContributorType | null; organisation?: string | null };

/** When the councils' public call closes: 30 June 2099, 23:59 in Copenhagen. */
const CALL_CLOSES = Date.UTC(2099, 5, 30, 21, 59);

describe('the coordinator\u2019s overview across boards', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  const seeded: Record<string, Idea> = {};

  const session = (board: CreateBoardResponse, role: 'participant' | 'facilitator', details: Omit<CreateSessionRequest, 'token'>) =>
    createSession(app.url, board, role, details);

  /** A socket.io command as a session, as a facilitator's page sends it. */
  async function command<T>(who: SessionResponse, event: 'idea:setStatus' | 'initiative:save' | 'board:updateSettings' | 'call:configure', payload: unknown): Promise<T> {
    const socket = socketClient(app.url, who.sessionToken);
    try {
      return await ok(call<T>(socket, event, payload));
    } finally {
      socket.close();
    }
  }

  /** A board with its own beacons and ideas written over Yjs, each by a participant of the stated kind. */
  async function seedBoard(title: string, beacons: Beacon[], ideas: Seed[]) {
    const board = await createBoard(app.url, { template: 'blank', title });
    const lead = await session(board, 'facilitator', { displayName: 'Lone' });
    await command(lead, 'board:updateSettings', { beacons });
    const wsUrl = app.url.replace('http', 'ws');
    for (const { type, organisation = null, ...fields } of ideas) {
      const writer = await session(board, 'participant', { displayName: 'Ane', contributorType: type, organisation });
      const client = new TestClient(wsUrl, board.boardId, writer);
      await client.synced();
      seeded[fields.text] = client.addIdea({ ...fields, contributorType: type, organisation });
      await eventually(() => client.allSaved || client.errors.length > 0, 10_000, 'the idea saved');
      if (client.errors.length > 0) throw new Error(JSON.stringify(client.errors));
      client.destroy();
    }
    return { board, lead };
  }

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const councils = await seedBoard('Rådene', [{ id: 'beacon-nature', name: 'Natur' }, { id: 'beacon-health', name: 'Sundhed' }], [
      { text: 'Sti langs stranden', phase: 1, principle: 2, track: 'outward', beacons: ['beacon-nature'], type: 'citizen' },
      { text: 'Motion for ældre', phase: 2, principle: 2, track: 'inward', beacons: ['beacon-health'], type: 'association', organisation: 'Ishøj IF' },
      { text: 'Flere skraldespande', type: null },
    ]);
    const staff = await seedBoard('Medarbejderne', [{ id: 'beacon-nature2', name: 'Natur' }], [
      { text: 'Grønne frikvarterer', phase: 1, principle: 2, track: 'political', beacons: ['beacon-nature2'], type: 'staff' },
      { text: 'Fælles kantine', phase: 3, principle: 1, type: 'staff' },
    ]);
    await command(councils.lead, 'idea:setStatus', { ideaId: seeded['Sti langs stranden']!.id, status: 'selected' });
    await command(councils.lead, 'idea:setStatus', {
      ideaId: seeded['Motion for ældre']!.id,
      status: 'not-taken-forward',
      rationale: 'Findes allerede i Aktiv Ishøj',
    });
    await command(staff.lead, 'idea:setStatus', { ideaId: seeded['Grønne frikvarterer']!.id, status: 'considering' });
    await command<Initiative>(councils.lead, 'initiative:save', {
      fields: { title: 'Kyststien', scale: 'flagship', kind: 'new', responsibleUnit: 'Teknik og Miljø', beacons: ['beacon-nature'], ideaIds: [seeded['Sti langs stranden']!.id] },
    });
    // The councils' board takes ideas from citizens until a set date; one waits for approval.
    const publicCall = await command<PublicCall>(councils.lead, 'call:configure', { enabled: true, opensAt: null, closesAt: CALL_CLOSES, moderation: 'pre' });
    const sent = await contribute(app.url, publicCall.callId, { text: 'Venter: bænke ved havnen' });
    if (!sent.body.ok) throw new Error(sent.body.error.message);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const section = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) }).last();
  const rowCount = (page: Page, heading: string, key: string) => section(page, heading).locator(`tr[data-key="${key}"] td`).innerText();
  const listedIdeas = async (page: Page) => (await page.locator('.coord-idea__text').allInnerTexts()).sort();

  it('counts, drills down, reports what changed and saves the installation\u2019s beacons', async () => {
    const { page, context } = await newDevice(browser, 1280, 900);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto(`${app.url}/coordinator#k=${TEST_COORDINATOR_TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Koordinatorens overblik' }).waitFor();
    // The secret leaves the address; the session stays on the device.
    expect(page.url()).toBe(`${app.url}/coordinator`);
    expect(await page.evaluate(() => localStorage.getItem('samskab.coordinator'))).toContain('sessionToken');
    await expect.poll(() => page.locator('.coord-summary').innerText()).toBe('5 idéer på 2 tavler');

    // The 3 × 3 with its "not placed" row and column, as seeded.
    const cell = (phase: string, principle: string) => page.locator(`[data-cell="${phase}:${principle}"]`).innerText();
    expect(await cell('1', '2')).toBe('2');
    expect(await cell('2', '2')).toBe('1');
    expect(await cell('3', '1')).toBe('1');
    expect(await cell('\u2205', '\u2205')).toBe('1');
    expect(await cell('1', '1')).toBe('0');
    expect(await rowCount(page, 'Status', 'new')).toBe('2');
    expect(await rowCount(page, 'Status', 'selected')).toBe('1');
    expect(await rowCount(page, 'Status', 'considering')).toBe('1');
    expect(await rowCount(page, 'Status', 'not-taken-forward')).toBe('1');
    expect(await rowCount(page, 'Status', 'realised')).toBe('0');
    expect(await rowCount(page, 'Spor', 'outward')).toBe('1');
    expect(await rowCount(page, 'Spor', '\u2205')).toBe('2');
    expect(await rowCount(page, 'Pejlemærker', 'Natur')).toBe('2');
    expect(await rowCount(page, 'Pejlemærker', 'Sundhed')).toBe('1');
    expect(await rowCount(page, 'Bidragydere', 'staff')).toBe('2');
    expect(await rowCount(page, 'Bidragydere', '\u2205')).toBe('1');
    const boards = page.locator('.coord-boards__table tbody tr');
    expect(await boards.allInnerTexts()).toEqual([expect.stringMatching(/^Rådene\t.*\t3$/), expect.stringMatching(/^Medarbejderne\t.*\t2$/)]);
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-1280.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Drill down from a matrix cell: both filters set, focus on the list of its ideas.
    await page.getByRole('button', { name: 'Fase 1, Fleksibel proces: 2 idéer. Vis idéerne' }).click();
    await expect.poll(() => page.locator('.coord-summary').innerText()).toBe('2 idéer på 2 tavler');
    expect(await page.getByRole('combobox', { name: 'Fase', exact: true }).inputValue()).toBe('1');
    expect(await page.getByRole('combobox', { name: 'Princip', exact: true }).inputValue()).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Idéerne');
    expect(await listedIdeas(page)).toEqual(['Grønne frikvarterer', 'Sti langs stranden']);
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-drilled-1280.png` });
    const path = page.locator('.coord-idea', { hasText: 'Sti langs stranden' });
    expect(await path.innerText()).toMatch(/Rådene[\s\S]*Udvalgt[\s\S]*Fase 1 · Fleksibel proces · Udadvendt spor[\s\S]*Natur[\s\S]*Kyststien[\s\S]*Borger · Ane/);

    // The list says what it shows; a status row adds its filter; clearing brings everything back.
    expect(await page.locator('.coord-ideas__filters li').allInnerTexts()).toEqual([
      'Fase: Fase 1 – Kendskab, ejerskab og engagement',
      'Princip: Dynamisk og fleksibel proces',
    ]);
    await page.locator('.coord-ideas').getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect.poll(() => page.locator('.coord-summary').innerText()).toBe('5 idéer på 2 tavler');
    await page.getByRole('button', { name: 'Ikke videreført: 1 idé. Vis idéen' }).click();
    await expect.poll(() => listedIdeas(page)).toEqual(['Motion for ældre']);
    expect(await page.locator('.coord-idea').innerText()).toContain('Findes allerede i Aktiv Ishøj');
    // "Not set" is narrowed on the page: the idea without any placement.
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Uden fase, Uden princip: 1 idé. Vis idéen' }).click();
    await expect.poll(() => listedIdeas(page)).toEqual(['Flere skraldespande']);
    expect(await page.locator('.coord-summary').innerText()).toBe('1 idé på 2 tavler');
    await page.locator('.coord-filters').getByRole('button', { name: 'Nulstil filtre' }).click();

    // What changed since the default date (a month ago): the status changes with rationale and who.
    const changes = page.locator('#changes');
    await expect.poll(() => changes.locator('.coord-changes__summary').innerText()).toMatch(/^9 ændringer siden /);
    const statusChanges = changes.locator('.coord-change[data-kind="status-changed"]');
    expect(await statusChanges.count()).toBe(3);
    const rejected = statusChanges.filter({ hasText: 'Motion for ældre' });
    expect(await rejected.innerText()).toMatch(/Ny status:\s*✕\s*Ikke videreført[\s\S]*af Lone[\s\S]*Begrundelse: Findes allerede i Aktiv Ishøj/);
    expect(await changes.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(
      expect.arrayContaining(['Rådene (6 ændringer)', 'Medarbejderne (3 ændringer)']),
    );
    await page.getByRole('button', { name: 'Kopiér som tekst' }).click();
    await page.getByText('Teksten er kopieret').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Samskab – status siden /);
    expect(copied).toContain('Idéer i alt: 5 idéer på 2 tavler');
    expect(copied).toContain('Ny status: Ikke videreført: “Motion for ældre” (af Lone)\n  Begrundelse: Findes allerede i Aktiv Ishøj');
    expect(copied).toContain('Initiativ gemt: “Kyststien” (af Lone)');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent idéerne som CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(';');
    expect(csv.toString('utf8')).toContain('Motion for ældre');
    // In the page's language, with the board export's labels (not wire codes like "not-taken-forward").
    expect(csv.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^Tavle;Tavle-id;Idé-id;Idé;Status;Begrundelse for status;/);
    expect(csv.toString('utf8')).toContain(';Ikke videreført;Findes allerede i Aktiv Ishøj;');
    expect(csv.toString('utf8')).not.toContain('Venter: bænke ved havnen');

    // The installation's beacons: add, rename, reorder, remove, save; a new board starts with them.
    const editor = page.locator('#beacons');
    for (const [i, name] of ['Fællesskab', 'Natur og miljø', 'Uddannelse', 'Sundhed og trivsel', 'Slettes'].entries()) {
      await editor.getByRole('button', { name: 'Tilføj pejlemærke' }).click();
      // Adding moves focus to the new field; typing before it lands would type elsewhere.
      const field = editor.getByRole('textbox', { name: `Pejlemærke ${i + 1}` });
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(name);
    }
    await editor.getByRole('button', { name: 'Fjern pejlemærke 5' }).click();
    await editor.getByRole('textbox', { name: 'Pejlemærke 3' }).fill('Læring');
    await editor.getByRole('button', { name: 'Flyt pejlemærke 2 op' }).click();
    await editor.getByRole('button', { name: 'Gem pejlemærker' }).click();
    await editor.getByText('Pejlemærkerne er gemt. Nye tavler starter med dem.').waitFor();
    await editor.screenshot({ path: `${ARTIFACTS}/coordinator-beacons.png` });
    const expected = ['Natur og miljø', 'Fællesskab', 'Læring', 'Sundhed og trivsel'];
    const installation = (await (await fetch(`${app.url}/api/installation/beacons`)).json()) as Ack<{ beacons: Beacon[] }>;
    expect(installation.ok && installation.data.beacons.map((b) => b.name)).toEqual(expected);
    const fresh = await createBoard(app.url, { template: 'blank', title: 'Runde 2' });
    const facilitator = await session(fresh, 'facilitator', { displayName: 'Lone' });
    const backup = await fetch(`${app.url}/api/boards/${fresh.boardId}/export/json`, { headers: { authorization: `Bearer ${facilitator.sessionToken}` } });
    const settings = ((await backup.json()) as { view: { settings: { beacons: Beacon[] } } }).view.settings;
    expect(settings.beacons.map((b) => b.name)).toEqual(expected);
    expect(installation.ok && settings.beacons).toEqual(installation.ok ? installation.data.beacons : null);

    // The token comes from the environment here: rotating explains who changes it.
    await page.getByRole('button', { name: 'Lav et nyt koordinatorlink' }).click();
    await page.getByRole('dialog', { name: 'Lav et nyt koordinatorlink?' }).getByRole('button', { name: 'Lav nyt link' }).click();
    await page.getByText('COORDINATOR_TOKEN og kan ikke ændres herfra').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows each board\u2019s public call and what waits for moderation, as counts, at 1366 \u00d7 768', async () => {
    const { page, context } = await newDevice(browser, 1366, 768);
    await page.goto(`${app.url}/coordinator#k=${TEST_COORDINATOR_TOKEN}`);
    // The first test made a third board (Runde 2), without ideas.
    await expect.poll(() => page.locator('.coord-summary').innerText()).toMatch(/^5 idéer på \d tavler$/);
    const table = page.locator('.coord-boards__table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Tavle', 'Oprettet', 'Offentlig indkaldelse', 'Venter på moderation', 'Idéer']);
    const councils = table.locator('tbody tr', { hasText: 'Rådene' });
    // Copenhagen's clock, as the call's settings show it (ICU writes "30. jun. 2099, 23.59").
    expect(await councils.locator('[data-call]').innerText()).toMatch(/^Åben til 30\. jun\. 2099,? 23\.59$/);
    expect(await councils.locator('[data-call] time').getAttribute('datetime')).toBe(new Date(CALL_CLOSES).toISOString());
    expect(await councils.locator('[data-pending]').innerText()).toBe('1');
    const staff = table.locator('tbody tr', { hasText: 'Medarbejderne' });
    expect(await staff.locator('[data-call]').innerText()).toBe('Ingen');
    expect(await staff.locator('[data-pending]').innerText()).toBe('0');
    // A count only: what waits is not on the coordinator's page.
    expect(await page.getByText('bænke ved havnen').count()).toBe(0);
    await page.locator('.coord-boards').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-boards-1366.png` });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Sprog', { exact: true }).selectOption('en');
    await expect.poll(() => councils.locator('[data-call]').innerText()).toMatch(/^Open until 30 Jun 2099,? 23:59$/);
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Board', 'Created', 'Public call', 'Waiting for moderation', 'Ideas']);
    await page.getByLabel('Language', { exact: true }).selectOption('da');
    await context.close();
  });

  it('comes back without the link, reads at 320 px, and explains an expired session, a wrong link and signing out', async () => {
    const { page, context } = await newDevice(browser, 320, 800);
    await page.goto(`${app.url}/coordinator#k=${TEST_COORDINATOR_TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Koordinatorens overblik' }).waitFor();
    await expect.poll(() => page.locator('.coord-summary').innerText()).toMatch(/^5 idéer på \d tavler$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-320.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // In English too.
    await page.getByLabel('Sprog', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Coordinator overview' }).waitFor();
    expect(await page.locator('.coord-summary').innerText()).toMatch(/^5 ideas on \d boards$/);
    await page.getByLabel('Language', { exact: true }).selectOption('da');

    // A returning coordinator: no link needed on this device.
    await page.goto(`${app.url}/coordinator`);
    await expect.poll(() => page.locator('.coord-summary').innerText()).toMatch(/^5 idéer på \d tavler$/);

    // The server no longer knows the session: the page says to open the link again.
    await page.evaluate(() => localStorage.setItem('samskab.coordinator', JSON.stringify({ sessionToken: 'no-such-session', startedAt: 0 })));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sessionen er udløbet' }).waitFor();
    expect(await page.getByText('Åbn koordinatorlinket igen.').count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('samskab.coordinator'))).toBeNull();

    // A link that is not the coordinator's.
    await page.goto(`${app.url}/coordinator#k=not-the-coordinator-token`);
    await page.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Signing out forgets the session on this device.
    await page.goto(`${app.url}/coordinator#k=${TEST_COORDINATOR_TOKEN}`);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Du er logget ud' }).waitFor();
    await page.goto(`${app.url}/coordinator`);
    await page.getByRole('heading', { level: 1, name: 'Åbn koordinatorlinket' }).waitFor();
    await context.close();
  });

  it('rotates a coordinator link made at first start: the new one is shown once and the old one stops working', async () => {
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-coordinator-'));
    const store = await createStore({ dataDir });
    // Without COORDINATOR_TOKEN, as an installation that made its own link at first start.
    const own = await createServer({ store, config: testConfig({ publicUrl: undefined, dataDir, coordinatorToken: undefined }) });
    const { url } = await own.listen(0, '127.0.0.1');
    const { page, context } = await newDevice(browser, 1280, 900);
    try {
      // Without COORDINATOR_TOKEN the first start writes the link to a file for the operator.
      const first = (await readFile(joinPath(dataDir, 'coordinator-link.txt'), 'utf8')).trim();
      const firstToken = first.split('#k=')[1]!;
      await page.goto(`${url}/coordinator#k=${firstToken}`);
      await page.getByRole('heading', { level: 1, name: 'Koordinatorens overblik' }).waitFor();
      await page.getByRole('button', { name: 'Lav et nyt koordinatorlink' }).click();
      const dialog = page.getByRole('dialog', { name: 'Lav et nyt koordinatorlink?' });
      // Cancel first: nothing happens.
      await dialog.getByRole('button', { name: 'Annuller' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Lav et nyt koordinatorlink' }).click();
      await dialog.getByRole('button', { name: 'Lav nyt link' }).click();
      const shown = page.getByRole('textbox', { name: 'Det nye koordinatorlink' });
      await shown.waitFor();
      // Focus lands on the new link, ready to copy.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('coord-new-link');
      const link = await shown.inputValue();
      expect(link).toMatch(new RegExp(`^${url}/coordinator#k=[A-Za-z0-9_-]+$`));
      expect(link).not.toBe(first);
      await page.getByText('Linket vises kun denne ene gang').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/coordinator-rotated.png` });
      expect(await axeViolations(page)).toEqual([]);

      // The old link no longer opens the overview; the new one does.
      const other = await newDevice(browser, 1280, 900);
      await other.page.goto(`${url}/coordinator#k=${firstToken}`);
      await other.page.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
      await other.page.goto(`${url}/coordinator#k=${link.split('#k=')[1]}`);
      await other.page.getByRole('heading', { level: 1, name: 'Koordinatorens overblik' }).waitFor();
      await other.context.close();
    } finally {
      await context.close();
      await own.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
