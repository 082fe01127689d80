import { describe, expect, it } from 'vitest';
import type { MyVotes, SubmitHiddenResult } from '../../shared';
import { buildIdea } from '../../client/sync/idea-writes';
import * as Y from 'yjs';
import { call, ok, socketOf, type TestSocket } from '../support/workshop';
import { addIdea, appAndBrowser, ARTIFACTS, axeViolations, createBoard, createSession, joinBoard, newDevice, newPhone, openDockTab } from './support';

/**
 * The room's progress as counts (workshop:progress): while the room writes in silence the
 * projector says how many ideas have been written, never which, and a phone says so under
 * its idea field; while it votes, the facilitator's console (under the stepper) and the projector say how
 * many have voted and how many have used every vote.
 */
/** Counts arrive a moment after a change (coalesced per board): generous for a busy machine. */
const WAIT = { timeout: 10_000 };

describe('the room\u2019s progress', () => {
  const suite = appAndBrowser();

  it('counts silent ideas on the projector and a phone, and the vote on the console and the projector', { timeout: 120_000 }, async () => {
    const { url } = suite.app;
    const board = await createBoard(url, { template: 'kickoff' });
    const fac = await newDevice(suite.browser, 1366, 768);
    await joinBoard(fac.page, board.links.facilitator, 'Mette');
    const projector = await newDevice(suite.browser, 1920, 1080);
    await projector.page.goto(board.links.observer);
    const phone = await newPhone(suite.browser);
    await joinBoard(phone.page, board.links.participant, 'Ane');

    // Silent writing, switched on at the console.
    await openDockTab(fac.page, 'Workshop');
    await fac.page.getByRole('button', { name: 'Stille skrivning' }).click();
    await phone.page.locator('[data-banner="silent"]').waitFor();
    const screenCount = projector.page.locator('.wall__progress[data-progress="silent"]');
    await expect.poll(() => screenCount.innerText(), WAIT).toBe('0 idéer skrevet');

    // Ane writes two on her phone; Bo one from another device.
    const texts = ['Bænke og skygge ved Ishøj Sø', 'Lektiecafé i biblioteket'];
    for (const text of texts) await addIdea(phone.page, text);
    const bo = await createSession(url, board, 'participant', 'Bo');
    const boSocket = await socketOf(url, bo);
    const boText = 'Fælles kalender for foreningerne';
    const boIdea = buildIdea(new Y.Doc(), bo.identity, { text: boText, phase: null, principle: null, track: null, beacons: [], questionId: 'kickoff-q1' })!;
    await ok(call<SubmitHiddenResult>(boSocket, 'idea:submitHidden', { idea: boIdea }));

    await expect.poll(() => screenCount.innerText(), WAIT).toBe('3 idéer skrevet');
    await expect.poll(() => phone.page.locator('.hidden-ideas__room').innerText(), WAIT).toBe('3 idéer skrevet i rummet indtil videre');
    // The projector has the number, never the words.
    for (const text of [...texts, boText]) expect(await projector.page.getByText(text).count()).toBe(0);
    await projector.page.screenshot({ path: `${ARTIFACTS}/room-progress-silent-projector.png` });
    expect(await axeViolations(projector.page)).toEqual([]);
    expect(await axeViolations(phone.page)).toEqual([]);

    // Reveal, then the vote step: 2 votes each.
    const lead = await socketOf(url, await createSession(url, board, 'facilitator', 'Lead'));
    await ok(call(lead, 'workshop:reveal'));
    await ok(call(lead, 'voting:configure', { votesPerPerson: 2, maxPerIdea: 2 }));
    await ok(call(lead, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' }));
    const card = fac.page.locator('[data-console] .stepper [data-progress="voting"]');
    const wall = projector.page.locator('.wall__progress[data-progress="voting"]');
    await expect.poll(() => card.innerText(), WAIT).toBe('Ingen har stemt endnu');
    await expect.poll(() => wall.innerText(), WAIT).toBe('Ingen har stemt endnu');

    const voters: TestSocket[] = [];
    for (const name of ['Cy', 'Di']) voters.push(await socketOf(url, await createSession(url, board, 'participant', name)));
    const [cy, di] = voters as [TestSocket, TestSocket];
    await ok(call<MyVotes>(cy, 'vote:cast', { ideaId: boIdea.id }));
    await ok(call<MyVotes>(cy, 'vote:cast', { ideaId: boIdea.id }));
    await ok(call<MyVotes>(di, 'vote:cast', { ideaId: boIdea.id }));
    // What is seen: two parts with a dot between (a screen reader hears a comma instead).
    const parts = (where: typeof card) => where.locator('.progress__part').allInnerTexts();
    await expect.poll(() => parts(card), WAIT).toEqual(['2 har stemt', '1 har brugt alle stemmer']);
    await expect.poll(() => parts(wall), WAIT).toEqual(['2 har stemt', '1 har brugt alle stemmer']);
    // In the laptop's first screen, under the stepper: no scrolling of the dock to see it.
    const box = (await card.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(fac.page.viewportSize()!.height);
    await fac.page.screenshot({ path: `${ARTIFACTS}/room-progress-voting-console.png` });
    await projector.page.screenshot({ path: `${ARTIFACTS}/room-progress-voting-projector.png` });
    expect(await axeViolations(fac.page)).toEqual([]);

    // Cy takes one back: nobody has used every vote now.
    await ok(call<MyVotes>(cy, 'vote:retract', { ideaId: boIdea.id }));
    await expect.poll(() => card.getAttribute('data-voters-done'), WAIT).toBe('0');
    await expect.poll(() => parts(wall), WAIT).toEqual(['2 har stemt', '0 har brugt alle stemmer']);
    // Phones need not know how far the vote is.
    expect(await phone.page.locator('[data-progress="voting"]').count()).toBe(0);

    for (const socket of [boSocket, lead, cy, di]) socket.close();
    for (const device of [fac, projector, phone]) await device.context.close();
  });
});
