import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateBoardResponse, Idea, Initiative } from '../../shared';
import { TestClient, eventually, socketClient } from '../support/harness';
import { call, ok } from '../support/workshop';
import { ARTIFACTS, createBoard, createSession, joinBoard, launchBrowser, newDevice, startApp } from './support';

/** Ideas in the board's one long group (no phase and principle: "Uden placering"). */
const LONG = 95;
const unclassified = (page: Page) => page.locator('section[data-group="unclassified"]');
const notesIn = (page: Page) => unclassified(page).locator('.note');

/**
 * A board that has collected ideas for weeks: a group far longer than a screen renders its
 * first notes and counts the rest behind "show more", and whatever the person is looking
 * for (their own new idea, an idea an initiative links to) is still shown.
 */
describe('a board with long groups, in the browser', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let board: CreateBoardResponse;
  let ideas: Idea[];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    board = await createBoard(app.url, { template: 'blank' });
    const client = new TestClient(app.url.replace('http', 'ws'), board.boardId, await session('participant', 'Borger'));
    await client.synced();
    ideas = Array.from({ length: LONG }, (_, i) => client.addIdea({ text: `Forslag nummer ${i + 1}` }));
    await eventually(() => client.allSaved || client.errors.length > 0, 20_000, 'the ideas saved');
    expect(client.errors).toEqual([]);
    client.destroy();
  });

  const session = (role: 'participant' | 'facilitator', displayName: string) => createSession(app.url, board, role, displayName);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('renders the first notes of a long group, counts the rest and shows more on request', async () => {
    const { context, page } = await newDevice(browser);
    try {
      // Every text the "no ideas" line (phones) and the count (every screen) show while the board arrives, however briefly.
      await page.addInitScript(() => {
        const seen: Record<string, string[]> = { none: [], count: [] };
        (window as unknown as { seen: typeof seen }).seen = seen;
        const note = (list: string[], text: string | null | undefined) => {
          if (text != null && list.at(-1) !== text) list.push(text);
        };
        new MutationObserver(() => {
          note(seen.none as string[], document.querySelector('.ideas__none')?.textContent);
          note(seen.count as string[], document.querySelector('[data-testid="ideas-shown"]')?.textContent);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await joinBoard(page, board.links.participant, 'Ida');
      const group = unclassified(page);
      await group.getByRole('heading', { name: `${LONG} idéer` }).waitFor();
      await expect.poll(() => notesIn(page).count()).toBe(40);
      await group.getByText('55 idéer vises ikke endnu').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/large-board-more-1280.png` });

      await group.getByRole('button', { name: 'Vis 40 idéer mere' }).click();
      await expect.poll(() => notesIn(page).count()).toBe(80);
      await page.locator('[aria-live="polite"]', { hasText: `Viser nu 80 af ${LONG} idéer` }).waitFor({ state: 'attached' });
      // The button stays where focus is, so a keyboard user can go on pressing it.
      await page.keyboard.press('Enter');
      await expect.poll(() => notesIn(page).count()).toBe(LONG);
      await expect(group.getByRole('button', { name: /Vis \d+ idé/ }).count()).resolves.toBe(0);
      const texts = await notesIn(page).locator('.note__text').allInnerTexts();
      expect(new Set(texts)).toEqual(new Set(ideas.map((i) => i.text)));
      // While the ideas arrived the board said so; it never said it had none.
      const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, string[]> }).seen);
      expect(seen.none).toEqual(['Henter idéerne…']);
      expect(seen.count?.slice(0, 2)).toEqual(['Henter idéerne…', `${LONG} idéer`]);
    } finally {
      await context.close();
    }
  });

  it('keeps the person\u2019s own new idea in view at the end of a long group', async () => {
    const { context, page } = await newDevice(browser);
    try {
      await joinBoard(page, board.links.participant, 'Omar');
      await expect.poll(() => notesIn(page).count()).toBe(40);
      await page.getByLabel('Din idé').fill('Bænke ved havnen');
      await page.getByRole('button', { name: 'Tilføj idé' }).click();
      const mine = unclassified(page).locator('.group__list--later .note', { hasText: 'Bænke ved havnen' });
      await mine.waitFor();
      await mine.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/large-board-own-idea-1280.png` });
      await unclassified(page).getByRole('heading', { name: `${LONG + 1} idéer` }).waitFor();
      await unclassified(page).getByText('55 idéer vises ikke endnu').waitFor();
    } finally {
      await context.close();
    }
  });

  it('jumps from an initiative to an idea in a long group\u2019s unrendered tail', async () => {
    const socket = socketClient(app.url, (await session('facilitator', 'Lone')).sessionToken);
    const deep = ideas[LONG - 3]!;
    try {
      await ok(
        call<Initiative>(socket, 'initiative:save', {
          fields: { title: 'Havnens mødesteder', scale: 'small', kind: 'new', responsibleUnit: null, beacons: [], targetPhase: 2, decisionLink: null, ideaIds: [deep.id] },
        }),
      );
    } finally {
      socket.close();
    }

    const { context, page } = await newDevice(browser);
    try {
      await joinBoard(page, board.links.participant, 'Aisha');
      await expect.poll(() => notesIn(page).count()).toBe(40);
      const card = page.locator('section#initiatives article.initiative', { hasText: 'Havnens mødesteder' });
      await card.getByRole('link', { name: deep.text }).click();
      const note = page.locator(`#note-${deep.id}`);
      await note.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`note-${deep.id}`);
    } finally {
      await context.close();
    }
  });
});
