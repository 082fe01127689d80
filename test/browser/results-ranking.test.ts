import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateBoardResponse } from '../../shared';
import { readBoardSettings } from '../../shared/model/doc-layout';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, axeViolations, createBoard, createSession, joinBoard, newDevice, newPhone } from './support';

/**
 * The results are a ranking (a live workshop's review: the winner sat at the foot of the
 * phone's list, under a cluster, below an idea with no votes): once the totals are shown,
 * phones, the facilitator's laptop and the projector list the focus question's ideas in
 * vote order, each with its rank (equal totals share one), its total and its cluster's tag.
 */
const suite = appAndBrowser();
const sockets: TestSocket[] = [];
const clients: TestClient[] = [];

afterAll(() => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
});

const TEXT = {
  a: 'Fælles haver i boligområderne',
  b: 'Bænke ved stranden',
  c: 'Et kulturhus i den gamle station',
  d: 'Lektiecafé på biblioteket',
  e: 'Legeplads ved havnen',
  w: 'Sikre cykelstier til skolen',
  other: 'Et spørgsmål til borgerne om trafik',
};

/** What a ranked list shows, item by item: the rank, and whether the note holds the text. */
async function ranking(page: Page, list: string): Promise<{ rank: string | null; text: string }[]> {
  return page.locator(`${list} > li`).evaluateAll((items) =>
    items.map((li) => ({ rank: li.getAttribute('data-rank'), text: li.querySelector('.note__text')?.textContent ?? '' })),
  );
}

describe('the results as a ranking', () => {
  let board: CreateBoardResponse;
  let fac: TestSocket;
  let focus: string;

  beforeAll(async () => {
    const { app } = suite;
    board = await createBoard(app.url, { template: 'kickoff' });
    fac = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(fac);
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'facilitator', 'Mette'));
    clients.push(writer);
    await writer.synced();
    const settings = readBoardSettings(writer.doc)!;
    focus = settings.focusQuestionId!;
    const other = settings.questions.find((q) => q.id !== focus)!.id;
    const green = await ok(call<{ id: string }>(fac, 'cluster:create', { name: 'Grønne steder', questionId: focus }));
    const meet = await ok(call<{ id: string }>(fac, 'cluster:create', { name: 'Mødesteder', questionId: focus }));
    const ids: Record<string, string> = {};
    const add = (key: keyof typeof TEXT, position: string, extra: { clusterId?: string; questionId?: string } = {}) => {
      ids[key] = writer.addIdea({ text: TEXT[key], questionId: focus, position, ...extra }).id;
    };
    // Board order: the clusters' ideas first, the winner last of the loose ones (the foot of the old list).
    add('a', 'a1', { clusterId: green.id });
    add('b', 'a2', { clusterId: green.id });
    add('c', 'a3', { clusterId: meet.id });
    add('d', 'a4');
    add('e', 'a5');
    add('w', 'a6');
    add('other', 'a7', { questionId: other });
    await eventually(() => writer.allSaved, 10_000, 'ideas saved');

    await setStep(fac, focus, 'vote');
    // Five votes each, at most three on one idea: W 5, C 3, D 3, A 2, E 1, B 0.
    const ballots: (keyof typeof TEXT)[][] = [
      ['w', 'w', 'w', 'a', 'a'],
      ['w', 'w', 'c', 'c', 'c'],
      ['d', 'd', 'd', 'e'],
    ];
    for (const [i, ballot] of ballots.entries()) {
      const voter = await socketOf(app.url, await createSession(app.url, board, 'participant', `Vælger ${i + 1}`));
      sockets.push(voter);
      for (const key of ballot) await ok(call(voter, 'vote:cast', { ideaId: ids[key] }));
    }
    await setStep(fac, focus, 'results');
  });

  const expected = [
    { rank: '1', text: TEXT.w },
    { rank: '2', text: TEXT.c },
    { rank: '2', text: TEXT.d },
    { rank: '4', text: TEXT.a },
    { rank: '5', text: TEXT.e },
    { rank: '6', text: TEXT.b },
  ];

  it('a phone and the laptop list the winner first, with rank 1, once the totals are shown', { timeout: 120_000 }, async () => {
    const phone = await newPhone(suite.browser);
    const laptop = await newDevice(suite.browser, 1366, 768);
    try {
      await phone.page.emulateMedia({ reducedMotion: 'reduce' });
      await joinBoard(phone.page, board.links.participant, 'Ane');
      const ideas = phone.page.locator('section.ideas');
      // Totals hidden: the groups as before, and no word of an order by votes.
      await expect.poll(() => ideas.getAttribute('data-results')).toBe('on');
      expect(await ideas.getAttribute('data-ranked')).toBe('off');
      await phone.page.getByText('Stemmetallet er endnu ikke vist.').waitFor();
      expect(await phone.page.getByText('flest først').count()).toBe(0);
      expect(await phone.page.locator('ol.ranking').count()).toBe(0);

      await ok(call(fac, 'voting:reveal', { revealed: true }));
      await expect.poll(() => ideas.getAttribute('data-ranked'), { timeout: 10_000 }).toBe('on');
      await phone.page.getByText('Idéerne står efter antal stemmer, flest først.').waitFor();
      await expect.poll(() => ranking(phone.page, 'ol.ranking'), { timeout: 10_000 }).toEqual(expected);
      // Other questions are not part of it; no group headings, no grouping to choose.
      expect(await phone.page.getByText(TEXT.other).count()).toBe(0);
      expect(await phone.page.locator('[data-group]').count()).toBe(0);
      // The first: its rank read out, its total; the cluster's name is a tag on the note.
      const first = phone.page.locator('ol.ranking > li').first();
      expect(await first.locator('.ranking__rank [aria-hidden="true"]').innerText()).toBe('1.');
      expect(await first.locator('.ranking__rank .sr-only').textContent()).toBe('1. plads');
      expect(await first.locator('.note__total').getAttribute('data-total')).toBe('5');
      expect(await phone.page.locator('ol.ranking > li').nth(1).locator('.sr-only').first().textContent()).toBe('Delt 2. plads');
      const a = phone.page.locator('ol.ranking > li', { hasText: TEXT.a });
      expect(await a.locator('[data-cluster-tag]').textContent()).toBe('Klynge: Grønne steder');
      expect(await first.locator('[data-cluster-tag]').count()).toBe(0);
      // The winner is on the first screen.
      const box = (await first.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      expect(await axeViolations(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${ARTIFACTS}/results-ranking-phone-390.png` });
      await phone.page.screenshot({ path: `${ARTIFACTS}/results-ranking-phone-390-full.png`, fullPage: true });

      // A search narrows the ranking; the ranks stay the room's.
      await phone.page.getByRole('searchbox', { name: 'Søg i idéerne' }).fill('stranden');
      await expect.poll(() => ranking(phone.page, 'ol.ranking')).toEqual([{ rank: '6', text: TEXT.b }]);
      await phone.page.getByRole('searchbox', { name: 'Søg i idéerne' }).fill('');

      await laptop.page.emulateMedia({ reducedMotion: 'reduce' });
      await joinBoard(laptop.page, board.links.facilitator, 'Mette');
      await expect.poll(() => ranking(laptop.page, 'ol.ranking'), { timeout: 10_000 }).toEqual(expected);
      expect(await axeViolations(laptop.page)).toEqual([]);
      await laptop.page.locator('ol.ranking').scrollIntoViewIfNeeded();
      await laptop.page.screenshot({ path: `${ARTIFACTS}/results-ranking-laptop-1366.png` });
    } finally {
      await Promise.all([phone.context.close(), laptop.context.close()]);
    }
  });

  it('the projector shows a ranked wall, the winner first with rank 1', { timeout: 90_000 }, async () => {
    const screen = await newDevice(suite.browser, 1920, 1080);
    try {
      const { page } = screen;
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(board.links.observer);
      const wall = page.locator('.wall');
      await expect.poll(() => wall.getAttribute('data-ranked'), { timeout: 10_000 }).toBe('on');
      await expect.poll(() => ranking(page, 'ol.wall__list--ranked'), { timeout: 10_000 }).toEqual(expected);
      const first = page.locator('ol.wall__list--ranked > li').first();
      expect(await first.locator('.wall-note__rank [aria-hidden="true"]').innerText()).toBe('1.');
      expect(await first.locator('.note__total').getAttribute('data-total')).toBe('5');
      expect(await page.locator('.wall-note--podium').count()).toBe(3);
      const a = page.locator('ol.wall__list--ranked > li', { hasText: TEXT.a });
      expect(await a.locator('[data-cluster-tag]').textContent()).toBe('Klynge: Grønne steder');
      // The winner stands first: top left of the wall.
      const boxes = await page.locator('ol.wall__list--ranked .wall-note').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes.every((b) => b.y >= boxes[0]!.y && (b.y > boxes[0]!.y + 1 || b.x >= boxes[0]!.x))).toBe(true);
      expect(await page.getByText(TEXT.other).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/results-ranking-projector-1920.png` });
    } finally {
      await screen.context.close();
    }
  });
});

describe('a long ranking on the wall', () => {
  it('fills the wall in columns in rank order, the top of the ranking first, the rest counted', { timeout: 180_000 }, async () => {
    const { app, browser } = suite;
    const board = await createBoard(app.url, { template: 'kickoff' });
    const fac = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(fac);
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Bulk'));
    clients.push(writer);
    await writer.synced();
    const focus = readBoardSettings(writer.doc)!.focusQuestionId!;
    const cluster = await ok(call<{ id: string }>(fac, 'cluster:create', { name: 'Byens rum', questionId: focus }));
    const topics = ['cykelstier', 'fælles haver', 'lektiecafé', 'bænke ved stranden', 'kulturhus'];
    const ideas = Array.from({ length: 150 }, (_, i) =>
      writer.addIdea({ text: `Idé ${i + 1}: ${topics[i % 5]} for alle`, questionId: focus, position: `a${String(i).padStart(4, '0')}`, clusterId: i % 3 === 0 ? cluster.id : null }),
    );
    await eventually(() => writer.allSaved, 60_000, 'ideas saved');
    await ok(call(fac, 'voting:configure', { votesPerPerson: 50, maxPerIdea: 10 }));
    await setStep(fac, focus, 'vote');
    // A room's spread: a few favourites, a long tail; the winner is far down the board's own order.
    const wanted = [19, 16, 14, 12, 12, 10, 9, 8, 7, 7, 6, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const ballots: string[][] = [[], [], [], []];
    for (const [r, count] of wanted.entries()) {
      const id = ideas[(r * 37 + 110) % ideas.length]!.id;
      for (let k = 0; k < count; k++) ballots[(r + k) % 4]!.push(id);
    }
    for (const [v, ballot] of ballots.entries()) {
      const voter = await socketOf(app.url, await createSession(app.url, board, 'participant', `Vælger ${v + 1}`));
      sockets.push(voter);
      for (const ideaId of ballot) await ok(call(voter, 'vote:cast', { ideaId }));
    }
    await setStep(fac, focus, 'results');
    await ok(call(fac, 'voting:reveal', { revealed: true }));

    const { context, page } = await newDevice(browser, 1920, 1080);
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(board.links.observer);
      const list = page.locator('ol.wall__list--ranked');
      await expect.poll(() => list.locator('> li').count(), { timeout: 20_000 }).toBe(120);
      await page.locator('.wall__more[data-not-shown="30"]', { hasText: 'dem med flest stemmer vises' }).waitFor();
      await expect.poll(() => page.locator('.wall__columns').getAttribute('data-density'), { timeout: 10_000 }).toBe('dense');
      const ranks = await list.locator('> li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-rank'))));
      expect(ranks[0]).toBe(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // Column-major: the second is under the first, in the wall's first column.
      const [one, two] = await list.locator('.wall-note').evaluateAll((els) => els.slice(0, 2).map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      expect(Math.abs(one!.x - two!.x)).toBeLessThan(2);
      expect(two!.y).toBeGreaterThan(one!.y);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/results-ranking-projector-1920-long.png` });
    } finally {
      await context.close();
    }
  });
});
