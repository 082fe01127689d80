import { describe, expect, it } from 'vitest';
import { appAndBrowser, createBoard, joinBoard, newDevice } from './support';

/**
 * The board's notes and groups translate with useT (client/i18n/useT.ts), which remembers
 * each answer per language, those with counts and names too: a language switch must show
 * every heading, count and note label in the new language, and switching back the old.
 */
describe('switching language on the board', () => {
  const suite = appAndBrowser();

  it('shows the groups, their counts and the notes in the chosen language, and back', async () => {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const { page, context } = await newDevice(suite.browser);
    try {
      await joinBoard(page, board.links.participant, 'Lise');
      for (const text of ['Første idé', 'Anden idé']) {
        await page.getByLabel('Din idé').fill(text);
        await page.getByRole('button', { name: 'Tilføj idé' }).click();
        await page.locator('.note', { hasText: text }).waitFor();
      }
      const group = page.locator('section[data-group="unclassified"]');
      const note = page.locator('.note', { hasText: 'Første idé' });
      const shows = async (label: string, count: string, actions: string) => {
        await group.locator('.group__label', { hasText: label }).waitFor();
        await expect.poll(() => group.locator('.group__count').innerText()).toBe(count);
        await note.getByRole('button', { name: actions, exact: true }).waitFor();
      };
      await shows('Uden placering', '2 idéer', 'Handlinger');

      const choose = async (language: string) => {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.locator('.app-menu__panel select').selectOption(language);
        await page.keyboard.press('Escape');
      };
      await choose('en');
      await shows('Unclassified', '2 ideas', 'Actions');
      await choose('da');
      await shows('Uden placering', '2 idéer', 'Handlinger');
    } finally {
      await context.close();
    }
  });
});
