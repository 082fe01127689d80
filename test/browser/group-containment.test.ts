import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { appAndBrowser, createBoard, joinBoard, newDevice, openNoteActions, showReactions } from './support';

/**
 * A group skips the layout and paint of what is out of view (`content-visibility: auto`,
 * client/styles/groups.css), which clips what overflows it: while one of its notes has a
 * menu, the thread or the extra reactions open, the group is not contained, so the menu
 * overlaps the next group, even once focus has left it. The rule keys on the class the
 * note's disclosure buttons carry while open (.is-expanded), not on aria-expanded, which
 * every closed button has too and which made each note added or removed by a remote edit
 * re-match the rule over the whole group.
 */
describe('a group with something open in it', () => {
  const suite = appAndBrowser();

  it('is laid out uncontained while a menu, the thread or the reactions are open, and contained again after', async () => {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const { page, context } = await newDevice(suite.browser);
    try {
      await joinBoard(page, board.links.participant, 'Rie');
      await page.getByLabel('Din idé').fill('En idé med en menu');
      await page.getByRole('button', { name: 'Tilføj idé' }).click();
      const note = page.locator('.note', { hasText: 'En idé med en menu' });
      await note.waitFor();
      const group = page.locator('section.group', { has: note });
      const visibility = (g: Locator) => g.evaluate((el) => getComputedStyle(el).contentVisibility);
      const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      await blur();
      expect(await visibility(group)).toBe('auto');
      for (const open of [
        async () => void (await openNoteActions(note)),
        async () => void (await showReactions(note)),
        () => note.locator('.comment-toggle').click(),
      ]) {
        await open();
        await blur();
        expect(await visibility(group)).toBe('visible');
        // Closed again (the same button): contained again.
        await note.locator('.is-expanded').first().click();
        await blur();
        expect(await visibility(group)).toBe('auto');
      }
    } finally {
      await context.close();
    }
  });
});
