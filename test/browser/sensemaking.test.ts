import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ideasMap, readClusters, type CreateBoardResponse, type PublicCall } from '../../shared';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, launchBrowser, newDevice, newPhone, openDockTab, startApp } from './support';

/**
 * Sensemaking in the browser (issue 14): similar ideas under the idea field, with support
 * instead of a second copy; "Mulige dubletter" merged in one click; a theme accepted as a
 * cluster that everyone sees; the public call form's suggestions; axe on each.
 */
describe('sensemaking', () => {
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

  async function boardWith(texts: string[]): Promise<{ board: CreateBoardResponse; writer: TestClient; ids: string[] }> {
    const board = await createBoard(app.url, { template: 'blank' });
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Ane'));
    clients.push(writer);
    await writer.synced();
    const ids = texts.map((text, i) => writer.addIdea({ text, position: `a${i}` }).id);
    await eventually(() => writer.allSaved, 20_000, 'seeded');
    return { board, writer, ids };
  }

  it('suggests similar ideas while a participant writes, and supporting one reacts instead of adding', { timeout: 90_000 }, async () => {
    const { board, ids } = await boardWith(['Flere cykelstier til skolerne', 'Længere åbningstider på biblioteket', 'Bænke ved stranden']);
    const { context, page } = await newPhone(browser);
    try {
      await joinBoard(page, board.links.participant, 'Bo');
      await page.getByLabel('Din idé').fill('Sikre cykelstier til skolen');
      const suggestions = page.locator('.similar-ideas');
      await suggestions.waitFor({ timeout: 10_000 });
      await expect.poll(() => suggestions.locator('.similar-ideas__item').count()).toBe(1);
      expect(await suggestions.innerText()).toContain('Flere cykelstier til skolerne');
      expect(await suggestions.innerText()).not.toContain('biblioteket');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/sensemaking-composer-390.png` });

      const support = suggestions.getByRole('button', { name: /Støt denne idé/ });
      await support.click();
      await expect.poll(() => suggestions.getByRole('button', { name: /Du støtter denne idé/ }).getAttribute('aria-pressed')).toBe('true');
      // The support is a reaction on the existing idea; nothing new was added.
      const reader = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'observer', 'Skærm'));
      clients.push(reader);
      await reader.synced();
      expect(ideasMap(reader.doc).size).toBe(3);
      await eventually(() => JSON.stringify(reader.doc.getMap('reactions').get(ids[0]!) ?? '').includes('support'), 10_000, 'the support reaction');
    } finally {
      await context.close();
    }
  });

  it('merges a pair from "Mulige dubletter" and accepts a theme as a cluster, for everyone', { timeout: 120_000 }, async () => {
    const { board, ids } = await boardWith([
      'Flere cykelstier til skolerne',
      'Flere cykelstier til skolerne i Ishøj',
      'Cykelstierne skal ryddes for sne',
      'Længere åbningstider på biblioteket',
      'Biblioteket skal have åbent om aftenen',
      'Bibliotekets åbningstider er for korte',
      'Fællesspisning for ældre der bor alene',
    ]);
    const { context, page } = await newDevice(browser, 1366, 768);
    const other = await newDevice(browser, 1366, 768);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      await joinBoard(other.page, board.links.participant, 'Bo');
      const dock = page.locator('[data-sense]');
      await openDockTab(page, 'Overblik');
      const pairs = dock.locator('[data-duplicates] .sense-pair');
      await expect.poll(() => pairs.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const first = pairs.first();
      expect(await first.innerText()).toContain('Flere cykelstier til skolerne');
      expect(await axeViolations(page)).toEqual([]);
      await first.getByRole('button', { name: 'Slå sammen' }).click();
      // One of the two is folded into the other (the newer into the older; seeded in the same
      // millisecond either may stay): one note is left on every board, the other's text only
      // in its merge history.
      const pair = ['Flere cykelstier til skolerne', 'Flere cykelstier til skolerne i Ishøj'];
      const left = async () => (await other.page.locator('.note__text').allInnerTexts()).filter((text) => pair.includes(text)).length;
      await expect.poll(left, { timeout: 15_000 }).toBe(1);

      const themes = dock.locator('[data-themes]');
      await themes.getByRole('button', { name: 'Foreslå temaer' }).click();
      const library = themes.locator('.sense-theme', { hasText: 'Længere åbningstider på biblioteket' });
      await library.waitFor({ timeout: 15_000 });
      await library.getByLabel('Navn på klyngen').fill('Biblioteket');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/sensemaking-facilitator-1366.png` });
      await library.getByRole('button', { name: 'Lav klynge' }).click();
      // The cluster exists for everyone, with the theme's ideas in it.
      const observer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'observer', 'Skærm'));
      clients.push(observer);
      await observer.synced();
      await eventually(() => readClusters(observer.doc).some((c) => c.name === 'Biblioteket'), 15_000, 'the cluster');
      const cluster = readClusters(observer.doc).find((c) => c.name === 'Biblioteket')!;
      await eventually(
        () => [ids[3], ids[4], ids[5]].every((id) => ideasMap(observer.doc).get(id!)?.get('clusterId') === cluster.id),
        15_000,
        'the theme\u2019s ideas in the cluster',
      );
      await expect.poll(() => other.page.getByRole('heading', { name: /Biblioteket/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
      await other.context.close();
    }
  });

  it('shows similar published ideas on the public call form', { timeout: 90_000 }, async () => {
    const { board } = await boardWith(['Flere cykelstier til skolerne', 'Bænke ved stranden']);
    const socket = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(socket);
    const publicCall = await ok(call<PublicCall>(socket, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }));
    const { context, page } = await newPhone(browser);
    try {
      await page.goto(`${app.url}/c/${publicCall.callId}`);
      await page.getByLabel(/Din idé/).first().fill('Cykelstier til skolen, tak');
      const suggestions = page.locator('.similar-ideas');
      await suggestions.waitFor({ timeout: 10_000 });
      expect(await suggestions.innerText()).toContain('Flere cykelstier til skolerne');
      expect(await suggestions.innerText()).not.toContain('Bænke');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('points the facilitator to the duplicates in the group step, and asks for them only when looked at', { timeout: 60_000 }, async () => {
    const board = await createBoard(app.url, { template: 'kickoff' });
    const socket = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(socket);
    const { context, page } = await newDevice(browser, 1366, 768);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      const tab = page.getByRole('tab', { name: /^Overblik/ });
      expect(await page.getByRole('tab', { name: 'Overblik', exact: true }).count()).toBe(1);
      const boxes = () => page.getByRole('tab').evaluateAll((tabs) => tabs.map((el) => JSON.stringify(el.getBoundingClientRect())));
      const before = await boxes();
      // Behind its tab the overview has asked the server nothing.
      expect(await page.locator('[data-sense] [data-duplicates]').count()).toBe(0);
      await setStep(socket, 'kickoff-q1', 'group');
      await page.getByRole('tab', { name: 'Overblik forslag', exact: true }).waitFor();
      // The mark does not move a tab: every tab is where it was.
      expect(await boxes()).toEqual(before);
      // The clusters card, first in the console in this step, leads there; focus goes to the tab.
      await page.getByRole('button', { name: 'Se forslag til temaer og dubletter' }).click();
      await expect.poll(() => tab.evaluate((el) => el === document.activeElement && el.getAttribute('aria-selected') === 'true')).toBe(true);
      await page.locator('[data-sense] [data-duplicates]').waitFor();
    } finally {
      await context.close();
    }
  });
});
