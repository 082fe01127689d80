import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CreateBoardResponse, Idea } from '../../shared';
import { readBoardSettings } from '../../shared/model/doc-layout';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, newPhone, openDockTab, startApp } from './support';

/**
 * The README's pictures: written into docs/ only when asked (`UPDATE_DOCS_SCREENSHOTS=1`), so
 * a test run does not leave tracked files changed; otherwise beside the other artifacts.
 */
const docsScreenshot = (name: string): string => (process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? `docs/${name}` : `${ARTIFACTS}/${name}`);

/**
 * The three screens of a live room (issue 12), on boards seeded over the protocol: the
 * phone with thirty others present, the facilitator's laptop, the projector with a large
 * board; and what the wall must never show (a past round's timer and votes, hidden totals).
 */

/** Whether an element lies entirely inside the page's viewport, without scrolling. */
async function fullyInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

async function countFullyInView(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    let n = 0;
    for (const el of document.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth) n += 1;
    }
    return n;
  }, selector);
}

/** Whether any element matching the selector is on screen (in the viewport, with a size, not transparent). */
async function anyOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
      let opaque = true;
      for (let e: HTMLElement | null = el; e; e = e.parentElement) if (getComputedStyle(e).opacity === '0') opaque = false;
      if (opaque) return true;
    }
    return false;
  }, selector);
}

describe('the workshop room', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  const clients: TestClient[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.close();
    await browser?.close();
    await app?.close();
  });

  const wsUrl = () => app.url.replace('http', 'ws');
  async function yjs(board: CreateBoardResponse, role: 'participant' | 'facilitator', name: string): Promise<TestClient> {
    const client = new TestClient(wsUrl(), board.boardId, await createSession(app.url, board, role, name));
    clients.push(client);
    await client.synced();
    // As the app does: a first awareness change, so the person shows up in presence.
    client.provider.awareness.setLocalStateField('editing', null);
    return client;
  }
  async function seed(board: CreateBoardResponse, count: number, text = (i: number) => `Idé ${i + 1}: bænke, stier og et fælles hus ved stranden`): Promise<Idea[]> {
    const client = await yjs(board, 'participant', 'Bulk');
    const ideas = Array.from({ length: count }, (_, i) => client.addIdea({ text: text(i), position: `a${String(i).padStart(5, '0')}` }));
    await eventually(() => client.allSaved || client.errors.length > 0, 60_000, 'the ideas saved');
    expect(client.errors).toEqual([]);
    return ideas;
  }
  async function facilitatorSocket(board: CreateBoardResponse): Promise<TestSocket> {
    const socket = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(socket);
    return socket;
  }

  describe('a kick-off board with 200 ideas and 30 people present', () => {
    let board: CreateBoardResponse;

    beforeAll(async () => {
      board = await createBoard(app.url, { template: 'kickoff' });
      await seed(board, 200);
      // One idea for another question (as an approved call idea may be): the board must say it is left out.
      const writer = await yjs(board, 'facilitator', 'Mette');
      const settings = readBoardSettings(writer.doc)!;
      const other = settings.questions.find((q) => q.id !== settings.focusQuestionId)!.id;
      writer.addIdea({ text: 'Trafiksikre skoleveje', questionId: other, position: 'b0' });
      await eventually(() => writer.allSaved, 10_000, 'the other question’s idea saved');
      const names = ['Anne', 'Bo', 'Carsten', 'Dorthe', 'Emil', 'Fatima', 'Gitte', 'Hassan', 'Ida', 'Jens'];
      await Promise.all(Array.from({ length: 29 }, (_, i) => yjs(board, 'participant', `${names[i % 10]} ${i + 1}`)));
    }, 120_000);

    it('a phone shows the idea field in the first screen and confirms a sent idea', { timeout: 90_000 }, async () => {
      // A round is running: the timer is in the header too.
      const fac = await facilitatorSocket(board);
      await ok(call(fac, 'workshop:timer', { action: 'set', durationMs: 300_000 }));
      await ok(call(fac, 'workshop:timer', { action: 'start' }));
      const { context, page } = await newPhone(browser);
      try {
        await joinBoard(page, board.links.participant, 'Lars fra Seniorrådet');
        // 29 seeded people, the bulk writer and me; the facilitator's client is listed, not counted
        // (every screen counts the participants, as the projector does).
        const presence = page.locator('.presence__button');
        await page.getByRole('button', { name: '31 til stede', exact: true }).waitFor();
        // The header is three short rows: the title; the step, the timer and the count; the save light.
        expect(await presence.locator('.presence__word').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
        await page.locator('.room-header .timer--compact').waitFor();
        const headerRows = await page.evaluate(() => {
          const parts = document.querySelectorAll('.room-header__title, .room-header__step, .room-header .timer--compact, .presence__button, .room-header .status');
          const middles = [...parts].map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.top + r.height / 2);
          // Parts of one row share its middle (the row centres them); a new row starts more than 8 px lower.
          return middles.sort((a, b) => a - b).filter((y, i, all) => i === 0 || y - all[i - 1]! > 8).length;
        });
        expect(headerRows).toBe(3);
        await page.locator('.note').first().waitFor();

        const field = page.getByLabel('Din idé');
        const send = page.getByRole('button', { name: 'Tilføj idé', exact: true });
        expect(await fullyInView(page, field)).toBe(true);
        expect(await fullyInView(page, send)).toBe(true);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        // Touch targets in the first screen are at least 44 px each way.
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('header button, .composer button, .composer summary')]
            .map((el) => ({ name: el.textContent?.trim() || el.getAttribute('aria-label') || '', box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.bottom <= innerHeight && (box.width < 44 || box.height < 44))
            .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
        );
        expect(small).toEqual([]);
        // No language select in the room's banner: it is behind the one menu.
        expect(await page.locator('header select').isVisible()).toBe(false);

        // Presence is a count that opens the list.
        await presence.click();
        await expect(presence.getAttribute('aria-expanded')).resolves.toBe('true');
        await expect.poll(() => page.locator('.presence__person').count()).toBe(32);
        await page.keyboard.press('Escape');
        await expect(presence.getAttribute('aria-expanded')).resolves.toBe('false');
        expect(await page.locator('.presence__panel').isVisible()).toBe(false);

        expect(await axeViolations(page)).toEqual([]);

        await field.fill('Gåture med nabohunde for ældre, der bor alene');
        await send.click();
        const sent = page.locator('.composer__sent');
        await sent.waitFor();
        expect(await sent.innerText()).toContain('Gåture med nabohunde');
        expect(await fullyInView(page, sent)).toBe(true);
        // Screen readers hear it too.
        await page.locator('[aria-live="polite"]', { hasText: 'Din idé er tilføjet.' }).waitFor({ state: 'attached' });
        await page.screenshot({ path: docsScreenshot('screenshot-phone.png') });

        await page.locator('.note').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${ARTIFACTS}/room-phone-notes.png` });
        await page.evaluate(() => scrollTo(0, 0));

        // The language is one menu away.
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByLabel('Sprog', { exact: true }).waitFor();

        for (const width of [320, 390]) {
          await page.setViewportSize({ width, height: 844 });
          expect(await axeViolations(page), `axe at ${width} px`).toEqual([]);
        }
      } finally {
        await context.close();
        await ok(call(fac, 'workshop:timer', { action: 'stop' }));
      }
    });

    it('the facilitator sees ideas in the first screen beside the console, and panels really hide', { timeout: 90_000 }, async () => {
      const { context, page } = await newDevice(browser, 1366, 768);
      try {
        await joinBoard(page, board.links.facilitator, 'Mette Facilitator');
        const console = page.locator('[data-console]');
        // The idea answering another question is left out by the focus filter, and the board says so.
        const other = page.locator('.ideas__other[data-other-questions="1"]');
        await other.waitFor();
        // Workshop ideas have no phase or principle: their group comes before the (empty, shrunk) matrix.
        const unplaced = await page.locator('[data-group="unclassified"]').boundingBox();
        const matrix = await page.locator('[data-matrix="empty"]').boundingBox();
        expect(unplaced!.y).toBeLessThan(matrix!.y);
        await console.getByRole('heading', { name: 'Timer' }).waitFor();
        await page.locator('.note').first().waitFor();
        await page.screenshot({ path: docsScreenshot('screenshot-facilitator.png') });
        expect(await countFullyInView(page, '.note')).toBeGreaterThanOrEqual(1);
        const workshopTab = page.getByRole('tab', { name: 'Workshop' });
        expect(await fullyInView(page, workshopTab)).toBe(true);
        expect(await workshopTab.getAttribute('aria-selected')).toBe('true');
        expect(await axeViolations(page)).toEqual([]);

        // One panel at a time: another tab hides the console's cards and shows its own panel.
        await openDockTab(page, 'Afstemninger');
        expect(await console.getByRole('heading', { name: 'Timer' }).isVisible()).toBe(false);
        await page.getByRole('heading', { name: 'Afstemninger', level: 2 }).waitFor();
        expect(await fullyInView(page, page.getByRole('button', { name: 'Ny afstemning…' }))).toBe(true);
        await page.screenshot({ path: `${ARTIFACTS}/room-facilitator-polls-tab.png` });
        // The tabs follow the arrow keys, and only the selected one is in the Tab order.
        await page.getByRole('tab', { name: 'Afstemninger' }).focus();
        await page.keyboard.press('ArrowRight');
        const overview = page.getByRole('tab', { name: 'Overblik' });
        await expect.poll(() => overview.evaluate((el) => el === document.activeElement && el.getAttribute('aria-selected') === 'true')).toBe(true);
        expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
        await page.keyboard.press('Home');
        await expect.poll(() => workshopTab.getAttribute('aria-selected')).toBe('true');
        await console.getByRole('heading', { name: 'Timer' }).waitFor();

        // The tools open over the board with focus in them, and give focus back on Escape.
        const tools = page.getByRole('button', { name: 'Facilitatorværktøjer' });
        await tools.click();
        const drawer = page.locator(`#${await tools.getAttribute('aria-controls')}`);
        await expect(tools.getAttribute('aria-expanded')).resolves.toBe('true');
        await expect.poll(() => drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        expect(await drawer.isVisible()).toBe(true);
        await page.screenshot({ path: `${ARTIFACTS}/room-facilitator-tools.png` });
        await page.keyboard.press('Escape');
        await expect(tools.getAttribute('aria-expanded')).resolves.toBe('false');
        expect(await drawer.isVisible()).toBe(false);
        await expect.poll(() => tools.evaluate((el) => el === document.activeElement)).toBe(true);

        // "Show all questions" brings the left-out idea back.
        await other.getByRole('button', { name: 'Vis alle spørgsmål' }).click();
        await expect.poll(() => page.getByTestId('ideas-shown').innerText()).toBe('202 idéer');
        expect(await other.count()).toBe(0);

        await page.setViewportSize({ width: 1920, height: 1080 });
        expect(await axeViolations(page), 'axe at 1920 px').toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('the projector is a dense wall of a 2,000-idea board, without app chrome', { timeout: 180_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    await seed(board, 2000, (i) => `Idé ${i + 1}: ${['cykelstier', 'fælles haver', 'lektiecafé', 'bænke ved stranden', 'kulturhus'][i % 5]} for alle`);
    const { context, page } = await newDevice(browser, 1920, 1080);
    try {
      // Notes fade in as they arrive; the picture and axe want them settled.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(board.links.observer);
      await page.locator('.wall-note').nth(11).waitFor();
      expect(await countFullyInView(page, '.wall-note')).toBeGreaterThanOrEqual(12);
      expect(await anyOnScreen(page, 'select')).toBe(false);
      expect(await anyOnScreen(page, '[data-status]')).toBe(false);
      expect(await anyOnScreen(page, '.wall__controls')).toBe(false);
      await page.locator('.join-panel__code').waitFor();
      await page.screenshot({ path: docsScreenshot('screenshot-projector.png') });
      expect(await axeViolations(page)).toEqual([]);
      // The pause control is there for whoever reaches it with the keyboard.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => anyOnScreen(page, '.wall__controls')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the wall drops the last round’s timer and votes, and never shows hidden totals', { timeout: 120_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const fac = await facilitatorSocket(board);
    const writer = await yjs(board, 'facilitator', 'Mette');
    const settings = readBoardSettings(writer.doc)!;
    const focus = settings.focusQuestionId!;
    const other = settings.questions.find((q) => q.id !== focus)!.id;
    const cluster = await ok(call<{ id: string }>(fac, 'cluster:create', { name: 'Grønne steder', questionId: focus }));
    const a = writer.addIdea({ text: 'Fælles haver i boligområderne', questionId: focus, clusterId: cluster.id, position: 'a1' });
    writer.addIdea({ text: 'Bænke ved stranden', questionId: focus, clusterId: cluster.id, position: 'a2' });
    // An idea for another question (an approved call idea, say): not on this wall, but counted.
    writer.addIdea({ text: 'Et spørgsmål til borgerne om trafik', questionId: other, position: 'a3' });
    await eventually(() => writer.allSaved, 10_000, 'ideas saved');

    const { context, page } = await newDevice(browser, 1920, 1080);
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(board.links.observer);
      await page.locator('.wall-note', { hasText: 'Fælles haver' }).waitFor();
      await page.locator('[data-other-questions="1"]').waitFor();

      // Votes are cast in the vote step; while totals are hidden the wall says so, with no number.
      await setStep(fac, focus, 'vote');
      const voter = await socketOf(app.url, await createSession(app.url, board, 'participant', 'Ane'));
      sockets.push(voter);
      for (let i = 0; i < 3; i++) await ok(call(voter, 'vote:cast', { ideaId: a.id }));
      await setStep(fac, focus, 'results');
      await page.locator('.wall__step[data-step="results"]').waitFor();
      await page.locator('.wall__hidden-votes').waitFor();
      const noVoteNumbers = async () => {
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/\d+\s+stemme/);
        expect(await page.locator('[data-total]').count()).toBe(0);
      };
      await noVoteNumbers();
      expect(await axeViolations(page)).toEqual([]);

      // Revealed: the totals stand on the notes, ranked, each note naming its cluster; a short timer runs out.
      await ok(call(fac, 'voting:reveal', { revealed: true }));
      await page.locator('.wall-note', { hasText: 'Fælles haver' }).getByText('3 stemmer').waitFor();
      await page.locator('[data-ranking] li[data-rank="1"]', { hasText: 'Fælles haver' }).locator('[data-cluster-tag]', { hasText: 'Grønne steder' }).waitFor();
      await ok(call(fac, 'workshop:timer', { action: 'set', durationMs: 1000 }));
      await ok(call(fac, 'workshop:timer', { action: 'start' }));
      await page.locator('[data-timer="done"]').waitFor();

      // The facilitator goes back to grouping: the finished timer and the badges were the last round's.
      await setStep(fac, focus, 'group');
      await page.locator('.wall__step[data-step="group"]').waitFor();
      await expect.poll(() => page.locator('[data-timer]').count()).toBe(0);
      await noVoteNumbers();
      // The wall still shows the ideas.
      await page.locator('.wall-note', { hasText: 'Fælles haver' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
