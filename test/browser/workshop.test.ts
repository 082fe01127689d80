import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import {
  addIdea,
  appAndBrowser,
  ARTIFACTS,
  axeViolations,
  createBoard,
  joinBoard,
  joinByCode,
  newDevice,
  newPhone,
  openNoteActions,
  waitForStatus,
  yjsSwitch,
} from './support';

/**
 * The kick-off evening in miniature: a facilitator at a laptop, a projector, three phones
 * that join by code. Silent writing, reveal, grouping, dot voting, results, the timer.
 */

const note = (page: Page, text: string) => page.locator('.note', { hasText: text });

/** Presses + (or −) on an idea's vote group and waits for the server's answer to land. */
async function vote(page: Page, text: string, action: 'cast' | 'retract' = 'cast'): Promise<void> {
  const votes = note(page, text).locator('[data-votes]');
  const before = Number(await votes.getAttribute('data-votes'));
  const label = action === 'cast' ? 'Giv en stemme' : 'Fjern en stemme';
  await note(page, text).getByRole('button', { name: label }).click();
  await expect.poll(() => votes.getAttribute('data-votes')).toBe(String(before + (action === 'cast' ? 1 : -1)));
}

async function step(page: Page, name: string): Promise<void> {
  await page.locator('.stepper__step', { hasText: name }).click();
  await page.locator('.stepper__step[aria-current="step"]', { hasText: name }).waitFor();
}

/** Seconds on a timer display ("02:58" → 178). */
async function timerSeconds(page: Page): Promise<number> {
  const text = await page.locator('[data-timer] .timer__value').first().innerText();
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
}

describe('a live workshop', () => {
  const suite = appAndBrowser();

  it('runs a question from silent writing to results, with phones joined by code and a projector', { timeout: 120_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser, 1400, 1000);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    const projector = await newDevice(suite.browser, 1600, 900);
    await projector.page.goto(board.links.observer);
    const code = await projector.page.locator('.join-panel__code').getAttribute('data-join-code');
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);

    // Three phones read the code off the wall; the third phone's clock is seven minutes fast.
    const phones = await Promise.all([newPhone(suite.browser), newPhone(suite.browser), newPhone(suite.browser)]);
    await phones[2]!.context.addInitScript(() => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 7 * 60_000;
    });
    const [ane, bo, anon] = phones.map((p) => p.page) as [Page, Page, Page];
    const typed = `${code!.slice(0, 3).toLowerCase()} ${code!.slice(3)}`;
    await joinByCode(ane, suite.app.url, typed, { name: 'Ane', type: 'council', organisation: 'Ældrerådet' });
    await joinByCode(bo, suite.app.url, code!, { name: 'Bo', type: 'association' });
    await joinByCode(anon, suite.app.url, code!, { name: null, type: 'citizen' });

    // Presence: the facilitator sees who is here; the projector counts the participants.
    const room = fac.page.locator('.console-card--room');
    await expect.poll(() => room.locator('.people__person').allInnerTexts()).toEqual(
      expect.arrayContaining(['Ane\nDeltager · Rådsmedlem', 'Bo\nDeltager · Forening', 'Anonym\nDeltager · Borger']),
    );
    await expect.poll(() => projector.page.locator('[data-present]').innerText()).toBe('3 deltagere til stede');

    // The facilitator puts question 2 in focus and starts a three-minute timer.
    const q2 = 'Hvilke ressourcer og styrker';
    // The questions are folded under the stepper once one is in focus.
    expect(await fac.page.locator('.agenda__item', { hasText: q2 }).isVisible()).toBe(false);
    await fac.page.getByRole('button', { name: 'Skift spørgsmål (3)' }).click();
    await fac.page.locator('.agenda__item', { hasText: q2 }).getByRole('button', { name: 'Sæt i fokus' }).click();
    await projector.page.locator('.focus-question__text', { hasText: q2 }).waitFor();
    await fac.page.getByRole('button', { name: '3 min' }).click();
    await fac.page.getByRole('button', { name: 'Start', exact: true }).click();
    await projector.page.locator('[data-timer="running"]').waitFor();
    await anon.locator('header [data-timer="running"]').waitFor();
    // Every screen counts down to the server's end time, whatever its own clock says.
    const [wall, phone] = await Promise.all([timerSeconds(projector.page), timerSeconds(anon)]);
    expect(Math.abs(wall - phone)).toBeLessThanOrEqual(1);
    expect(wall).toBeGreaterThan(170);

    // Silent writing: each phone sees only its own ideas; the facilitator sees them waiting.
    await fac.page.getByRole('button', { name: 'Stille skrivning' }).click();
    await ane.locator('[data-banner="silent"]').waitFor();
    const ideas = {
      a: 'Bænke og skygge ved Ishøj Sø',
      b: 'Flere bænke langs søen',
      c: 'Lektiecafé i biblioteket',
      d: 'Fælles kalender for foreningerne',
    };
    await addIdea(ane, ideas.a);
    await addIdea(ane, ideas.b);
    await addIdea(bo, ideas.c);
    await addIdea(anon, ideas.d);
    await ane.locator('[data-hidden-list="mine"]', { hasText: ideas.b }).waitFor();
    await expect.poll(() => fac.page.locator('[data-waiting]').getAttribute('data-waiting')).toBe('4');
    expect(await bo.getByText(ideas.a).count()).toBe(0);
    expect(await projector.page.getByText(ideas.a).count()).toBe(0);
    expect(await note(ane, ideas.c).count()).toBe(0);

    // Reveal: everyone sees every idea at once.
    await fac.page.getByRole('button', { name: 'Afslør 4 skjulte idéer' }).click();
    for (const page of [ane, bo, anon, projector.page, fac.page]) {
      for (const text of Object.values(ideas)) await note(page, text).waitFor();
    }
    // The reveal's notice reaches the phone after the notes may already show.
    await expect.poll(() => ane.locator('[data-hidden-list="mine"]').count()).toBe(0);

    // Group: a cluster, and a phone puts two ideas into it by keyboard.
    await step(fac.page, 'Gruppér');
    await bo.locator('[data-blocked="add"]', { hasText: 'Der grupperes nu' }).waitFor();
    await fac.page.getByLabel('Ny klynge').fill('Mødesteder ved søen');
    await fac.page.getByRole('button', { name: 'Opret klynge' }).click();
    for (const text of [ideas.a, ideas.b]) {
      const button = (await openNoteActions(note(ane, text))).getByRole('button', { name: 'Læg i klynge…' });
      await button.focus();
      await ane.keyboard.press('Enter');
      expect(await ane.evaluate(() => document.activeElement?.textContent)).toBe('Mødesteder ved søen');
      await ane.keyboard.press('Enter');
      await ane.locator('[data-cluster]', { hasText: 'Mødesteder ved søen' }).locator('.note', { hasText: text }).waitFor();
    }
    await waitForStatus(ane, 'saved');
    const wallCluster = projector.page.locator('[data-cluster]', { hasText: 'Mødesteder ved søen' });
    await expect.poll(() => wallCluster.locator('.note').count()).toBe(2);

    // Vote: three votes each, at most two on one idea.
    await fac.page.getByLabel('Stemmer pr. person').fill('3');
    await fac.page.getByLabel('Højst pr. idé').fill('2');
    await fac.page.getByRole('button', { name: 'Gem', exact: true }).click();
    await fac.page.getByText('Nu: 3 stemmer pr. person, højst 2 pr. idé.').waitFor();
    await step(fac.page, 'Stem');
    await ane.locator('[data-blocked="add"]', { hasText: 'Afstemning i gang – du kan ikke tilføje idéer nu' }).waitFor();
    await expect.poll(() => ane.locator('.vote-bar__left').innerText()).toBe('Du har 3 af 3 stemmer tilbage');
    // Nothing moves under people's dots: no edit or move controls in the vote step. The "⋯" of
    // someone else's idea holds only "Anmeld"; Ane's own ideas have none.
    expect(await ane.getByRole('button', { name: 'Flyt til…' }).count()).toBe(0);
    const actions = ane.getByRole('button', { name: 'Handlinger' });
    for (let i = 0; i < (await actions.count()); i++) await actions.nth(i).click();
    for (const name of ['Flyt til…', 'Læg i klynge…', 'Rediger', 'Slet']) expect(await ane.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await ane.getByRole('button', { name: 'Anmeld', exact: true }).count()).toBe(await actions.count());
    for (let i = 0; i < (await actions.count()); i++) await actions.nth(i).click();

    await vote(ane, ideas.a);
    await vote(ane, ideas.a);
    // At the idea's limit "+" reads as unavailable; a tap still says why.
    await expect.poll(() => note(ane, ideas.a).getByRole('button', { name: 'Giv en stemme' }).getAttribute('aria-disabled')).toBe('true');
    // Playwright will not click what reads as disabled; a finger will (force: a tap, nothing skipped in the app).
    await note(ane, ideas.a).getByRole('button', { name: 'Giv en stemme' }).click({ force: true });
    await note(ane, ideas.a).getByRole('alert').filter({ hasText: 'så mange stemmer, som man må' }).waitFor();
    await vote(ane, ideas.c);
    await expect.poll(() => ane.locator('.vote-bar__left').innerText()).toBe('Du har 0 af 3 stemmer tilbage');
    expect(await note(ane, ideas.d).getByRole('button', { name: 'Giv en stemme' }).getAttribute('aria-disabled')).toBe('true');
    await note(ane, ideas.d).getByRole('button', { name: 'Giv en stemme' }).click({ force: true });
    await note(ane, ideas.d).getByRole('alert').filter({ hasText: 'Du har brugt alle dine stemmer' }).waitFor();
    // Changing one's mind gives the vote back.
    await vote(ane, ideas.c, 'retract');
    await vote(ane, ideas.c);
    await vote(bo, ideas.a);
    await vote(bo, ideas.c);
    await vote(anon, ideas.d);
    // Participants see only their own votes until the totals are revealed.
    expect(await bo.locator('.note__total').count()).toBe(0);
    expect(await projector.page.locator('.note__total').count()).toBe(0);
    expect(await axeViolations(ane)).toEqual([]);
    await ane.locator('[data-cluster]').first().scrollIntoViewIfNeeded();
    await ane.screenshot({ path: `${ARTIFACTS}/workshop-phone-vote.png` });

    // Results: totals revealed, the ideas one ranking by votes (not by cluster first), counts on the wall.
    await fac.page.getByRole('button', { name: 'Vis stemmetal' }).click();
    await step(fac.page, 'Resultater');
    const totals = (page: Page, scope: string) => page.locator(`${scope} .note__total`).evaluateAll((els) => els.map((e) => e.getAttribute('data-total')));
    await expect.poll(() => totals(projector.page, '[data-ranking]')).toEqual(['3', '2', '1', '0']);
    await expect.poll(() => totals(bo, '[data-ranking]')).toEqual(['3', '2', '1', '0']);
    // The clustered idea with no votes is last, its cluster named on the note.
    await projector.page.locator('[data-ranking] li[data-rank="4"]', { hasText: ideas.b }).getByText('Mødesteder ved søen').waitFor();
    await note(projector.page, ideas.a).getByText('3 stemmer').waitFor();
    await note(bo, ideas.c).getByText('2 stemmer').waitFor();
    await bo.locator('[data-blocked="add"]', { hasText: 'Resultaterne vises' }).waitFor();

    await projector.page.locator('[data-timer="running"]').waitFor();
    expect(await axeViolations(projector.page)).toEqual([]);
    await projector.page.screenshot({ path: `${ARTIFACTS}/workshop-projector.png` });
    expect(await axeViolations(fac.page)).toEqual([]);
    await fac.page.screenshot({ path: `${ARTIFACTS}/workshop-facilitator.png`, fullPage: true });

    // Pausing the projector freezes its ideas (WCAG 2.2.2) while the room goes on.
    await projector.page.getByRole('button', { name: 'Sæt live-opdatering på pause' }).click();
    await fac.page.getByRole('button', { name: 'Vis stemmetal' }).click();
    await expect.poll(() => bo.locator('.note__total').count()).toBe(0);
    expect(await projector.page.locator('.note__total').count()).toBe(4);
    await projector.page.getByRole('button', { name: 'Genoptag live-opdatering' }).click();
    await expect.poll(() => projector.page.locator('.note__total').count()).toBe(0);

    await Promise.all([fac.context.close(), projector.context.close(), ...phones.map((p) => p.context.close())]);
  });

  it('gives back what a phone wrote offline when the room moved on meanwhile', { timeout: 60_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    const phone = await newPhone(suite.browser);
    const { page } = phone;

    // The phone's document socket goes through a switch (its command socket stays up).
    const network = await yjsSwitch(page);
    await joinBoard(page, board.links.participant, 'Olga');

    // Offline, the phone still thinks the room is writing; meanwhile it has moved on to voting.
    await network.off();
    await step(fac.page, 'Stem');
    const text = 'Skrevet i toget, mens rummet stemte';
    await addIdea(page, text);
    await waitForStatus(page, 'local');
    network.on();
    // The server refuses it (STEP_FORBIDS); the text comes back into the composer, with why.
    await page.locator('[data-rescue="STEP_FORBIDS"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByLabel('Din idé').inputValue()).toBe(text);
    await page.locator('[data-blocked="add"]', { hasText: 'Afstemning i gang' }).waitFor();
    await waitForStatus(page, 'saved');
    expect(await note(fac.page, text).count()).toBe(0);

    // Silent writing switched on while the phone was offline: its idea is sent hidden instead.
    await step(fac.page, 'Skriv');
    await page.locator('.workshop-status[data-step="write"]').waitFor();
    await network.off();
    await fac.page.getByRole('button', { name: 'Stille skrivning' }).click();
    await page.getByRole('button', { name: 'Tilføj idé', exact: true }).click();
    await waitForStatus(page, 'local');
    network.on();
    await page.locator('[data-hidden-list="mine"]', { hasText: text }).waitFor({ timeout: 15_000 });
    await expect.poll(() => fac.page.locator('[data-waiting]').getAttribute('data-waiting')).toBe('1');
    await fac.page.getByRole('button', { name: 'Afslør 1 skjult idé' }).click();
    await note(page, text).waitFor();
    await Promise.all([fac.context.close(), phone.context.close()]);
  });

  it('keeps a hidden idea written without a connection on the phone, over a reload, and sends it when back', { timeout: 60_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    await fac.page.getByRole('button', { name: 'Stille skrivning' }).click();
    const phone = await newPhone(suite.browser);
    const { page } = phone;

    // The command channel (socket.io: polling, then a WebSocket) goes through a switch.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (offline) return void ws.close({ code: 4000, reason: 'offline' });
      sockets.push(ws);
      ws.connectToServer();
    });
    await page.route('**/socket.io/**', (route) => (offline ? route.abort() : route.continue()));
    await joinBoard(page, board.links.participant, 'Per');
    await page.locator('[data-banner="silent"]').waitFor();

    offline = true;
    await Promise.all(sockets.map((ws) => ws.close({ code: 4000, reason: 'offline' })));
    const text = 'Skrevet i kælderen uden dækning';
    await addIdea(page, text);
    const queued = page.locator('[data-hidden-list="mine"] .hidden-ideas__item', { hasText: text });
    await queued.getByText('Venter på forbindelse').waitFor();
    await page.reload();
    await queued.getByText('Venter på forbindelse').waitFor();
    expect(await fac.page.locator('[data-waiting]').getAttribute('data-waiting')).toBe('0');

    offline = false;
    await expect.poll(() => fac.page.locator('[data-waiting]').getAttribute('data-waiting'), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => queued.getByText('Venter på forbindelse').count()).toBe(0);
    await expect.poll(() => queued.count()).toBe(1);
    await Promise.all([fac.context.close(), phone.context.close()]);
  });

  it('gathers ideas into a cluster by drag and drop, and merges duplicates keeping every author', { timeout: 60_000 }, async () => {
    const board = await createBoard(suite.app.url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser, 1400, 1000);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    const phone = await newPhone(suite.browser);
    await joinBoard(phone.page, board.links.participant, 'Ane');
    await addIdea(phone.page, 'Flere bænke ved stranden');
    await addIdea(fac.page, 'Bænke langs strandparken');
    await note(fac.page, 'Flere bænke ved stranden').waitFor();

    // Drop a note onto a named cluster.
    await fac.page.getByLabel('Ny klynge').fill('Strandparken');
    await fac.page.getByRole('button', { name: 'Opret klynge' }).click();
    const cluster = fac.page.locator('[data-cluster]', { hasText: 'Strandparken' });
    await note(fac.page, 'Bænke langs strandparken').dragTo(cluster);
    await phone.page.locator('[data-cluster]', { hasText: 'Strandparken' }).locator('.note', { hasText: 'Bænke langs' }).waitFor();

    // Merge the two: Ane's text stays, both authors and both texts are kept.
    await fac.page.getByRole('button', { name: 'Sammenlæg dubletter' }).click();
    for (const text of ['Flere bænke ved stranden', 'Bænke langs strandparken']) {
      await note(fac.page, text).getByLabel('Vælg til sammenlægning').check();
    }
    await fac.page.getByLabel('Behold teksten fra').selectOption({ label: 'Flere bænke ved stranden' });
    expect(await axeViolations(fac.page)).toEqual([]);
    await fac.page.getByRole('button', { name: 'Sammenlæg 2 idéer' }).click();
    await expect.poll(() => phone.page.locator('.note__text', { hasText: 'Bænke langs strandparken' }).count()).toBe(0);
    const merged = note(phone.page, 'Flere bænke ved stranden');
    await merged.getByText('2 forfattere · vis oprindelige tekster').click();
    await merged.getByText('Bænke langs strandparken – Mette').waitFor();
    await Promise.all([fac.context.close(), phone.context.close()]);
  });
});
