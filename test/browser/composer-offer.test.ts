import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared';
import { readBoardSettings } from '../../shared/model/doc-layout';
import { TestClient, eventually } from '../support/harness';
import { setStep, socketOf, type TestSocket } from '../support/workshop';
import { ARTIFACTS, appAndBrowser, createBoard, createSession, joinBoard, newDevice, waitForStatus } from './support';

/**
 * The facilitator's idea field while the room does not write (group, vote, results): one
 * button in place of the form, so the ideas come up the laptop's first screen; asked for, the
 * form opens with focus in the field, and stays open for the rest of the step.
 */
const suite = appAndBrowser();
const sockets: TestSocket[] = [];
const clients: TestClient[] = [];

afterAll(() => {
  for (const s of sockets) s.close();
  for (const c of clients) c.destroy();
});

describe("the facilitator's idea field while the room does not write", () => {
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
    writer.addIdea({ text: 'Bænke ved stranden', questionId: focus, position: 'a1' });
    await eventually(() => writer.allSaved, 10_000, 'idea saved');
  });

  it('is one button in the vote step, opens on request with focus in the field, and adds', { timeout: 60_000 }, async () => {
    await setStep(fac, focus, 'vote');
    const { page, context } = await newDevice(suite.browser, 1366, 768);
    try {
      await joinBoard(page, board.links.facilitator, 'Mette');
      const offer = page.getByRole('button', { name: 'Tilføj en idé' });
      await offer.waitFor();
      expect(await offer.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByLabel('Din idé').count()).toBe(0);
      // The first note is higher on the screen than below a whole form: fully in the first screen.
      const note = page.locator('.note', { hasText: 'Bænke ved stranden' });
      const box = (await note.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(768);
      await page.screenshot({ path: `${ARTIFACTS}/composer-offer-vote-1366.png` });

      await offer.click();
      const field = page.getByLabel('Din idé');
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await field.fill('En idé fra facilitatoren');
      await page.getByRole('button', { name: /^Tilføj idé/ }).click();
      await waitForStatus(page, 'saved');
      await page.locator('.note', { hasText: 'En idé fra facilitatoren' }).waitFor();
      // Still open for the rest of the step (the sent line shows under it).
      await page.getByLabel('Din idé').waitFor();

      // The next step folds it again; writing opens it for everyone, so it is the form.
      await setStep(fac, focus, 'results');
      await page.getByRole('button', { name: 'Tilføj en idé' }).waitFor();
      await setStep(fac, focus, 'write');
      await page.getByLabel('Din idé').waitFor();
      expect(await page.getByRole('button', { name: 'Tilføj en idé' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
