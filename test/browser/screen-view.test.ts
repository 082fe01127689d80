import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Cluster, WorkshopState } from '../../shared';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { createBoard, createSession, joinBoard, launchBrowser, newDevice, startApp } from './support';

/** The facilitator switches the projector from the laptop (issue 12: "a facilitator can switch it"). */
describe('the projector follows the facilitator', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let lead: TestSocket;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });

  afterAll(async () => {
    lead?.close();
    await browser?.close();
    await app?.close();
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
    } finally {
      await screen.context.close();
      await laptop.context.close();
    }
  });
});
