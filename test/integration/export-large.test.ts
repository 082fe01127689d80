import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YMessage, ideasMap, insertIdea, type CreateBoardResponse, type SessionResponse } from '../../shared';
import { eventually, type TestClient } from '../support/harness';
import { workshopEnv, type WorkshopEnv } from '../support/workshop';
import { fetchExport, restore, sessionWith } from './export-helpers';

const IDEAS = 10_000;

/**
 * Another person keeps editing their idea: one change, wait until the server says Saved,
 * the next change. Counting their Saved messages while an export is in flight shows
 * whether the export let the server work for others (a blocking export would hold them
 * all back until it finished).
 */
function keepEditing(client: TestClient, ideaId: string) {
  let running = true;
  let edits = 0;
  // Wake up on the Saved message itself (not on a polling timer), so the next edit follows at once.
  const handlers = client.provider.messageHandlers;
  const original = handlers[YMessage.Saved]!;
  let wake: (() => void) | null = null;
  handlers[YMessage.Saved] = (...args) => {
    original(...args);
    wake?.();
  };
  const loop = (async () => {
    while (running) {
      const saved = client.savedCount;
      const map = ideasMap(client.doc).get(ideaId)!;
      edits++;
      client.doc.transact(() => {
        map.set('text', `Redigeret ${edits}`);
        map.set('updatedAt', Date.now());
      });
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('an edit was never saved')), 60_000);
        wake = () => {
          if (client.savedCount <= saved) return;
          clearTimeout(timeout);
          resolve();
        };
        wake();
      });
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      handlers[YMessage.Saved] = original;
    },
  };
}

describe(`exporting a board of ${IDEAS} ideas while another client keeps editing`, () => {
  let env: WorkshopEnv;
  let board: CreateBoardResponse;
  let lead: SessionResponse;
  let editor: TestClient;
  let editedId: string;

  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    board = await env.board('kickoff');
    lead = await sessionWith(env, board, 'facilitator', { displayName: 'Lead' });
    const now = Date.now();
    await env.server.rooms.withRoom(board.boardId, (room) =>
      room.writeAsServer((doc) => {
        for (let i = 0; i < IDEAS; i++) {
          insertIdea(doc, {
            id: `seed-${String(i).padStart(6, '0')}`,
            text: `Idé nummer ${i}: flere bænke, cykelstier og æbletræer; "fælles" haver`,
            authorId: `author${i % 300}xx`,
            authorName: i % 7 === 0 ? null : `Borger ${i % 300}`,
            contributorType: 'citizen',
            organisation: i % 5 === 0 ? 'Ældrerådet' : null,
            createdAt: now + i,
            updatedAt: now + i,
            phase: ([1, 2, 3, null] as const)[i % 4]!,
            principle: ([1, 2, 3, null] as const)[i % 3]!,
            track: (['political', 'outward', 'inward', null] as const)[i % 4]!,
            beacons: [],
            questionId: (['kickoff-q1', 'kickoff-q2', 'kickoff-q3', null] as const)[i % 4]!,
            position: `a${i % 10}`,
          });
        }
      }),
    );
    editor = await env.yjs(await sessionWith(env, board, 'participant', { displayName: 'Redaktør' }));
    editedId = editor.addIdea({ text: 'Min idé' }).id;
    await eventually(() => editor.allSaved, 30_000, 'the editor’s idea saved');
  }, 180_000);
  afterAll(() => env?.close());

  for (const format of ['csv', 'xlsx', 'json', 'html', 'md'] as const) {
    it(`keeps saving the other client’s edits during a ${format} export`, { timeout: 180_000 }, async () => {
      const editing = keepEditing(editor, editedId);
      const warmUp = editor.savedCount;
      await eventually(() => editor.savedCount >= warmUp + 2, 30_000, 'edits flowing');
      const before = editor.savedCount;
      const res = await fetchExport(env.url, board.boardId, format, lead.sessionToken);
      const during = editor.savedCount - before;
      await editing.stop();
      expect(res.status).toBe(200);
      // Edits were confirmed while the export was being built, not only after it.
      expect(during, `Saved messages during the ${format} export`).toBeGreaterThanOrEqual(5);

      if (format === 'csv') {
        const records = parse(res.body, { bom: true, delimiter: ';' }) as string[][];
        expect(records).toHaveLength(IDEAS + 2); // headings + 10,000 + the editor's idea
        expect(records[0]![11]).toBe('Stemmer');
        expect(new Set(records.slice(1).map((r) => r[11]))).toEqual(new Set([''])); // totals not revealed: no votes shown
      }
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
        expect(workbook.worksheets[0]!.rowCount).toBe(IDEAS + 2);
      }
      if (format === 'json') {
        const backup = JSON.parse(res.text()) as { view: { ideas: unknown[] } };
        expect(backup.view.ideas).toHaveLength(IDEAS + 1);
      }
    });
  }

  it(`restores the ${IDEAS}-idea backup into a new board, and other edits keep being saved meanwhile`, { timeout: 180_000 }, async () => {
    const backup = await fetchExport(env.url, board.boardId, 'json', lead.sessionToken);
    const editing = keepEditing(editor, editedId);
    const warmUp = editor.savedCount;
    await eventually(() => editor.savedCount >= warmUp + 2, 30_000, 'edits flowing');
    const before = editor.savedCount;
    const res = await restore(env.url, backup.body);
    const during = editor.savedCount - before;
    await editing.stop();
    expect(res.status).toBe(201);
    expect(during, 'Saved messages during the restore').toBeGreaterThanOrEqual(5);
    if (!res.body.ok) throw new Error(res.body.error.message);
    const viewer = await env.yjs(await sessionWith(env, res.body.data, 'observer', {}));
    expect(ideasMap(viewer.doc).size).toBe(IDEAS + 1);
  });
});
