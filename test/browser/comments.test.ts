import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { QueueResult } from '../../shared';
import { join, socketClient } from '../support/harness';
import {
  appAndBrowser,
  ARTIFACTS,
  axeViolations,
  createBoard,
  joinBoard,
  newDevice,
  openNoteActions,
  showReactions,
  waitForStatus,
} from './support';

/**
 * What happens on an idea: comments, reactions, reports, and the facilitator's moderation
 * on the board (hide, restore, moderator edit, status). Two participants (one on a 320 px
 * phone) and a facilitator on the same board.
 */

const note = (page: Page, text: string) => page.locator('article.note', { hasText: text });

async function addIdea(page: Page, text: string): Promise<void> {
  await page.getByLabel('Din idé').fill(text);
  await page.getByRole('button', { name: /^Tilføj idé/ }).click();
  await note(page, text).waitFor();
}

async function moderate(page: Page, text: string, item: string): Promise<void> {
  await (await openNoteActions(note(page, text))).getByRole('button', { name: 'Moderér…' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

describe('comments, reactions, reports and moderation on a note', () => {
  const suite = appAndBrowser();

  it('two participants and a facilitator comment, react, report, hide, restore and set a status', { timeout: 180_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser, 1280, 900);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    const ane = await newDevice(suite.browser, 1280, 900);
    await joinBoard(ane.page, board.links.participant, 'Ane');
    const bo = await newDevice(suite.browser, 320, 740);
    await joinBoard(bo.page, board.links.participant, 'Bo');

    const idea = 'Bænke og skygge ved Ishøj Sø';
    await addIdea(ane.page, idea);
    await note(bo.page, idea).waitFor();

    // Bo comments from the phone; Ane sees the count.
    await note(bo.page, idea).getByRole('button', { name: 'Kommentér' }).click();
    const thread = note(bo.page, idea).getByRole('group', { name: 'Kommentarer til idéen' });
    await thread.getByLabel('Skriv en kommentar').fill('God idé – også med drikkevand, tak!');
    await thread.getByRole('button', { name: 'Send kommentar' }).click();
    await thread.getByText('Din kommentar er sendt.').waitFor();
    await thread.locator('.comment', { hasText: 'også med drikkevand' }).waitFor();
    expect(await thread.locator('.comment__author').first().innerText()).toBe('Bo');
    await note(ane.page, idea).getByRole('button', { name: '1 kommentar' }).waitFor();

    // Reactions: Bo supports the idea; Ane sees the count, and the button is pressed for Bo only.
    await (await showReactions(note(bo.page, idea))).getByRole('button', { name: /^Støtter/ }).click();
    const boSupport = note(bo.page, idea).locator('[data-reaction="support"]');
    await expect.poll(() => boSupport.getAttribute('aria-pressed')).toBe('true');
    const aneSupport = note(ane.page, idea).locator('[data-reaction="support"]');
    await expect.poll(() => aneSupport.getAttribute('data-count')).toBe('1');
    expect(await aneSupport.getAttribute('aria-pressed')).toBe('false');
    await (await showReactions(note(ane.page, idea))).getByRole('button', { name: /^Elsker/ }).click();
    await expect.poll(() => note(bo.page, idea).locator('[data-reaction="love"]').getAttribute('data-count')).toBe('1');

    expect(await axeViolations(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: `${ARTIFACTS}/comments-thread-320.png`, fullPage: true });

    // Bo reports the idea, from the phone: "Anmeld" is behind the note's "⋯".
    expect(await note(bo.page, idea).getByRole('button', { name: 'Anmeld' }).isVisible()).toBe(false);
    await openNoteActions(note(bo.page, idea));
    await note(bo.page, idea).getByRole('button', { name: 'Anmeld' }).click();
    const report = bo.page.getByRole('dialog', { name: 'Anmeld idéen' });
    await report.waitFor();
    await report.getByRole('button', { name: 'Send anmeldelse' }).click();
    await report.getByText('Vælg en årsag.').waitFor();
    await report.getByLabel('Stødende eller krænkende').check();
    expect(await axeViolations(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: `${ARTIFACTS}/comments-report-320.png` });
    await report.getByRole('button', { name: 'Send anmeldelse' }).click();
    await note(bo.page, idea).getByText('Tak. Din anmeldelse er sendt til moderatorerne.').waitFor();
    expect(await report.count()).toBe(0);

    // Ane reports Bo's comment with a reason of her own.
    await note(ane.page, idea).getByRole('button', { name: '1 kommentar' }).click();
    const aneThread = note(ane.page, idea).getByRole('group', { name: 'Kommentarer til idéen' });
    await aneThread.locator('.comment').getByRole('button', { name: 'Anmeld' }).click();
    const commentReport = ane.page.getByRole('dialog', { name: 'Anmeld kommentaren' });
    await commentReport.getByLabel('Anden årsag').check();
    await commentReport.getByLabel('Beskriv årsagen').fill('Reklame for en vandautomat');
    expect(await axeViolations(ane.page)).toEqual([]);
    await commentReport.getByRole('button', { name: 'Send anmeldelse' }).click();
    await aneThread.getByText('Tak. Din anmeldelse er sendt til moderatorerne.').waitFor();
    await ane.page.screenshot({ path: `${ARTIFACTS}/comments-thread-1280.png`, fullPage: true });

    // Both reports reach the facilitators' queue (asked by a second facilitator over socket.io).
    const session = await join(suite.app.url, board.boardId, board.tokens.facilitator, 'Kø');
    const socket = socketClient(suite.app.url, session.sessionToken);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const queue = await socket.timeout(10_000).emitWithAck('moderation:queue', { state: 'pending' });
    if (!queue.ok) throw new Error(queue.error.code);
    const reports = (queue.data as QueueResult).items.filter((i) => i.kind === 'report');
    expect(reports.map((r) => (r.kind === 'report' ? [r.target.kind, r.reason] : null)).sort()).toEqual([
      ['comment', 'Reklame for en vandautomat'],
      ['idea', 'offensive'],
    ]);

    // Keyboard: the moderation menu opens with ArrowDown, a dialog starts on its first field,
    // Escape closes it and focus goes back to the menu button.
    const moderateButton = (await openNoteActions(note(fac.page, idea))).getByRole('button', { name: 'Moderér…' });
    await moderateButton.focus();
    await fac.page.keyboard.press('ArrowDown');
    await expect.poll(() => fac.page.evaluate(() => document.activeElement?.textContent)).toBe('Sæt status…');
    await fac.page.keyboard.press('Enter');
    const keyboardDialog = fac.page.getByRole('dialog', { name: 'Status for idéen' });
    await keyboardDialog.waitFor();
    expect(await fac.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('new');
    await fac.page.keyboard.press('Escape');
    await expect.poll(() => keyboardDialog.count()).toBe(0);
    await expect.poll(() => fac.page.evaluate(() => document.activeElement?.textContent)).toBe('Moderér…');

    // The facilitator hides the idea: gone for the participants, marked for the facilitator.
    await moderate(fac.page, idea, 'Skjul idéen…');
    const hide = fac.page.getByRole('dialog', { name: 'Skjul idéen' });
    await hide.getByLabel('Uden for emnet').check();
    expect(await axeViolations(fac.page)).toEqual([]);
    await fac.page.screenshot({ path: `${ARTIFACTS}/comments-hide-1280.png` });
    await hide.getByRole('button', { name: 'Skjul idéen' }).click();
    const hiddenGroup = fac.page.locator('[data-group="moderator-hidden"]');
    const hiddenNote = hiddenGroup.locator('article', { hasText: idea });
    await hiddenNote.waitFor();
    await hiddenNote.getByText('Begrundelse: Uden for emnet').waitFor();
    await hiddenNote.getByText(/Skjult af Mette/).waitFor();
    await expect.poll(() => note(ane.page, idea).count()).toBe(0);
    await expect.poll(() => note(bo.page, idea).count()).toBe(0);
    expect(await bo.page.locator('[data-group="moderator-hidden"]').count()).toBe(0);
    expect(await axeViolations(fac.page)).toEqual([]);
    await fac.page.screenshot({ path: `${ARTIFACTS}/comments-hidden-1280.png`, fullPage: true });
    await hiddenGroup.screenshot({ path: `${ARTIFACTS}/comments-hidden-group-1280.png` });

    // Restore brings it back for everyone, with its comment.
    await hiddenNote.getByRole('button', { name: 'Gendan' }).click();
    await note(ane.page, idea).waitFor();
    await note(bo.page, idea).getByRole('button', { name: '1 kommentar' }).waitFor();
    await expect.poll(() => hiddenGroup.count()).toBe(0);
    await note(fac.page, idea).waitFor();

    // Another facilitator hides an idea elsewhere: this facilitator's list follows live.
    const other = 'Fælles kalender for foreningerne';
    await addIdea(ane.page, other);
    const otherId = await note(fac.page, other).getAttribute('data-idea');
    const hidden = await socket.timeout(10_000).emitWithAck('idea:hide', { ideaId: otherId!, reason: 'duplicate' });
    expect(hidden.ok).toBe(true);
    await hiddenGroup.locator('article', { hasText: other }).getByText(/Skjult af Kø/).waitFor();
    await hiddenGroup.getByText('Begrundelse: Dublet af en anden idé').waitFor();
    await expect.poll(() => note(ane.page, other).count()).toBe(0);
    const restored = await socket.timeout(10_000).emitWithAck('idea:restore', { ideaId: otherId! });
    expect(restored.ok).toBe(true);
    await expect.poll(() => hiddenGroup.count()).toBe(0);
    await note(ane.page, other).waitFor();

    // A moderator edit: participants see the new text, the facilitator the revisions.
    const edited = 'Bænke og skygge ved Ishøj Sø (uden reklame)';
    await moderate(fac.page, idea, 'Rediger som moderator…');
    const edit = fac.page.getByRole('dialog', { name: 'Rediger idéen som moderator' });
    await edit.getByLabel('Idéens tekst').fill(edited);
    await edit.getByLabel('Indeholder personoplysninger').check();
    await edit.getByRole('button', { name: 'Gem ændring' }).click();
    await note(bo.page, edited).waitFor();
    const revisions = note(fac.page, edited).locator('details.revisions');
    await revisions.locator('summary').click();
    await revisions.getByText('Årsag: Indeholder personoplysninger').waitFor();
    expect(await revisions.locator('dd').allInnerTexts()).toEqual([idea, edited]);

    // Status: "not taken forward" needs a rationale; the participant sees both and the history.
    await moderate(fac.page, edited, 'Sæt status…');
    const statusDialog = fac.page.getByRole('dialog', { name: 'Status for idéen' });
    await statusDialog.getByLabel('Ikke videreført').check();
    await statusDialog.getByRole('button', { name: 'Gem status' }).click();
    await statusDialog.getByText('Skriv hvorfor idéen ikke går videre.').waitFor();
    await statusDialog.getByLabel('Begrundelse').fill('Søbredden er fredet; vi ser på bænke ved stationen i stedet.');
    expect(await axeViolations(fac.page)).toEqual([]);
    await fac.page.screenshot({ path: `${ARTIFACTS}/comments-status-1280.png` });
    await statusDialog.getByRole('button', { name: 'Gem status' }).click();
    const boNote = note(bo.page, edited);
    await boNote.locator('.status-badge', { hasText: 'Ikke videreført' }).waitFor();
    await boNote.getByText('Begrundelse: Søbredden er fredet; vi ser på bænke ved stationen i stedet.').waitFor();
    await boNote.getByText('Statushistorik').click();
    await boNote.locator('.idea-status__history li', { hasText: 'Mette' }).waitFor();
    expect(await axeViolations(bo.page)).toEqual([]);
    await bo.page.screenshot({ path: `${ARTIFACTS}/comments-status-320.png`, fullPage: true });

    await waitForStatus(ane.page, 'saved');
    socket.close();
    await Promise.all([fac.context.close(), ane.context.close(), bo.context.close()]);
  });

  it('on a pre-moderated board, a comment waits for a moderator and only its author sees it', { timeout: 90_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'citizens' });
    const session = await join(suite.app.url, board.boardId, board.tokens.facilitator, 'Mette');
    const socket = socketClient(suite.app.url, session.sessionToken);
    const connected = new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ane = await newDevice(suite.browser, 320, 740);
    const bo = await newDevice(suite.browser, 1280, 900);
    try {
      await connected;
      const configured = await socket
        .timeout(10_000)
        .emitWithAck('call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' });
      expect(configured.ok).toBe(true);

      await joinBoard(ane.page, board.links.participant, 'Ane');
      await joinBoard(bo.page, board.links.participant, 'Bo');
      const idea = 'Lektiecafé på biblioteket om lørdagen';
      await addIdea(ane.page, idea);
      await note(bo.page, idea).getByRole('button', { name: 'Kommentér' }).click();
      const thread = note(bo.page, idea).getByRole('group', { name: 'Kommentarer til idéen' });
      await thread.getByText('Kommentarer bliver godkendt af en moderator, før de vises.').waitFor();
      await thread.getByLabel('Skriv en kommentar').fill('Gerne også om søndagen');
      await thread.getByRole('button', { name: 'Send kommentar' }).click();
      await thread.getByText('Din kommentar venter på en moderator. Den vises her, når den er godkendt.').waitFor();
      await thread.locator('[data-pending="true"]', { hasText: 'Gerne også om søndagen' }).waitFor();
      expect(await axeViolations(bo.page)).toEqual([]);
      await bo.page.screenshot({ path: `${ARTIFACTS}/comments-pending-1280.png`, fullPage: true });

      // Not in anyone else's document until approved; then it is published once, for everyone.
      await note(ane.page, idea).getByRole('button', { name: 'Kommentér' }).click();
      expect(await note(ane.page, idea).getByText('Gerne også om søndagen').count()).toBe(0);
      const queue = await socket.timeout(10_000).emitWithAck('moderation:queue', { state: 'pending' });
      if (!queue.ok) throw new Error(queue.error.code);
      const item = (queue.data as QueueResult).items.find((i) => i.kind === 'comment');
      expect(item).toBeDefined();
      const decided = await socket.timeout(10_000).emitWithAck('moderation:decide', { itemIds: [item!.id], decision: 'approve' });
      expect(decided.ok).toBe(true);
      await note(ane.page, idea).locator('.comment', { hasText: 'Gerne også om søndagen' }).waitFor();
      await expect.poll(() => thread.locator('[data-pending="true"]').count()).toBe(0);
      expect(await thread.locator('.comment', { hasText: 'Gerne også om søndagen' }).count()).toBe(1);

      // The read-only board view: comments and reaction counts, but no form and no buttons to react.
      await (await showReactions(note(bo.page, idea))).getByRole('button', { name: /^Elsker/ }).click();
      const viewer = await newDevice(suite.browser, 320, 740);
      await viewer.page.goto(board.links.observer.replace('/screen#', '#'));
      const join = viewer.page.getByRole('button', { name: 'Gå til tavlen' });
      await Promise.race([join.waitFor(), note(viewer.page, idea).waitFor()]);
      if (await join.isVisible()) {
        await viewer.page.getByLabel('Vær anonym').check();
        await join.click();
      }
      const seen = note(viewer.page, idea);
      await seen.getByRole('button', { name: '1 kommentar' }).click();
      await seen.locator('.comment', { hasText: 'Gerne også om søndagen' }).waitFor();
      await seen.locator('.reactions--static').getByText('Elsker: 1').waitFor();
      expect(await seen.getByLabel('Skriv en kommentar').count()).toBe(0);
      expect(await seen.getByRole('button', { name: /^Elsker/ }).count()).toBe(0);
      expect(await seen.getByRole('button', { name: 'Reagér' }).count()).toBe(0);
      expect(await seen.getByRole('button', { name: 'Anmeld' }).count()).toBe(0);
      expect(await axeViolations(viewer.page)).toEqual([]);
      await viewer.context.close();
    } finally {
      socket.close();
      await Promise.all([ane.context.close(), bo.context.close()]);
    }
  });
});
