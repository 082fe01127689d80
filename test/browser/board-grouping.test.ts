import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared';
import { readBoardSettings } from '../../shared/model/doc-layout';
import { TestClient, eventually } from '../support/harness';
import { call, ok, setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, axeViolations, createBoard, createSession, joinBoard, newDevice, newPhone } from './support';

/**
 * In the group, vote and results steps the board shows the focus question's clusters, not
 * phase × principle (a live workshop's review: every idea sat under "Uden placering",
 * "Idéer uden både fase og princip", above an empty matrix, and an idea with a phase and a
 * principle was split off from its cluster). A person's own choice of grouping still holds.
 */
const suite = appAndBrowser();
const sockets: TestSocket[] = [];
const clients: TestClient[] = [];

afterAll(() => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
});

describe("the board's grouping follows the workshop step", () => {
  let board: CreateBoardResponse;
  let fac: TestSocket;
  let focus: string;

  beforeAll(async () => {
    const { app } = suite;
    board = await createBoard(app.url, { template: 'kickoff' });
    fac = await socketOf(app.url, await createSession(app.url, board, 'facilitator', 'Mette'));
    sockets.push(fac);
    const writer = new TestClient(app.url.replace('http', 'ws'), board.boardId, await createSession(app.url, board, 'participant', 'Ane'));
    clients.push(writer);
    await writer.synced();
    focus = readBoardSettings(writer.doc)!.focusQuestionId!;
    const green = await ok(call<{ id: string }>(fac, 'cluster:create', { name: 'Grønne steder', questionId: focus }));
    await ok(call(fac, 'cluster:create', { name: 'Trafik', questionId: focus }));
    writer.addIdea({ text: 'Bænke ved stranden', questionId: focus, position: 'a1', clusterId: green.id });
    // Placed in the matrix, and in the cluster: the phase × principle view puts it in a cell of its own.
    writer.addIdea({ text: 'Fælles haver', questionId: focus, position: 'a2', clusterId: green.id, phase: 2, principle: 1 });
    writer.addIdea({ text: 'Lektiecafé på biblioteket', questionId: focus, position: 'a3' });
    await eventually(() => writer.allSaved, 10_000, 'ideas saved');
  });

  it('writing: phase and principle, as ever', { timeout: 60_000 }, async () => {
    const { page, context } = await newDevice(suite.browser, 1366, 768);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      await page.locator('[data-group="unclassified"] .note', { hasText: 'Lektiecafé' }).waitFor();
      expect(await page.getByLabel('Gruppér efter').inputValue()).toBe('phase-principle');
      expect(await page.locator('[data-group="cell-2-1"] .note', { hasText: 'Fælles haver' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('grouping: the clusters without the phase × principle frame, what is left to sort named; one’s own choice holds', { timeout: 90_000 }, async () => {
    await setStep(fac, focus, 'group');
    const { page, context } = await newDevice(suite.browser, 1366, 768);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      const area = page.locator(`section[data-group="question-${focus}"]`);
      await area.locator('[data-cluster]', { hasText: 'Grønne steder' }).locator('.note', { hasText: 'Fælles haver' }).waitFor();
      expect(await page.getByLabel('Gruppér efter').inputValue()).toBe('clusters');
      // One area with no frame of its own: the focus question's card names it; its heading is read out.
      expect(await area.getAttribute('class')).toContain('group--flat');
      expect((await area.locator('h3').boundingBox())!.width).toBeLessThanOrEqual(1);
      expect(await area.locator('h3').innerText()).toContain('Hvad kan rådene bidrage med');
      expect(await page.getByText('Uden placering').count()).toBe(0);
      expect(await page.locator('[data-matrix]').count()).toBe(0);
      // The placed idea keeps its phase as a tag on the note.
      expect(await area.locator('.note', { hasText: 'Fælles haver' }).innerText()).toContain('Fase 2');
      // The empty cluster is a drop target; the idea in none is under its own heading.
      await area.locator('[data-cluster]', { hasText: 'Trafik' }).getByText('Tom').waitFor();
      const loose = area.locator('[data-loose]');
      await loose.getByRole('heading', { name: 'Ikke i en klynge endnu 1 idé' }).waitFor();
      await loose.locator('.note', { hasText: 'Lektiecafé' }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/board-grouping-group-1366.png` });
      expect(await axeViolations(page)).toEqual([]);

      // The person's own choice holds, also when the step moves on.
      await page.getByLabel('Gruppér efter').selectOption('phase-principle');
      await page.locator('[data-group="cell-2-1"] .note', { hasText: 'Fælles haver' }).waitFor();
      await page.locator('[data-group="unclassified"] .note', { hasText: 'Lektiecafé' }).waitFor();
      await setStep(fac, focus, 'vote');
      await page.getByText('Trin 4/5: Stem').first().waitFor();
      expect(await page.getByLabel('Gruppér efter').inputValue()).toBe('phase-principle');
      expect(await page.locator('[data-group="unclassified"]').count()).toBe(1);
    } finally {
      await context.close();
      await setStep(fac, focus, 'group');
    }
  });

  it('voting on a phone: the clusters, and no word of a placement', { timeout: 60_000 }, async () => {
    await setStep(fac, focus, 'vote');
    const { page, context } = await newPhone(suite.browser);
    try {
      await joinBoard(page, board.links.participant, 'Bo');
      await page.locator('[data-cluster]', { hasText: 'Grønne steder' }).locator('.note', { hasText: 'Bænke ved stranden' }).waitFor();
      expect(await page.getByText('Uden placering').count()).toBe(0);
      expect(await page.getByText('Idéer uden både fase og princip').count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/board-grouping-vote-390.png` });
    } finally {
      await context.close();
    }
  });
});
