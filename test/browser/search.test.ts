import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { randomId, type ContributorType, type CreateBoardResponse, type CreateSessionRequest, type Idea, type SessionResponse } from '../../shared';
import { TestClient, socketClient } from '../support/harness';
import { call, ok } from '../support/workshop';
import { appAndBrowser, ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, newDevice, waitForStatus } from './support';

/** A Copenhagen wall-clock time as an instant (summer time, UTC+2, for these dates). */
const copenhagen = (iso: string): number => Date.parse(`${iso}+02:00`);

const SEEDED: Array<{ text: string; type: ContributorType; name: string; organisation: string | null; at: string }> = [
  { text: 'Cykelsti hele vejen fra Ishøj til Århus', type: 'citizen', name: 'Søren', organisation: null, at: '2024-05-29T18:30:00' },
  { text: 'Kunstgræsbane ved østerbro skole', type: 'association', name: 'Aisha', organisation: 'Ishøj IF', at: '2024-05-29T19:10:00' },
  { text: 'Cykelværksted for børn i Ishøj Landsby', type: 'business', name: 'Jens', organisation: 'Ishøj Cykler ApS', at: '2024-06-15T10:00:00' },
  { text: 'Fællesspisning på Gården hver fredag', type: 'citizen', name: 'Karin', organisation: null, at: '2024-09-02T12:00:00' },
];

const notes = (page: Page) => page.locator('.ideas .note');
const noteTexts = async (page: Page): Promise<string[]> => (await notes(page).locator('.note__text').allInnerTexts()).sort();
const shownCount = (page: Page) => page.getByTestId('ideas-shown').innerText();

describe('search and filters on a board', () => {
  const suite = appAndBrowser();

  const session = (board: CreateBoardResponse, role: 'participant' | 'facilitator', details: Omit<CreateSessionRequest, 'token'>) =>
    createSession(suite.app.url, board, role, details);

  /** A socket.io command as a session, as the page's command channel sends it. */
  async function command(who: SessionResponse, event: 'idea:setStatus' | 'comment:add', payload: unknown): Promise<void> {
    const socket = socketClient(suite.app.url, who.sessionToken);
    try {
      await ok(call(socket, event, payload));
    } finally {
      socket.close();
    }
  }

  /** A board with ideas in Danish from several kinds of contributor over the summer, written over Yjs. */
  async function seededBoard() {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const wsUrl = suite.app.url.replace('http', 'ws');
    const ideas: Idea[] = [];
    for (const seed of SEEDED) {
      // The session's identity is what an idea may say about its author.
      const writer = await session(board, 'participant', { displayName: seed.name, contributorType: seed.type, organisation: seed.organisation });
      const client = new TestClient(wsUrl, board.boardId, writer);
      await client.synced();
      const at = copenhagen(seed.at);
      ideas.push(client.addIdea({ text: seed.text, contributorType: seed.type, organisation: seed.organisation, createdAt: at, updatedAt: at }));
      await expect.poll(() => client.allSaved || client.errors.length > 0).toBe(true);
      expect(client.errors).toEqual([]);
      client.destroy();
    }
    // A facilitator takes one idea forward; a participant comments on another.
    const facilitator = await session(board, 'facilitator', { displayName: 'Lone' });
    await command(facilitator, 'idea:setStatus', { ideaId: ideas[3]!.id, status: 'selected' });
    const commenter = await session(board, 'participant', { displayName: 'Ditte' });
    await command(commenter, 'comment:add', { id: randomId(12), ideaId: ideas[1]!.id, text: 'Husk lys på banen om vinteren' });
    return board;
  }

  it('finds Danish words however they are typed, narrows by contributor and date, and clears', async () => {
    const board = await seededBoard();
    const { page, context } = await newDevice(suite.browser, 1280, 900);
    await joinBoard(page, board.links.facilitator, 'Mette');
    // And one idea through the page itself, today.
    await page.getByLabel('Din idé').fill('Fælles kalender for foreningerne i Ishøj');
    await page.getByRole('button', { name: 'Tilføj idé' }).click();
    await waitForStatus(page, 'saved');
    await expect.poll(() => notes(page).count()).toBe(5);
    expect(await shownCount(page)).toBe('5 idéer');

    const search = page.getByRole('searchbox', { name: 'Søg i idéerne' });
    // Old spelling finds the new: "aarhus" finds "Århus".
    await search.fill('aarhus');
    await expect.poll(() => noteTexts(page)).toEqual(['Cykelsti hele vejen fra Ishøj til Århus']);
    expect(await shownCount(page)).toBe('Viser 1 af 5 idéer');
    // The count is read out politely once the list settles.
    await expect.poll(() => page.locator('.sr-only[aria-live="polite"]').innerText()).toBe('Viser 1 af 5 idéer');

    // Escape empties the box at once.
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(() => notes(page).count()).toBe(5);

    // Capitals find lower case; several words must all be found; the organisation is searched.
    await search.fill('ØSTER');
    await expect.poll(() => noteTexts(page)).toEqual(['Kunstgræsbane ved østerbro skole']);
    await search.fill('ishøj cykler');
    await expect.poll(() => noteTexts(page)).toEqual(['Cykelværksted for børn i Ishøj Landsby']);
    await search.fill('gaarden fredag');
    await expect.poll(() => noteTexts(page)).toEqual(['Fællesspisning på Gården hver fredag']);
    await page.getByRole('button', { name: 'Ryd søgningen' }).click();
    await expect.poll(() => notes(page).count()).toBe(5);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

    // Published comments are searched too.
    await search.fill('lys vinteren');
    await expect.poll(() => noteTexts(page)).toEqual(['Kunstgræsbane ved østerbro skole']);

    // Nothing found: said so, with a way back.
    await search.fill('svømmehal');
    await page.getByText('Ingen idéer passer til søgningen og filtrene.').waitFor();
    await search.fill('');

    // Contributor type (the filters fold into one bar on every screen: open it first).
    await page.getByRole('button', { name: /^Filtre/ }).click();
    await page.getByLabel('Bidragyder').selectOption('citizen');
    await expect.poll(() => noteTexts(page)).toEqual(['Cykelsti hele vejen fra Ishøj til Århus', 'Fællesspisning på Gården hver fredag']);
    expect(await shownCount(page)).toBe('Viser 2 af 5 idéer');

    // Created between two Copenhagen calendar days, both included.
    await page.getByLabel('Bidragyder').selectOption('');
    await page.getByLabel('Oprettet fra').fill('2024-05-29');
    await page.getByLabel('Oprettet til').fill('2024-06-15');
    await expect.poll(() => notes(page).count()).toBe(3);
    // With the contributor type as well: both must hold.
    await page.getByLabel('Bidragyder').selectOption('business');
    await expect.poll(() => noteTexts(page)).toEqual(['Cykelværksted for børn i Ishøj Landsby']);
    await search.fill('landsby');
    await expect.poll(() => shownCount(page)).toBe('Viser 1 af 5 idéer');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/search-desktop.png`, fullPage: true });
    await page.locator('.ideas').screenshot({ path: `${ARTIFACTS}/search-desktop-ideas.png` });

    // "Clear all" restores everything and leaves the keyboard in the search box.
    await page.getByRole('button', { name: 'Nulstil alle' }).click();
    await expect.poll(() => notes(page).count()).toBe(5);
    expect(await search.inputValue()).toBe('');
    expect(await page.getByLabel('Oprettet fra').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

    // Status: one idea was selected; the others have no status, so they are new.
    await page.getByLabel('Status', { exact: true }).selectOption('selected');
    await expect.poll(() => noteTexts(page)).toEqual(['Fællesspisning på Gården hver fredag']);
    await page.getByLabel('Status', { exact: true }).selectOption('new');
    await expect.poll(() => notes(page).count()).toBe(4);
    await page.getByLabel('Status', { exact: true }).selectOption('realised');
    await expect.poll(() => notes(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Nulstil alle' }).first().click();
    await expect.poll(() => notes(page).count()).toBe(5);
    await context.close();
  });

  it('folds the filters into a disclosure on a 320 px phone', async () => {
    const board = await seededBoard();
    const { page, context } = await newDevice(suite.browser, 320, 700);
    await joinBoard(page, board.links.participant, null);
    await expect.poll(() => notes(page).count()).toBe(4);

    const toggle = page.getByRole('button', { name: 'Filtre', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('Bidragyder').isVisible()).toBe(false);
    // The search stays in view.
    await page.getByRole('searchbox', { name: 'Søg i idéerne' }).fill('århus');
    await expect.poll(() => notes(page).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/search-320-closed.png`, fullPage: true });

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Bidragyder').selectOption('association');
    await expect.poll(() => notes(page).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Søg i idéerne' }).fill('');
    await expect.poll(() => noteTexts(page)).toEqual(['Kunstgræsbane ved østerbro skole']);
    await page.getByRole('button', { name: 'Filtre (1)' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/search-320-open.png`, fullPage: true });

    await page.getByRole('button', { name: 'Nulstil alle' }).first().click();
    await expect.poll(() => notes(page).count()).toBe(4);
    await context.close();
  });
});
