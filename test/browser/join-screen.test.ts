import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, ok, socketOf } from '../support/workshop';
import { ARTIFACTS, addIdea, appAndBrowser, axeViolations, createBoard, createSession, joinByCode, newDevice, newPhone } from './support';

/**
 * The projector while people arrive (as Mentimeter, Slido and Kahoot open): with no idea to
 * show, how to join fills the screen, large enough to scan and read from the back of the
 * room at any screen size; the first idea (or the facilitator's choice of the results)
 * gives the screen to the wall, with its compact join panel beside the ideas.
 */
const suite = appAndBrowser();

/** The join screen measured as the room sees it: the QR code's width, the code's type size, and whether all of it is on the screen. */
async function measure(page: Page): Promise<{ qr: number; code: number; inView: boolean }> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const qr = document.querySelector('.join-panel--screen .join-panel__qr')!.getBoundingClientRect();
    const code = document.querySelector('.join-panel--screen .join-panel__code')!;
    const parts = [...document.querySelectorAll('.wall--join .wall__head, .wall--join > .timer, .join-panel--screen > :not(.sr-only)')];
    const inView = parts.every((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
    });
    return { qr: Math.round(qr.width), code: parseFloat(getComputedStyle(code).fontSize), inView };
  });
}

describe('the projector’s join screen', () => {
  it('fills an empty wall with how to join, readable from 720p to 4K, and gives way to the first idea', { timeout: 150_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const lead = await socketOf(suite.app.url, await createSession(suite.app.url, board, 'facilitator', 'Mette'));
    const screen = await newDevice(suite.browser, 1920, 1080);
    const phone = await newPhone(suite.browser);
    const { page } = screen;
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(board.links.observer);
      const join = page.locator('.wall[data-wall="join"]');
      await join.waitFor();
      await join.locator('img.join-panel__qr').waitFor();
      // The question, what to do, where to go, the code, and how many are in.
      await join.locator('.focus-question__text', { hasText: 'Hvad kan rådene bidrage med' }).waitFor();
      expect(await join.getByRole('heading', { name: 'Deltag med din telefon' }).isVisible()).toBe(true);
      expect(await join.locator('.join-panel__url').innerText()).toMatch(/^Gå til \S+\/join$/);
      const code = (await join.locator('[data-join-code]').getAttribute('data-join-code'))!;
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(await join.locator('[data-present]').innerText()).toBe('0 deltagere til stede');
      // Nothing moves for whoever asked for less motion.
      expect(await join.locator('.join-panel--screen').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

      // A phone reads the code off the screen; the screen counts it.
      await joinByCode(phone.page, suite.app.url, code, { name: 'Ane' });
      await expect.poll(() => join.locator('[data-present]').getAttribute('data-present'), { timeout: 15_000 }).toBe('1');

      // 1920 × 1080: a QR code of at least 400 px and the code in at least 120 px type.
      const full = await measure(page);
      expect(full.qr).toBeGreaterThanOrEqual(400);
      expect(full.code).toBeGreaterThanOrEqual(120);
      expect(full.inView).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-1920.png` });

      // A small beamer and a 4K screen show the same picture, scaled, all of it on the screen.
      await page.setViewportSize({ width: 1280, height: 720 });
      const small = await measure(page);
      expect(small.inView).toBe(true);
      expect(small.qr).toBeGreaterThanOrEqual(300);
      expect(small.code).toBeGreaterThanOrEqual(80);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-1280.png` });
      // The longest question of the template and a running timer (top right) still leave it all on the screen.
      await ok(call(lead, 'board:updateSettings', { focusQuestionId: 'kickoff-q2' }));
      await ok(call(lead, 'workshop:timer', { action: 'set', durationMs: 300_000 }));
      await ok(call(lead, 'workshop:timer', { action: 'start' }));
      await join.locator('.focus-question__text', { hasText: 'Hvilke ressourcer og styrker' }).waitFor({ timeout: 10_000 });
      await join.locator('[data-timer="running"]').waitFor({ timeout: 10_000 });
      const crowded = await measure(page);
      expect(crowded.inView).toBe(true);
      expect(crowded.qr).toBeGreaterThanOrEqual(280);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-1280-timer.png` });
      await ok(call(lead, 'workshop:timer', { action: 'stop' }));
      await ok(call(lead, 'board:updateSettings', { focusQuestionId: 'kickoff-q1' }));
      await join.locator('.focus-question__text', { hasText: 'Hvad kan rådene bidrage med' }).waitFor({ timeout: 10_000 });
      await page.setViewportSize({ width: 3840, height: 2160 });
      const large = await measure(page);
      expect(large.inView).toBe(true);
      expect(large.qr).toBeGreaterThanOrEqual(800);
      expect(large.code).toBeGreaterThanOrEqual(240);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-4k.png` });
      // The screen link opened on a phone: one column, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await join.locator('.join-panel__code').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1920, height: 1080 });

      // The facilitator shows the results: the wall's, even without an idea; back to all ideas, the join screen.
      await ok(call(lead, 'workshop:setScreen', { screen: { kind: 'results' } }));
      await page.locator('.wall[data-wall="ideas"][data-results="on"]').waitFor({ timeout: 10_000 });
      await ok(call(lead, 'workshop:setScreen', { screen: { kind: 'ideas' } }));
      await join.waitFor({ timeout: 10_000 });

      // Silent writing: the phone's idea is hidden from the screen, which stays on joining and says why.
      await ok(call(lead, 'workshop:setSilent', { silent: true }));
      await join.locator('.banner--silent', { hasText: 'idéerne vises, når facilitatoren afslører dem' }).waitFor({ timeout: 10_000 });
      const idea = 'Rådene kan åbne deres møder for borgerne';
      await addIdea(phone.page, idea);
      await phone.page.locator('[data-hidden-list="mine"]', { hasText: idea }).waitFor({ timeout: 10_000 });
      expect(await page.getByText(idea).count()).toBe(0);
      expect(await join.count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-silent-1920.png` });

      // Joining closed, still nothing on the wall: no code to show, the room's task under the question, who is here.
      await ok(call(lead, 'join:setOpen', { open: false }));
      const waiting = join.locator('[data-waiting]');
      await waiting.waitFor({ timeout: 10_000 });
      // Silent: the banner above says when the ideas come; the screen says what to do.
      expect(await waiting.locator('.join-panel__heading').innerText()).toBe('Skriv jeres idéer på telefonen');
      expect(await waiting.locator('[data-present]').innerText()).toBe('1 deltager til stede');
      expect(await join.locator('[data-join-code]').count()).toBe(0);
      expect(await join.locator('.join-panel__qr').count()).toBe(0);
      const box = (await waiting.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(1080);
      expect(await waiting.locator('.join-panel__heading').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-closed-1920.png` });
      await ok(call(lead, 'join:setOpen', { open: true }));
      await join.locator('img.join-panel__qr').waitFor({ timeout: 10_000 });

      // Revealed: the first idea takes the screen; the compact join panel stands beside it.
      await ok(call(lead, 'workshop:reveal'));
      await page.locator('.wall[data-wall="ideas"] .wall-note', { hasText: idea }).waitFor({ timeout: 10_000 });
      expect(await page.locator('.join-panel--screen').count()).toBe(0);
      const panel = page.locator('.wall__side .join-panel');
      expect(await panel.locator('[data-join-code]').getAttribute('data-join-code')).toBe(code);
      expect(await panel.locator('.join-panel__qr').isVisible()).toBe(true);
      expect(await page.locator('.wall__side [data-present]').getAttribute('data-present')).toBe('1');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/join-screen-first-idea-1920.png` });
    } finally {
      lead.close();
      await screen.context.close();
      await phone.context.close();
    }
  });
});
