import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateBoardResponse } from '../../shared';
import { readBoardSettings } from '../../shared/model/doc-layout';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, axeViolations, createBoard, createSession, newDevice } from './support';

/**
 * The projector's wall once ideas are in clusters (a reviewer at a live workshop, 1920 × 1080):
 * a cluster split across columns went on without its heading, so nobody at the back knew
 * which cluster the notes were in; and three clusters of a few ideas used half the width, in
 * smaller text than the wall had room for. Now a cluster stands whole in a column when it
 * fits, and a column that goes on with one repeats its name ("… (fortsat)"); a few clusters
 * stand side by side across the wall, in large type.
 */
const suite = appAndBrowser();
const sockets: TestSocket[] = [];
const clients: TestClient[] = [];

afterAll(() => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
});

const TEXTS = [
  'Flere bænke og skygge ved søen, så ældre kan holde pause på gåturen',
  'Gratis svømning for unge om sommeren',
  'Byhave på taget af rådhuset med plads til skoleklasser',
  'Bedre busforbindelser om aftenen fra Strandparken',
  'Kunst i tunnelerne under motorvejen',
  'Naboskabsdag hvert forår i alle boligområder',
  'Lånecykler ved stationen',
  'Lektiecafé på biblioteket med frivillige fra foreningerne',
  'Et kulturhus i den gamle station',
  'Sikre cykelstier til skolen',
];
const NAMES = ['Grønne steder og natur', 'Mødesteder', 'Trafik og cykler', 'Unge og fritid', 'Kultur ved stranden'];

interface Seeded {
  board: CreateBoardResponse;
  writer: TestClient;
  focus: string;
  clusters: { id: string; name: string }[];
  /** Each idea's text, with the name of its cluster. */
  clusterOf: Map<string, string>;
}

/** A kick-off board whose focus question has `sizes[i]` ideas in cluster i, in the group step. */
async function seed(sizes: number[]): Promise<Seeded> {
  const { app } = suite;
  const board = await createBoard(app.url, { template: 'kickoff' });
  const fac = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
  sockets.push(fac);
  // The facilitator's device: it may still add an idea once the room groups.
  const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'facilitator', 'Ane'));
  clients.push(writer);
  await writer.synced();
  const focus = readBoardSettings(writer.doc)!.focusQuestionId!;
  const clusters: { id: string; name: string }[] = [];
  for (const name of NAMES.slice(0, sizes.length)) clusters.push({ ...(await ok(call<{ id: string }>(fac, 'cluster:create', { name, questionId: focus }))), name });
  const clusterOf = new Map<string, string>();
  let n = 0;
  sizes.forEach((size, c) => {
    for (let i = 0; i < size; i++, n++) {
      const text = `${TEXTS[n % TEXTS.length]} (${n + 1})`;
      writer.addIdea({ text, questionId: focus, clusterId: clusters[c]!.id, position: `a${String(n).padStart(4, '0')}` });
      clusterOf.set(text, clusters[c]!.name);
    }
  });
  await eventually(() => writer.allSaved, 20_000, 'the ideas saved');
  await setStep(fac, focus, 'group');
  return { board, writer, focus, clusters, clusterOf };
}

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
  text: string;
}

/** Every note and heading on the wall (all pages), with its box, once laid out and painted. */
async function wallBoxes(page: Page): Promise<{ notes: Box[]; headings: Box[]; area: { x: number; right: number; bottom: number } }> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const box = (el: Element, text: string) => {
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), right: Math.round(r.right), bottom: Math.round(r.bottom), text };
    };
    const area = document.querySelector('.wall__ideas')!.getBoundingClientRect();
    return {
      notes: [...document.querySelectorAll('.wall-note')].map((n) => box(n, n.querySelector('.note__text')!.textContent ?? '')),
      headings: [...document.querySelectorAll('.wall__heading')].map((h) => box(h, h.textContent ?? '')),
      area: { x: area.x, right: area.right, bottom: area.bottom },
    };
  });
}

/**
 * For each column of notes: the nearest heading above its first note, in that column, and
 * the cluster that note is in. A column that goes on with a cluster must name it.
 */
function columnStarts(notes: Box[], headings: Box[], clusterOf: Map<string, string>): { cluster: string; heading: string | null }[] {
  const columns = [...new Set(notes.map((n) => n.x))].sort((a, b) => a - b);
  return columns.map((x) => {
    const first = notes.filter((n) => n.x === x).sort((a, b) => a.y - b.y)[0]!;
    const above = headings.filter((h) => h.x <= first.x + 2 && h.right >= first.x + 10 && h.bottom <= first.y + 1).sort((a, b) => b.bottom - a.bottom)[0];
    return { cluster: clusterOf.get(first.text) ?? '?', heading: above ? above.text : null };
  });
}

describe('the wall of clusters', () => {
  it('names the cluster atop every column, also where a cluster goes on from the column before', { timeout: 120_000 }, async () => {
    const seeded = await seed([9, 8, 8, 8, 8]);
    const screen = await newDevice(suite.browser, 1920, 1080);
    try {
      await screen.page.emulateMedia({ reducedMotion: 'reduce' });
      await screen.page.goto(seeded.board.links.observer);
      await expect.poll(() => screen.page.locator('.wall-note').count(), { timeout: 15_000 }).toBe(41);
      await screen.page.locator('.wall__step[data-step="group"]').waitFor({ timeout: 10_000 });
      const { notes, headings } = await wallBoxes(screen.page);
      const starts = columnStarts(notes, headings, seeded.clusterOf);
      expect(starts.length).toBeGreaterThan(4);
      for (const [i, start] of starts.entries()) {
        expect(start.heading, `the heading atop column ${i + 1}`).not.toBeNull();
        expect(start.heading, `column ${i + 1} starts with an idea in ${start.cluster}`).toContain(start.cluster);
      }
      // Some cluster is taller than a column here: it goes on under its name repeated.
      expect(headings.some((h) => h.text.includes('(fortsat)'))).toBe(true);
      // The repeated name is not a second heading of the cluster (screen readers meet each once).
      expect(await screen.page.locator('h3.wall__heading').count()).toBe(5);
      await screen.page.screenshot({ path: `${ARTIFACTS}/wall-clusters-41.png` });
      expect(await axeViolations(screen.page), 'axe on a wall of clusters').toEqual([]);
    } finally {
      await screen.context.close();
    }
  });

  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`stands three clusters of ten ideas side by side across the wall, in large type, at ${width} × ${height}`, { timeout: 120_000 }, async () => {
      const seeded = await seed([3, 3, 4]);
      const screen = await newDevice(suite.browser, width, height);
      try {
        await screen.page.emulateMedia({ reducedMotion: 'reduce' });
        await screen.page.goto(seeded.board.links.observer);
        await expect.poll(() => screen.page.locator('.wall-note').count(), { timeout: 15_000 }).toBe(10);
        const { notes, headings, area } = await wallBoxes(screen.page);
        // The columns span the wall (not its first half), every note on the one page.
        const width_ = area.right - area.x;
        expect(Math.max(...notes.map((n) => n.right)) - area.x).toBeGreaterThan(width_ * 0.9);
        expect(new Set(notes.map((n) => n.x)).size).toBe(3);
        for (const n of notes) expect(n.bottom).toBeLessThanOrEqual(area.bottom + 1);
        expect(await screen.page.locator('.wall__page').count()).toBe(0);
        // One cluster a column, under its heading.
        for (const start of columnStarts(notes, headings, seeded.clusterOf)) expect(start.heading).toContain(start.cluster);
        // Large type while it fits: no smaller than 1.4 % of the screen's width (the dense steps' is 1.15–1.25 %).
        const size = await screen.page.locator('.wall-note .note__text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(size).toBeGreaterThanOrEqual(width * 0.014);
        await screen.page.screenshot({ path: `${ARTIFACTS}/wall-clusters-10-${width}.png` });

        // One more idea in a cluster with room for it: the other clusters' notes stay exactly where they were.
        const before = notes.filter((n) => seeded.clusterOf.get(n.text) !== NAMES[1]);
        const text = 'Træer på torvet (11)';
        seeded.writer.addIdea({ text, questionId: seeded.focus, clusterId: seeded.clusters[1]!.id, position: 'a0100' });
        await screen.page.locator('.wall-note', { hasText: text }).waitFor({ timeout: 10_000 });
        const after = (await wallBoxes(screen.page)).notes.filter((n) => seeded.clusterOf.has(n.text) && seeded.clusterOf.get(n.text) !== NAMES[1]);
        expect(after).toEqual(before);
      } finally {
        await screen.context.close();
      }
    });
  }
});
