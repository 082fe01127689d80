import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Cluster, WorkshopState } from '../../shared';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, startApp } from './support';

/** One app and one browser for the file's tests. */
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
const clients: TestClient[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await browser?.close();
  await app?.close();
});

/** The facilitator switches the projector from the laptop (issue 12: "a facilitator can switch it"). */
describe('the projector follows the facilitator', () => {
  let lead: TestSocket;

  afterAll(() => {
    lead?.close();
  });

  it('shows the results or one cluster when the facilitator chooses it from the console', { timeout: 90_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    lead = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    const cluster = await ok(call<Cluster>(lead, 'cluster:create', { name: 'Fællesskab', questionId: 'kickoff-q1' }));
    await setStep(lead, 'kickoff-q1', 'group');
    const screen = await newDevice(browser, 1920, 1080);
    const laptop = await newDevice(browser, 1366, 768);
    try {
      await screen.page.goto(board.links.observer);
      const wall = screen.page.locator('.wall');
      await wall.waitFor();
      expect(await wall.getAttribute('data-results')).toBe('off');

      await joinBoard(laptop.page, board.links.facilitator, 'Mette');
      const select = laptop.page.locator('[data-screen-view]');
      await select.selectOption('results');
      await expect.poll(() => wall.getAttribute('data-results'), { timeout: 10_000 }).toBe('on');

      await select.selectOption(`cluster:${cluster.id}`);
      await expect.poll(() => wall.getAttribute('data-results'), { timeout: 10_000 }).toBe('off');
      const state = await ok(call<WorkshopState>(lead, 'workshop:setScreen', { screen: { kind: 'cluster', clusterId: cluster.id } }));
      expect(state.screen).toEqual({ kind: 'cluster', clusterId: cluster.id });
      // A participant cannot choose it.
      const participant = await socketOf(app.url, await createSession(app.url, board, 'participant', 'Bo'));
      const refused = await call(participant, 'workshop:setScreen', { screen: { kind: 'ideas' } });
      participant.close();
      expect(refused.ok).toBe(false);

      // A live poll covers the wall: the card says so, and takes it off the screen.
      const poll = await ok(call<{ id: string }>(lead, 'poll:create', { poll: { type: 'text', question: 'Ét ord om visionen?' } }));
      await ok(call(lead, 'poll:open', { pollId: poll.id }));
      await ok(call(lead, 'poll:setLive', { pollId: poll.id }));
      await screen.page.locator(`[data-poll-wall="${poll.id}"]`).waitFor({ timeout: 10_000 });
      const live = laptop.page.locator(`[data-screen-live="${poll.id}"]`);
      await expect.poll(() => live.innerText(), { timeout: 10_000 }).toContain('Skærmen viser afstemningen «Ét ord om visionen?»');
      await live.getByRole('button', { name: 'Stop live' }).click();
      await screen.page.locator(`[data-poll-wall="${poll.id}"]`).waitFor({ state: 'detached', timeout: 10_000 });
      await live.waitFor({ state: 'detached' });
    } finally {
      await screen.context.close();
      await laptop.context.close();
    }
  });
});

/** Each note's box on the wall, in the wall's order, once the page has laid out and painted. */
async function noteBoxes(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...document.querySelectorAll('.wall-note')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    });
  });
}

/** A board of many small groups (one idea per phase × principle) went straight to the dense step: each group took a row. */
describe('the wall puts small groups side by side', () => {
  it('shows one idea in each of nine groups in rows across the wall, not as nine rows or dense columns', { timeout: 90_000 }, async () => {
    const board = await createBoard(app.url, { template: 'blank' });
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Ane'));
    clients.push(writer);
    await writer.synced();
    for (const phase of [1, 2, 3] as const) for (const principle of [1, 2, 3] as const) writer.addIdea({ text: `Fase ${phase}, princip ${principle}: en sti langs stranden`, phase, principle });
    await eventually(() => writer.allSaved, 20_000, 'the ideas saved');
    const screen = await newDevice(browser, 1920, 1080);
    try {
      await screen.page.emulateMedia({ reducedMotion: 'reduce' });
      await screen.page.goto(board.links.observer);
      const wall = screen.page.locator('.wall__columns');
      await expect.poll(() => screen.page.locator('.wall-note').count(), { timeout: 10_000 }).toBe(9);
      await expect.poll(() => screen.page.locator('.wall__block').count()).toBe(9);
      expect(await wall.getAttribute('data-density')).not.toBe('dense');
      const area = (await screen.page.locator('.wall__ideas').boundingBox())!;
      const boxes = await noteBoxes(screen.page);
      const rows = new Set(boxes.map((b) => b.y));
      // Several groups to a row, each row full but the last, every note on the screen; the notes
      // of a row start at one line and those of a column at one edge, whatever their group's name.
      const columns = new Set(boxes.map((b) => b.x));
      expect(columns.size).toBeGreaterThan(2);
      expect(rows.size).toBe(Math.ceil(9 / columns.size));
      for (const box of boxes) expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
      expect(await axeViolations(screen.page), 'axe with groups side by side').toEqual([]);
    } finally {
      await screen.context.close();
    }
  });

  it('opened on twenty ideas in one group, shows them all in rows, not dense columns half empty', { timeout: 90_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Ane'));
    clients.push(writer);
    await writer.synced();
    for (let i = 0; i < 20; i++) writer.addIdea({ text: `Idé ${i + 1}: flere bænke ved stranden`, position: `a${String(i).padStart(4, '0')}` });
    await eventually(() => writer.allSaved, 20_000, 'the ideas saved');
    const screen = await newDevice(browser, 1920, 1080);
    try {
      await screen.page.emulateMedia({ reducedMotion: 'reduce' });
      // The screen joins a board that has them all: they arrive at once, before the wall has laid out its columns.
      await screen.page.goto(board.links.observer);
      await expect.poll(() => screen.page.locator('.wall-note').count(), { timeout: 10_000 }).toBe(20);
      expect(await screen.page.locator('.wall__columns').getAttribute('data-density')).toBe('medium');
      const area = (await screen.page.locator('.wall__ideas').boundingBox())!;
      const boxes = await noteBoxes(screen.page);
      const columns = new Set(boxes.map((b) => b.x)).size;
      expect(columns).toBeGreaterThanOrEqual(4);
      expect(new Set(boxes.map((b) => b.y)).size).toBe(Math.ceil(20 / columns));
      for (const box of boxes) expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
    } finally {
      await screen.context.close();
    }
  });
});


/** Issue: a handful of ideas filled the first of four columns; the wall now steps from big notes to dense columns. */
describe('the wall uses the screen while there are few ideas', () => {
  it('shows few ideas big across the wall, keeps them still as one more arrives, and turns dense with many', { timeout: 120_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Ane'));
    clients.push(writer);
    await writer.synced();
    let written = 0;
    const write = async (upTo: number) => {
      for (; written < upTo; written++) writer.addIdea({ text: `Idé ${written + 1}: flere bænke ved stranden`, position: `a${String(written).padStart(4, '0')}` });
      await eventually(() => writer.allSaved, 20_000, 'the ideas saved');
    };
    const screen = await newDevice(browser, 1920, 1080);
    const narrow = await newDevice(browser, 800, 900);
    try {
      await screen.page.emulateMedia({ reducedMotion: 'reduce' });
      await screen.page.goto(board.links.observer);
      const wall = screen.page.locator('.wall__columns');
      const notes = screen.page.locator('.wall-note');
      await write(3);
      await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(3);

      // Three ideas: big notes side by side, across the wall (not three small ones in its first column).
      const density = await wall.getAttribute('data-density');
      expect(density).not.toBe('dense');
      const area = (await wall.boundingBox())!;
      const three = await noteBoxes(screen.page);
      expect(new Set(three.map((b) => b.x)).size).toBeGreaterThan(1);
      expect(Math.max(...three.map((b) => b.x + b.width)) - area.x).toBeGreaterThan(area.width * 0.9);
      for (const box of three) expect(box.width).toBeGreaterThan(area.width * 0.3);

      // One more: same step, and the notes already there stay exactly where they were.
      await write(4);
      await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(4);
      expect(await wall.getAttribute('data-density')).toBe(density);
      expect((await noteBoxes(screen.page)).slice(0, 3)).toEqual(three);
      expect(await axeViolations(screen.page), 'axe at the big step').toEqual([]);

      // Many: today's dense columns, filled top to bottom, smaller notes.
      await write(40);
      await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(40);
      await expect.poll(() => wall.getAttribute('data-density'), { timeout: 10_000 }).toBe('dense');
      const dense = await noteBoxes(screen.page);
      expect(dense[1]!.x).toBe(dense[0]!.x);
      expect(dense[1]!.y).toBeGreaterThan(dense[0]!.y);
      expect(dense[0]!.width).toBeLessThan(three[0]!.width);
      // Within the dense step, one more idea moves nobody either.
      await write(41);
      await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(41);
      expect((await noteBoxes(screen.page)).slice(0, 40)).toEqual(dense);
      // Every note is on one of the pages the wall turns through, also when the last page holds
      // a single column (rounding once dropped a last page under half full).
      const columns = async () => new Set((await noteBoxes(screen.page)).map((b) => b.x));
      const perPage = [...(await columns())].filter((x) => x < area.x + area.width).length;
      while ((await columns()).size % perPage !== 1) {
        await write(written + 1);
        await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(written);
      }
      const paging = await wall.evaluate((el) => {
        const step = el.clientWidth + parseFloat(getComputedStyle(el).columnGap);
        const left = el.getBoundingClientRect().x;
        const lastNote = Math.max(...[...el.querySelectorAll('.wall-note')].map((n) => n.getBoundingClientRect().x - left));
        return { pages: Number((el as HTMLElement).dataset.pages), pagesWithNotes: Math.floor(lastNote / step + 0.01) + 1 };
      });
      expect(paging.pages).toBe(paging.pagesWithNotes);

      // A clicker's PageDown turns the page by hand. The last page shows its own column only,
      // not the last screenful (which repeated columns of the page before); PageUp goes back.
      const inView = () =>
        screen.page.evaluate(() => {
          const clip = document.querySelector('.wall__ideas')!.getBoundingClientRect();
          const seen = [...document.querySelectorAll('.wall-note')].map((n) => n.getBoundingClientRect()).filter((r) => r.x >= clip.x - 1 && r.right <= clip.right + 1);
          return { notes: seen.length, columns: new Set(seen.map((r) => Math.round(r.x))).size };
        });
      const pageShown = () => screen.page.locator('.wall__page').getAttribute('data-page');
      let seenNotes = (await inView()).notes;
      for (let page = 2; page <= paging.pages; page++) {
        await screen.page.keyboard.press('PageDown');
        await expect.poll(pageShown).toBe(String(page));
        seenNotes += (await inView()).notes;
      }
      expect(await inView()).toEqual({ notes: 1, columns: 1 });
      expect(seenNotes).toBe(written);
      await screen.page.keyboard.press('PageDown'); // the last page stays
      expect(await pageShown()).toBe(String(paging.pages));
      await screen.page.keyboard.press('PageUp');
      await expect.poll(pageShown).toBe(String(paging.pages - 1));
      expect((await inView()).columns).toBe(perPage);

      // A narrow screen keeps its balanced columns under which the page scrolls, whatever the step.
      await narrow.page.goto(board.links.observer);
      await narrow.page.locator('.wall-note').nth(40).waitFor();
      const style = await narrow.page.locator('.wall__columns').evaluate((el) => getComputedStyle(el).columnFill);
      expect(style).toBe('balance');
      // There nothing turns pages: Page Down is the page's own and scrolls it.
      await narrow.page.keyboard.press('PageDown');
      await expect.poll(() => narrow.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    } finally {
      await screen.context.close();
      await narrow.context.close();
    }
  });
});
