import { describe, expect, it } from 'vitest';
import { appAndBrowser, ARTIFACTS, createBoard, joinBoard, newDevice, openNoteActions, waitForStatus } from './support';

describe('two people on one board', () => {
  const suite = appAndBrowser();

  it('shows an idea added on one device on the other, keeps it over a reload, and the server has it', async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const mette = await newDevice(suite.browser);
    const anon = await newDevice(suite.browser);
    await joinBoard(mette.page, board.links.facilitator, 'Mette');
    await joinBoard(anon.page, board.links.participant, null);

    // Presence: each sees the other, with name or "Anonym", and role (in the list the count opens).
    await mette.page.locator('.presence__button').click();
    await anon.page.locator('.presence__button').click();
    await expect.poll(() => mette.page.locator('.presence__person').allInnerTexts()).toContain('Anonym\nDeltager');
    await expect.poll(() => anon.page.locator('.presence__person').allInnerTexts()).toContain('Mette\nFacilitator');

    const text = 'Et fælles idékatalog for rådene – æøå';
    await mette.page.getByLabel('Din idé').fill(text);
    await mette.page.getByRole('button', { name: 'Tilføj idé' }).click();
    await waitForStatus(mette.page, 'saved');

    const remote = anon.page.locator('.note', { hasText: text });
    await remote.waitFor();
    await expect.poll(() => remote.locator('.note__author').innerText()).toContain('Mette');
    // The new idea is announced politely to the other person.
    await expect.poll(() => anon.page.locator('[aria-live="polite"]').innerText()).toContain(`Ny idé fra Mette: ${text}`);
    // A participant may move but not edit someone else's idea.
    await openNoteActions(remote);
    await expect(remote.getByRole('button', { name: 'Flyt til…' }).count()).resolves.toBe(1);
    await expect(remote.getByRole('button', { name: 'Rediger' }).count()).resolves.toBe(0);

    await mette.page.reload();
    await mette.page.locator('.note', { hasText: text }).waitFor();
    await waitForStatus(mette.page, 'saved');

    // A device that never saw the board gets it from the server alone.
    const fresh = await newDevice(suite.browser);
    await joinBoard(fresh.page, board.links.participant, 'Ny');
    await fresh.page.locator('.note', { hasText: text }).waitFor();
    await fresh.page.screenshot({ path: `${ARTIFACTS}/collaboration-fresh-device.png`, fullPage: true });

    await Promise.all([mette.context.close(), anon.context.close(), fresh.context.close()]);
  });

  it('moves an idea by drag and drop for everyone', async () => {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const a = await newDevice(suite.browser);
    const b = await newDevice(suite.browser);
    await joinBoard(a.page, board.links.facilitator, 'Ada');
    await joinBoard(b.page, board.links.participant, 'Bo');

    await b.page.getByLabel('Din idé').fill('Flyt mig');
    await b.page.getByRole('button', { name: 'Tilføj idé' }).click();
    const note = a.page.locator('[data-group="unclassified"] .note', { hasText: 'Flyt mig' });
    await note.waitFor();
    await note.dragTo(a.page.locator('[data-group="cell-3-2"]'));
    await b.page.locator('[data-group="cell-3-2"] .note', { hasText: 'Flyt mig' }).waitFor();
    await waitForStatus(a.page, 'saved');

    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('lets authors edit and delete their own ideas, and facilitators change the board settings', async () => {
    const board = await createBoard(suite.app.url, { template: 'blank' });
    const f = await newDevice(suite.browser);
    const p = await newDevice(suite.browser);
    await joinBoard(f.page, board.links.facilitator, 'Fie');
    await joinBoard(p.page, board.links.participant, 'Pia');

    await p.page.getByLabel('Din idé').fill('Første udkast');
    await p.page.getByRole('button', { name: 'Tilføj idé' }).click();
    const own = p.page.locator('.note', { hasText: 'Første udkast' });
    await (await openNoteActions(own)).getByRole('button', { name: 'Rediger' }).click();
    await p.page.getByLabel('Din idé').nth(1).fill('Andet udkast');
    await p.page.getByRole('button', { name: 'Gem ændringer' }).click();
    await f.page.locator('.note', { hasText: 'Andet udkast' }).waitFor();

    await (await openNoteActions(p.page.locator('.note', { hasText: 'Andet udkast' }))).getByRole('button', { name: 'Slet' }).click();
    await p.page.getByRole('button', { name: 'Ja, slet' }).click();
    await expect.poll(() => f.page.locator('.note', { hasText: 'Andet udkast' }).count()).toBe(0);

    // Settings go through socket.io; the server writes them into the document for everyone.
    await f.page.getByRole('button', { name: 'Facilitatorværktøjer' }).click();
    await f.page.getByLabel('Titel', { exact: true }).fill('Borgermøde i Ishøj');
    await f.page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await f.page.getByLabel('Spørgsmål 1', { exact: true }).fill('Hvad gør Ishøj til et godt sted at bo?');
    await f.page.getByRole('button', { name: 'Tilføj pejlemærke' }).click();
    await f.page.getByLabel('Pejlemærke 1', { exact: true }).fill('Grøn by');
    await f.page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await f.page.getByText('Indstillingerne er gemt.').waitFor();
    await p.page.getByRole('heading', { level: 1, name: 'Borgermøde i Ishøj' }).waitFor();

    await f.page.getByLabel('Fokusspørgsmål').selectOption({ label: 'Hvad gør Ishøj til et godt sted at bo?' });
    await p.page.locator('.focus-question', { hasText: 'Hvad gør Ishøj til et godt sted at bo?' }).waitFor();

    // New ideas follow the focus question and can carry beacons.
    await p.page.getByLabel('Din idé').fill('Flere træer på torvet');
    await p.page.getByText('Placering (valgfri)').click();
    await p.page.getByLabel('Grøn by').check();
    await p.page.getByRole('button', { name: 'Tilføj idé' }).click();
    await f.page.getByLabel('Gruppér efter').selectOption('question');
    const grouped = f.page.locator('.group', { hasText: 'Hvad gør Ishøj til et godt sted at bo?' }).locator('.note', { hasText: 'Flere træer' });
    await grouped.waitFor();
    expect(await grouped.locator('.tag').allInnerTexts()).toContain('Grøn by');
    await f.page.screenshot({ path: `${ARTIFACTS}/board-by-question.png`, fullPage: true });

    await Promise.all([f.context.close(), p.context.close()]);
  });
});
