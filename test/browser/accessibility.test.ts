import { describe, expect, it } from 'vitest';
import { appAndBrowser, ARTIFACTS, axeViolations, createBoard, joinBoard, newDevice, waitForStatus } from './support';

describe('accessibility (axe-core, WCAG 2.1 A and AA) and screenshots', () => {
  const suite = appAndBrowser();

  it('start page and the created links', async () => {
    const { page, context } = await newDevice(suite.browser);
    await page.goto(`${suite.app.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/start.png`, fullPage: true });

    await page.getByLabel('Beskrivelse').fill('Workshop på rådhuset');
    await page.getByRole('button', { name: 'Opret tavle' }).click();
    await page.getByRole('link', { name: 'Åbn tavlen som facilitator' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/start-created.png`, fullPage: true });

    // English is complete and remembered.
    await page.getByLabel('Sprog', { exact: true }).selectOption('en');
    await page.getByRole('link', { name: 'Open the board as facilitator' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Create an ideation board' }).waitFor();
    await context.close();
  });

  it('board page on a desktop, with ideas and the facilitator tools', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const { page, context } = await newDevice(suite.browser, 1400, 1000);
    await joinBoard(page, board.links.facilitator, 'Mette');
    const ideas = [
      ['Åbne rådsmøder i biblioteket', '1', '1', 'outward'],
      ['Fælles kalender for foreningerne', '2', '1', 'outward'],
      ['Vision 2035 på byrådets dagsorden hver måned', '1', '2', 'political'],
      ['Medarbejderdag om visionen med HovedMED', '3', '3', 'inward'],
      ['En idé uden placering endnu', '', '', ''],
    ];
    for (const [text, phase, principle, track] of ideas) {
      await page.getByLabel('Din idé').fill(text!);
      if (phase) {
        await page.getByText('Placering (valgfri)').click();
        await page.getByLabel('Fase', { exact: true }).first().selectOption(phase);
        await page.getByLabel('Princip', { exact: true }).first().selectOption(principle!);
        await page.getByLabel('Spor', { exact: true }).first().selectOption(track!);
        await page.getByText('Placering (valgfri)').click();
      }
      await page.getByRole('button', { name: 'Tilføj idé' }).click();
    }
    await waitForStatus(page, 'saved');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/board-desktop.png`, fullPage: true });

    await page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    await page.getByRole('heading', { name: 'Del tavlen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/board-facilitator.png`, fullPage: true });

    await page.getByLabel('Gruppér efter').selectOption('track');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/board-by-track.png`, fullPage: true });
    await context.close();
  });

  it('board page at 320 px wide', async () => {
    const board = await createBoard(suite.app.url, { template: 'citizens' });
    const { page, context } = await newDevice(suite.browser, 320, 700);
    await joinBoard(page, board.links.participant, null);
    await page.getByLabel('Din idé').fill('Flere bænke langs stranden, så ældre kan holde pauser');
    await page.getByRole('button', { name: 'Tilføj idé' }).click();
    await waitForStatus(page, 'saved');
    // Nothing forces the page wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/board-320.png`, fullPage: true });
    await context.close();
  });

  it('observer view on the projector', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const writer = await newDevice(suite.browser);
    await joinBoard(writer.page, board.links.participant, 'Lars');
    await writer.page.getByLabel('Din idé').fill('Ishøj Strand som fælles samlingssted');
    await writer.page.getByRole('button', { name: 'Tilføj idé' }).click();
    await waitForStatus(writer.page, 'saved');

    const screen = await newDevice(suite.browser, 1600, 900);
    await screen.page.goto(board.links.observer);
    await screen.page.locator('.note', { hasText: 'Ishøj Strand' }).waitFor();
    await expect.poll(() => screen.page.locator('.screen__stats').innerText()).toContain('1 deltager til stede');
    // Read-only: no way to add, edit or move anything.
    expect(await screen.page.getByRole('button', { name: 'Flyt til…' }).count()).toBe(0);
    expect(await screen.page.getByRole('button', { name: 'Handlinger' }).count()).toBe(0);
    expect(await screen.page.getByLabel('Din idé').count()).toBe(0);
    expect(await axeViolations(screen.page)).toEqual([]);
    await screen.page.screenshot({ path: `${ARTIFACTS}/observer.png`, fullPage: true });
    await Promise.all([writer.context.close(), screen.context.close()]);
  });
});
