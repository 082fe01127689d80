import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, ARTIFACTS, createBoard, joinBoard, newDevice, waitForStatus } from './support';

/** Presses Tab until the focused element matches the selector (and text), as a keyboard user would. */
async function tabTo(page: Page, selector: string, text: string | null = null, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([sel, txt]) => {
        const el = document.activeElement;
        return !!el && el.matches(sel) && (txt === null || el.textContent === txt);
      },
      [selector, text] as const,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('keyboard only', () => {
  const suite = appAndBrowser();

  it('adds an idea and moves it to another group with Tab, Enter and arrow keys', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const { page, context } = await newDevice(suite.browser);
    await joinBoard(page, board.links.participant, 'Sara');
    // Start from the top of the page, like a fresh page load.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Spring til indhold');

    await tabTo(page, 'textarea');
    await page.keyboard.type('Borgerpanel om natur ved stranden');
    await tabTo(page, 'button', 'Tilføj idé');
    await page.keyboard.press('Enter');

    const unclassified = page.locator('[data-group="unclassified"] .note', { hasText: 'Borgerpanel' });
    await unclassified.waitFor();
    await waitForStatus(page, 'saved');

    // The note's actions are behind its "⋯" button; the row it opens comes next in Tab order.
    await tabTo(page, '[data-group="unclassified"] button[aria-label="Handlinger"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Flyt til…');
    await page.keyboard.press('Enter');
    // The menu opens on its first choice (phase 1 × principle 1); one step down is phase 2 × principle 1.
    expect(await focusedText(page)).toContain('Fase 1');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toContain('Fase 2');
    await page.screenshot({ path: `${ARTIFACTS}/keyboard-move-menu.png` });
    await page.keyboard.press('Enter');

    await page.locator('[data-group="cell-2-1"] .note', { hasText: 'Borgerpanel' }).waitFor();
    expect(await unclassified.count()).toBe(0);
    // Focus follows the note to its new place, and the move is announced.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-group]')?.getAttribute('data-group'))).toBe('cell-2-1');
    await expect.poll(() => page.locator('[aria-live="polite"]').innerText()).toContain('flyttet');

    // Escape closes the menu and returns focus to its button (the moved note's "⋯" has focus).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Handlinger');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toBe('Flyt til…');
    await waitForStatus(page, 'saved');
    await context.close();
  });
});
