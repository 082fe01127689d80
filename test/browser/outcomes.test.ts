import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BoardLinks } from '../../shared';
import {
  appAndBrowser,
  ARTIFACTS,
  axeViolations,
  joinBoard,
  newDevice,
  newPhone,
  openNoteActions,
  openDockTab,
  waitForStatus,
} from './support';

/**
 * Issue 5's "Done when": a facilitator takes the kick-off board from ideas to a
 * committee-ready report and an Excel file, a participant sees what became of their idea,
 * a new round carries the selected ideas, and "My boards" keeps both boards on the device.
 */

const note = (page: Page, text: string) => page.locator('article.note', { hasText: text });
const KICKOFF = 'Kick-off workshop med rådene';

async function addIdea(page: Page, text: string): Promise<void> {
  await page.getByLabel('Din idé').fill(text);
  await page.getByRole('button', { name: /^Tilføj idé/ }).click();
  await note(page, text).waitFor();
}

async function setStatus(page: Page, text: string, status: string, rationale: string): Promise<void> {
  await (await openNoteActions(note(page, text))).getByRole('button', { name: 'Moderér…' }).click();
  await page.getByRole('menuitem', { name: 'Sæt status…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Status for idéen' });
  await dialog.getByLabel(status).check();
  await dialog.getByLabel('Begrundelse').fill(rationale);
  await dialog.getByRole('button', { name: 'Gem status' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await note(page, text).locator('.status-badge', { hasText: status }).waitFor();
}

/** Starts an export in the card and returns the download it ends in. */
async function exportFile(page: Page, format: string): Promise<Download> {
  const card = page.locator('[data-export]');
  await card.getByLabel(format).check();
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Hent fil' }).click();
  return download;
}

async function saved(download: Download, name: string): Promise<string> {
  const path = joinPath(tmpdir(), `samskab-outcomes-${Date.now()}-${name}`);
  await download.saveAs(path);
  return path;
}

const links = (page: Page, boardId: string) =>
  page.evaluate((id) => JSON.parse(localStorage.getItem(`samskab.links.${id}`) ?? 'null') as BoardLinks | null, boardId);

describe('from idea to initiative, in the browser', () => {
  const suite = appAndBrowser();

  it('takes the kick-off board to an initiative, a report and an Excel file, then a new round', { timeout: 240_000 }, async () => {
    const fac = await newDevice(suite.browser, 1280, 900);
    const page = fac.page;

    // The start page: "My boards" is empty on a new device; the kick-off board is created here.
    await page.goto(suite.app.url);
    const mine = page.locator('[data-my-boards]');
    await mine.getByText('Der er ingen tavler på denne enhed endnu.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opret tavle' }).click();
    await page.getByRole('link', { name: 'Åbn tavlen som facilitator' }).click();
    await page.getByLabel('Dit navn').fill('Mette');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await waitForStatus(page, 'saved');
    const boardId = new URL(page.url()).pathname.split('/')[2]!;
    const kickoffLinks = await links(page, boardId);
    expect(kickoffLinks).not.toBeNull();

    // Ideas: Ane's from her phone, the others from the room.
    const ane = await newPhone(suite.browser, 320, 740);
    await joinBoard(ane.page, kickoffLinks!.participant, 'Ane');
    const bench = 'Bænke og skygge ved Ishøj Sø';
    const calendar = 'Fælles kalender for foreningerne';
    const homework = 'Lektiecafé på biblioteket om lørdagen';
    const parking = 'Flere p-pladser ved rådhuset';
    await addIdea(ane.page, bench);
    await addIdea(page, calendar);
    await addIdea(page, homework);
    await addIdea(page, parking);
    await note(page, bench).waitFor();

    // Statuses with a public rationale, through the note's moderation menu.
    await setStatus(page, bench, 'Udvalgt', 'Passer til pejlemærket om sundhed; kultur- og fritidsudvalget ser på det.');
    await setStatus(page, calendar, 'Udvalgt', 'Foreningerne har efterspurgt det længe.');
    await setStatus(page, parking, 'Ikke videreført', 'Strider mod målet om grøn mobilitet.');

    // An initiative from two ideas, recorded in the board's Initiatives section.
    const section = page.locator('section#initiatives');
    await openDockTab(page, 'Indsatser');
    await section.getByText('Ingen indsatser endnu.', { exact: false }).waitFor();
    await section.getByRole('button', { name: 'Ny indsats…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny indsats' });
    await dialog.getByRole('button', { name: 'Gem indsats' }).click();
    await dialog.getByText('Giv indsatsen en titel.').waitFor();
    const initiative = 'Mødesteder ved søen og i foreningslivet';
    await dialog.getByLabel('Titel').fill(initiative);
    await dialog.getByLabel('Beskrivelse').fill('Bænke, skygge og en fælles kalender, så flere mødes.');
    await dialog.getByLabel('Flagskib').check();
    await dialog.getByLabel('Ansvarlig enhed').fill('Kultur og Fritid');
    await dialog.getByLabel('Målfase').selectOption('2');
    await dialog.getByLabel('Link til dagsordenspunkt eller beslutning').fill('ishoj.dk/dagsorden');
    await dialog.getByRole('button', { name: 'Gem indsats' }).click();
    await dialog.getByText('Skriv en hel webadresse', { exact: false }).waitFor();
    await dialog.getByLabel('Link til dagsordenspunkt eller beslutning').fill('https://www.ishoj.dk/dagsorden/oepu-2024-09');
    await dialog.getByLabel('Søg blandt tavlens idéer').fill('baenke');
    await dialog.locator('[data-pick]', { hasText: bench }).getByRole('checkbox').check();
    await dialog.getByLabel('Søg blandt tavlens idéer').fill('kalender');
    await dialog.locator('[data-pick]', { hasText: calendar }).getByRole('checkbox').check();
    await dialog.getByText('2 idéer valgt').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-initiative-dialog-1280.png` });
    await dialog.getByRole('button', { name: 'Gem indsats' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const card = section.locator('article.initiative', { hasText: initiative });
    await card.waitFor();
    await card.getByText('Kultur og Fritid').waitFor();
    expect(await card.locator('.initiative__ideas li').allInnerTexts()).toEqual([bench, calendar]);
    await note(page, bench).getByText(initiative).waitFor();

    // The idea link jumps to the note (focus moves there).
    await card.getByRole('link', { name: calendar }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-idea'))).toBeTruthy();
    // And back: from the note, while the dock shows the workshop console, to the initiative's card.
    await openDockTab(page, 'Workshop');
    await note(page, bench).getByRole('link', { name: initiative }).click();
    await expect.poll(() => page.getByRole('tab', { name: /^Indsatser/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-initiative'))).toBeTruthy();
    expect(await card.isVisible()).toBe(true);

    // Ane, on her phone, sees what became of her idea: status, rationale and the initiative.
    const aneNote = note(ane.page, bench);
    await aneNote.locator('.status-badge', { hasText: 'Udvalgt' }).waitFor();
    await aneNote.getByText('Begrundelse: Passer til pejlemærket om sundhed', { exact: false }).waitFor();
    await aneNote.locator('.note-outcome', { hasText: `Del af indsatsen: ${initiative}` }).waitFor();
    const aneSection = ane.page.locator('section#initiatives');
    await aneSection.locator('article.initiative', { hasText: initiative }).getByText('Flagskib').waitFor();
    expect(await aneSection.getByRole('button', { name: /Rediger/ }).count()).toBe(0);
    await aneNote.getByRole('link', { name: initiative }).click();
    await expect.poll(() => ane.page.evaluate(() => document.activeElement?.getAttribute('data-initiative'))).toBeTruthy();
    expect(await axeViolations(ane.page)).toEqual([]);
    await ane.page.screenshot({ path: `${ARTIFACTS}/outcomes-participant-320.png`, fullPage: true });

    // Exports from the facilitator tools. Excel first, held back a moment by the network, so
    // the progress shows and the board stays usable meanwhile.
    await page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    const exportCard = page.locator('[data-export]');
    await exportCard.waitFor();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/export/xlsx*', async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    const xlsxDownload = exportFile(page, 'Excel (XLSX)');
    await exportCard.locator('[data-export-phase="preparing"] progress').waitFor();
    await exportCard.getByText('Serveren laver filen…').waitFor();
    expect(await exportCard.getByRole('button', { name: 'Afbryd' }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-export-progress-1280.png` });
    await addIdea(page, 'Idéer kan stadig skrives, mens filen hentes');
    // Closing the tools does not lose the export: reopened, it is still on its way.
    await page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    await expect.poll(() => exportCard.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    await exportCard.locator('[data-export-phase="preparing"] progress').waitFor();
    release();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/^kick-off-workshop-med-raadene-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await exportCard.getByText(`${xlsx.suggestedFilename()} er hentet`, { exact: false }).waitFor();
    await page.unroute('**/export/xlsx*');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await saved(xlsx, 'board.xlsx'));
    const sheet = workbook.getWorksheet('Idéer')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const heading = rows[0]!;
    const col = (name: string) => heading.indexOf(name);
    const benchRow = rows.find((r) => r.includes(bench))!;
    expect(benchRow[col('Status')]).toBe('Udvalgt');
    expect(benchRow[col('Indsatser')]).toBe(initiative);
    expect(rows.find((r) => r.includes(parking))![col('Status')]).toBe('Ikke videreført');
    expect(rows.some((r) => r.includes(homework))).toBe(true);
    expect(workbook.getWorksheet('Indsatser')).toBeDefined();

    // The report: HTML to open and print, with the initiative in it.
    const html = await exportFile(page, 'Rapport (HTML)');
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const report = await readFile(await saved(html, 'report.html'), 'utf8');
    expect(report).toContain(initiative);
    expect(report).toContain('Kultur og Fritid');
    expect(report).toContain(bench);
    await exportCard.getByRole('link', { name: 'Åbn rapporten for at udskrive den' }).waitFor();

    // PDF on a server without Chromium: a clear way round it.
    const chromium = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await exportCard.getByLabel('Rapport (PDF)').check();
      await exportCard.getByRole('button', { name: 'Hent fil' }).click();
      await exportCard.getByRole('alert').getByText('PDF kan ikke laves på denne server', { exact: false }).waitFor();
    } finally {
      if (chromium === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = chromium;
    }
    expect(await axeViolations(page)).toEqual([]);
    await exportCard.screenshot({ path: `${ARTIFACTS}/outcomes-export-card-1280.png` });
    const fallback = page.waitForEvent('download');
    await exportCard.getByRole('button', { name: 'Hent HTML-rapporten i stedet' }).click();
    expect((await fallback).suggestedFilename()).toMatch(/\.html$/);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-board-1280.png`, fullPage: true });

    // A new round carries the selected ideas (two), with their way back here.
    await page.getByRole('button', { name: 'Start en ny runde…' }).click();
    const round = page.getByRole('dialog', { name: 'Start en ny runde' });
    expect(await round.getByLabel('Titel på den nye tavle').inputValue()).toBe(`${KICKOFF} – runde 2`);
    await round.getByText('2 idéer bliver taget med.').waitFor();
    await round.getByRole('checkbox', { name: /Ikke videreført/ }).check();
    await round.getByText('3 idéer bliver taget med.').waitFor();
    await round.getByRole('checkbox', { name: /Ikke videreført/ }).uncheck();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-new-round-1280.png` });
    await round.getByRole('button', { name: 'Start runden' }).click();
    await round.getByText(`Den nye runde "${KICKOFF} – runde 2" er klar med 2 idéer.`).waitFor();
    const newBoardId = await round.locator('[data-round-created]').getAttribute('data-round-created');
    expect(await links(page, newBoardId!)).not.toBeNull();
    await round.getByRole('link', { name: 'Åbn den nye tavle' }).click();
    await page.getByLabel('Dit navn').fill('Mette');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 1, name: `${KICKOFF} – runde 2` }).waitFor();
    const carried = note(page, bench);
    await carried.locator('.note-outcome', { hasText: `Fra runden: ${KICKOFF} (Udvalgt)` }).waitFor();
    await note(page, calendar).locator('[data-origin]').waitFor();
    expect(await note(page, parking).count()).toBe(0);
    expect(await note(page, homework).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-new-round-board-1280.png`, fullPage: true });

    // My boards: both, newest first; one removed from this device after a confirmation.
    await page.goto(suite.app.url);
    const items = mine.locator('.my-boards__item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.locator('h3').allInnerTexts()).toEqual([`${KICKOFF} – runde 2`, KICKOFF]);
    await items.first().getByText(/^Oprettet \d+\. \w+ \d{4}/).waitFor();
    expect(await items.first().getByRole('link', { name: `Åbn ${KICKOFF} – runde 2` }).getAttribute('href')).toContain(`/b/${newBoardId}#k=`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-my-boards-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 740 });
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-my-boards-320.png`, fullPage: true });
    await items.first().getByRole('button', { name: `Fjern fra enheden: ${KICKOFF} – runde 2` }).click();
    await items.first().getByRole('button', { name: 'Behold' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await items.first().getByRole('button', { name: 'Ja, fjern den' }).click();
    await mine.getByText(`"${KICKOFF} – runde 2" er fjernet fra denne enhed.`).waitFor();
    await expect.poll(() => items.count()).toBe(1);
    expect(await links(page, newBoardId!)).toBeNull();

    await Promise.all([fac.context.close(), ane.context.close()]);
  });

  it('gives facilitators the outcome tools at 320 px', { timeout: 120_000 }, async () => {
    const phone = await newPhone(suite.browser, 320, 740);
    const page = phone.page;
    await page.goto(suite.app.url);
    await page.getByRole('button', { name: 'Opret tavle' }).click();
    await page.getByRole('link', { name: 'Åbn tavlen som facilitator' }).click();
    await page.getByLabel('Dit navn').fill('Sofie');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tilføj en idé' }).waitFor();
    await addIdea(page, 'Fælles spisning i Vejleåparken');
    await page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    // A beacon of the board's own, for the initiative to be measured against.
    await page.getByRole('button', { name: 'Tilføj pejlemærke' }).click();
    await page.getByLabel('Pejlemærke 1', { exact: true }).fill('Sundhed og trivsel');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await page.getByText('Indstillingerne er gemt', { exact: false }).waitFor();
    const tools = page.locator('[data-outcomes-tools]');
    await tools.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await tools.screenshot({ path: `${ARTIFACTS}/outcomes-tools-320.png` });
    await tools.getByRole('button', { name: 'Ny indsats…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny indsats' });
    await dialog.getByLabel('Titel').fill('Spisefællesskaber');
    await dialog.getByLabel('Sundhed og trivsel').check();
    await dialog.locator('[data-pick]').first().getByRole('checkbox').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-initiative-dialog-320.png` });
    await dialog.getByRole('button', { name: 'Gem indsats' }).click();
    const card = page.locator('section#initiatives article.initiative', { hasText: 'Spisefællesskaber' });
    await card.waitFor();
    await card.getByText('Sundhed og trivsel').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-initiative'))).toBeTruthy();

    // Edit, then delete with a confirmation; the idea stays.
    await card.getByRole('button', { name: 'Rediger indsatsen Spisefællesskaber' }).click();
    const edit = page.getByRole('dialog', { name: 'Rediger indsats' });
    await edit.getByLabel('Titel').fill('Spisefællesskaber i boligområderne');
    await edit.getByRole('button', { name: 'Gem indsats' }).click();
    await note(page, 'Fælles spisning').getByText('Spisefællesskaber i boligområderne').waitFor();
    await page.locator('section#initiatives').screenshot({ path: `${ARTIFACTS}/outcomes-initiatives-320.png` });
    await page.getByRole('button', { name: 'Slet indsatsen Spisefællesskaber i boligområderne' }).click();
    const remove = page.getByRole('dialog', { name: 'Slet indsatsen' });
    expect(await axeViolations(page)).toEqual([]);
    await remove.getByRole('button', { name: 'Slet indsatsen' }).click();
    await page.locator('section#initiatives').getByText('Ingen indsatser endnu.', { exact: false }).waitFor();
    expect(await note(page, 'Fælles spisning').locator('.note-outcome').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/outcomes-board-320.png`, fullPage: true });
    await phone.context.close();
  });
});
