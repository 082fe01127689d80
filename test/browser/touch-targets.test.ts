import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addIdea, appAndBrowser, ARTIFACTS, createBoard, joinBoard, newDevice, newPhone, openNoteActions, waitForStatus } from './support';

/**
 * Our rule on touch screens: every target at least 44 px in its smaller dimension (WCAG 2.5.5).
 * Measured on what a phone shows (390 × 844, touch): the join page, and a board with a few
 * ideas, reactions, an open comment thread and the report dialog. A checkbox counts by its label, which is
 * what a finger hits. Skip links are left out while they wait above the screen.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, summary')) {
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.sr-only, [hidden]')) continue;
      const input = el instanceof HTMLInputElement ? el : null;
      if (input && (input.type === 'checkbox' || input.type === 'radio')) {
        const label = input.closest('label') ?? (input.id ? document.querySelector(`label[for="${input.id}"]`) : null);
        if (label) box = label.getBoundingClientRect();
      }
      if (Math.min(box.width, box.height) < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? input?.type ?? '').trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return out;
  });
}

describe('touch targets on a phone', () => {
  const suite = appAndBrowser();

  it('are at least 44 px on the join page and on a board with ideas, reactions and a comment', { timeout: 60_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const author = await newDevice(suite.browser);
    await joinBoard(author.page, board.links.participant, 'Anders');
    for (const text of ['Flere bænke ved søen', 'Gratis svømning for unge', 'Byhave på taget af rådhuset']) await addIdea(author.page, text);
    await waitForStatus(author.page, 'saved');

    const { page } = await newPhone(suite.browser);
    await page.goto(board.links.participant);
    await page.getByLabel('Dit navn').waitFor();
    expect(await smallTargets(page)).toEqual([]);

    await page.getByLabel('Dit navn').fill('Mette');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await addIdea(page, 'Bedre busforbindelser om aftenen');
    const note = page.locator('.note', { hasText: 'Gratis svømning for unge' });
    await note.getByRole('button', { name: 'Reagér', exact: true }).click();
    await note.locator('.reaction[data-reaction="support"]').click();
    await note.getByRole('button', { name: 'Kommentér' }).click();
    await note.getByLabel('Skriv en kommentar').fill('God idé – også for ældre morgensvømmere');
    await note.getByRole('button', { name: 'Send kommentar' }).click();
    // The comment is in, with its own "Slet": the button the review found at 30 px.
    await note.locator('.comment').getByRole('button', { name: 'Slet' }).waitFor();
    await waitForStatus(page, 'saved');
    await page.screenshot({ path: `${ARTIFACTS}/touch-targets-board.png`, fullPage: true });
    expect(await smallTargets(page)).toEqual([]);

    // The report dialog: its reasons are radio buttons, which a finger hits by their rows.
    await openNoteActions(note);
    await note.getByRole('button', { name: 'Anmeld', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/touch-targets-report.png` });
    expect(await smallTargets(page)).toEqual([]);
  });
});
