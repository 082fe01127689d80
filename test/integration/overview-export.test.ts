import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Idea, Overview, PublicCall, QueueResult } from '../../shared';
import { TEST_COORDINATOR_TOKEN } from '../../server/config';
import { api } from '../support/harness';
import { call, ok, workshopEnv, type TestSocket, type WorkshopEnv } from '../support/workshop';
import { EDITED_TEXT, INITIATIVE_TITLES, STATUS_DA, expectedPhasePrinciple, seedBoard, type SeededBoard } from './export-helpers';

/**
 * The coordinator's CSV and workbook are read by municipal staff (ØPU's secretariat), so they
 * must read like a board's export: headings and values in words, not wire codes; real dates
 * in Excel; and, like every export, nothing that is pending, hidden or rejected.
 */
const HEAD_DA = [
  ...['Tavle', 'Tavle-id', 'Idé-id', 'Idé', 'Status', 'Begrundelse for status', 'Status ændret', 'Fase', 'Princip', 'Spor'],
  ...['Pejlemærker', 'Indsatser', 'Bidragyder', 'Organisation', 'Forfatter', 'Oprettet'],
];
const HEAD_EN = [
  ...['Board', 'Board id', 'Idea id', 'Idea', 'Status', 'Status rationale', 'Status changed', 'Phase', 'Principle', 'Track'],
  ...['Beacons', 'Initiatives', 'Contributor type', 'Organisation', 'Author', 'Created'],
];
const BOARD_HEAD_DA = [
  ...['Tavle', 'Tavle-id', 'Skabelon', 'Oprettet', 'Idéer', 'Offentlig indkaldelse', 'Indkaldelsen åbner', 'Indkaldelsen lukker'],
  'Venter på moderation',
];
const COPENHAGEN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;
/** 29 May 2024 17:01 in Copenhagen (summer time), seedBoard's first idea, written down as UTC: what a date cell holds. */
const FIRST_IDEA_WALL = new Date(Date.UTC(2024, 4, 29, 17, 1, 0));
/** When the seeded call closes: 30 June 2099 23:59 in Copenhagen (UTC+2 then). */
const CLOSES_AT = Date.UTC(2099, 5, 30, 21, 59, 0);
/** Texts that are on the board but not for the coordinator: waiting, hidden, or replaced by a moderator. */
const NOT_PUBLISHED = ['Bidrag om Strandparken', 'Venter på godkendelse', 'Skjult idé om æbletræer', 'Ring til mig på 12 34 56 78', 'Jens Hansen', 'karen.borger'];

describe('the coordinator\u2019s CSV and workbook, in the board export\u2019s words', () => {
  let env: WorkshopEnv;
  let seeded: SeededBoard;
  let lead: TestSocket;
  let published: Idea[];
  let emptyBoardId: string;
  let bearer: { authorization: string };

  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    seeded = await seedBoard(env);
    published = Object.values(seeded.ideas);
    lead = await env.socket(seeded.lead);
    // The seeded call (pre-moderated, open now) gets a closing time; a second board has no call.
    await ok(call<PublicCall>(lead, 'call:configure', { enabled: true, opensAt: null, closesAt: CLOSES_AT, moderation: 'pre' }));
    emptyBoardId = (await env.board('blank')).boardId;
    const session = await api<{ sessionToken: string }>(env.url, '/api/coordinator/sessions', { token: TEST_COORDINATOR_TOKEN });
    if (!session.body.ok) throw new Error(session.body.error.message);
    bearer = { authorization: `Bearer ${session.body.data.sessionToken}` };
  }, 60_000);
  afterAll(() => env?.close());

  async function download(path: string): Promise<{ status: number; type: string | null; body: Buffer }> {
    const res = await fetch(`${env.url}${path}`, { headers: bearer });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  }
  async function workbook(query: string): Promise<ExcelJS.Workbook> {
    const res = await download(`/api/overview/export.xlsx${query}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    return book;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const everyText = (book: ExcelJS.Workbook) => book.worksheets.flatMap((sheet) => rowsOf(sheet).flat().map(String)).join('\n');

  it('lists each board\u2019s public call window and how many items wait for moderation, as counts only', async () => {
    const res = await fetch(`${env.url}/api/overview`, { headers: bearer });
    const answer = (await res.json()) as Ack<Overview>;
    if (!answer.ok) throw new Error(answer.error.message);
    const board = answer.data.boards.find((b) => b.boardId === seeded.board.boardId)!;
    const queue = await ok(call<QueueResult>(lead, 'moderation:queue', { state: 'pending' }));
    // The contribution, the comment waiting on the pre-moderated board, and the report.
    expect(queue.counts.pending).toBe(3);
    expect(board.pending).toBe(queue.counts.pending);
    expect(board.call).toEqual({ state: 'open', opensAt: null, closesAt: CLOSES_AT });
    expect(answer.data.boards.find((b) => b.boardId === emptyBoardId)).toMatchObject({ call: null, pending: 0 });
    // Hidden means hidden: the numbers leave, never what waits, nor the call's link.
    const text = JSON.stringify(answer.data);
    for (const secret of NOT_PUBLISHED) expect(text).not.toContain(secret);
    const callId = (await ok(call<PublicCall>(lead, 'call:configure', { enabled: true, opensAt: null, closesAt: CLOSES_AT, moderation: 'pre' }))).callId;
    expect(text).not.toContain(callId);
  });

  it('writes the CSV with Danish headings and labels, Copenhagen times and the ids, in English on request', async () => {
    const res = await download(`/api/overview/export.csv?boardId=${seeded.board.boardId}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(res.body.toString('utf8').slice(1), { delimiter: ';', relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(HEAD_DA);
    expect(rows).toHaveLength(published.length + 1);
    const byId = new Map(rows.slice(1).map((row) => [row[2], row]));
    const danish = byId.get(seeded.ideas.danish!.id)!;
    expect(danish).toEqual([
      'Kick-off workshop med rådene',
      seeded.board.boardId,
      seeded.ideas.danish!.id,
      seeded.ideas.danish!.text,
      'Sat i gang',
      '',
      expect.stringMatching(COPENHAGEN_TIME),
      'Fase 1 – Kendskab, ejerskab og engagement',
      'Inddragelse og samskabelse',
      'Udadvendt spor',
      'Sundhed og trivsel, Natur; by & vand',
      INITIATIVE_TITLES[0],
      'Borger',
      'Ældrerådet',
      'Ane Ærø',
      '2024-05-29T17:01:00+02:00',
    ]);
    const rejected = byId.get(seeded.ideas.quotes!.id)!;
    expect(rejected.slice(4, 6)).toEqual(['Ikke videreført', seeded.lifecycle.rejection]);
    expect(rejected[12]).toBe('Rådsmedlem');
    expect(byId.get(seeded.ideas.newlines!.id)!.slice(12, 15)).toEqual(['Medarbejder', '', 'Anonym']);
    // An idea without phase or track: empty cells, as in the board CSV.
    expect(byId.get(seeded.ideas.minus!.id)!.slice(7, 10)).toEqual(['', '', '']);
    expect(new Set(rows.slice(1).map((row) => row[4]))).toEqual(new Set(['Ny', 'Sat i gang', 'Ikke videreført', 'Overvejes', 'Realiseret']));
    expect(rows.slice(1).every((row) => STATUS_DA.includes(row[4]!))).toBe(true);
    expect(byId.get(seeded.ideas.edited!.id)![3]).toBe(EDITED_TEXT);
    for (const secret of NOT_PUBLISHED) expect(res.body.toString('utf8')).not.toContain(secret);

    const en = await download(`/api/overview/export.csv?boardId=${seeded.board.boardId}&lang=en&sep=,`);
    const enRows = parse(en.body.toString('utf8').slice(1), { delimiter: ',' }) as string[][];
    expect(enRows[0]).toEqual(HEAD_EN);
    const enDanish = enRows.find((row) => row[2] === seeded.ideas.danish!.id)!;
    expect([enDanish[4], enDanish[7], enDanish[9], enDanish[12]]).toEqual(['Started', 'Phase 1 – Awareness, ownership and engagement', 'Outward track', 'Citizen']);
    expect((await download('/api/overview/export.csv?lang=fr')).status).toBe(400);
  });

  it('writes the workbook like the board export: Danish sheets and labels, date cells, sized columns, frozen heading and filter', async () => {
    const book = await workbook(`?since=${Date.UTC(2024, 0, 1)}`);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Idéer', 'Optælling', 'Tavler', 'Ændringer']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }

    const ideas = book.getWorksheet('Idéer')!;
    expect(rowsOf(ideas)[0]).toEqual(HEAD_DA);
    expect(ideas.getColumn(4).width).toBeGreaterThan(40);
    expect(ideas.getColumn(2).width).toBeGreaterThanOrEqual(12);
    let danish: ExcelJS.Row | undefined;
    ideas.eachRow((row) => {
      if (row.getCell(3).value === seeded.ideas.danish!.id) danish = row;
    });
    expect(danish!.getCell(5).value).toBe('Sat i gang');
    expect(danish!.getCell(8).value).toBe('Fase 1 – Kendskab, ejerskab og engagement');
    expect(danish!.getCell(13).value).toBe('Borger');
    const created = danish!.getCell(16);
    expect(created.value).toEqual(FIRST_IDEA_WALL);
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(danish!.getCell(7).value).toBeInstanceOf(Date);

    const counts = rowsOf(book.getWorksheet('Optælling')!);
    expect(counts[0]).toEqual(['Opdeling', 'Værdi', 'Idéer']);
    const total = counts.find((row) => row[0] === 'I alt')!;
    expect(total[2]).toBeGreaterThanOrEqual(published.length);
    const count = (dimension: string, value: string) => counts.find((row) => row[0] === dimension && row[1] === value)?.[2];
    // Across both boards; the blank board has no ideas, so the counts are the seeded board's.
    const grid = expectedPhasePrinciple(published);
    expect(count('Fase og princip', 'Fase 1 – Kendskab, ejerskab og engagement × Inddragelse og samskabelse')).toBe(grid[0]![0]);
    expect(count('Fase og princip', 'Uden fase × Uden princip')).toBe(grid[3]![3]);
    expect(count('Fase og princip', 'Fase 3 – Realisering × Dynamisk og fleksibel proces')).toBe(grid[2]![1]);
    expect(count('Status', 'Sat i gang')).toBe(1);
    expect(count('Status', 'Udvalgt')).toBe(0);
    expect(count('Spor', 'Uden spor')).toBe(published.filter((i) => i.track === null).length);
    expect(count('Bidragyder', 'Borger')).toBe(published.filter((i) => i.contributorType === 'citizen').length);
    expect(count('Pejlemærker', 'Sundhed og trivsel')).toBe(1);
    expect(count('Pejlemærker', 'Uden pejlemærke')).toBe(published.filter((i) => i.beacons.length === 0).length);
    // No wire keys anywhere: "1:2", "none", "not-taken-forward".
    expect(counts.flat().filter((cell) => typeof cell === 'string' && /^(none|\d:\d|none:none|new|selected|outward|citizen)$|:none|none:/.test(cell))).toEqual([]);

    const boards = book.getWorksheet('Tavler')!;
    expect(rowsOf(boards)[0]).toEqual(BOARD_HEAD_DA);
    const boardRow = (boardId: string) => {
      let found: ExcelJS.Row | undefined;
      boards.eachRow((row) => {
        if (row.getCell(2).value === boardId) found = row;
      });
      return found!;
    };
    const seededRow = boardRow(seeded.board.boardId);
    expect([3, 5, 6, 7, 9].map((n) => seededRow.getCell(n).value)).toEqual(['Kick-off workshop med rådene', published.length, 'Åben', null, 3]);
    expect(seededRow.getCell(4).value).toBeInstanceOf(Date);
    expect(seededRow.getCell(8).value).toEqual(new Date(Date.UTC(2099, 5, 30, 23, 59, 0)));
    expect(seededRow.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect([3, 5, 6, 9].map((n) => boardRow(emptyBoardId).getCell(n).value)).toEqual(['Tom tavle', 0, 'Ingen', 0]);

    const changes = rowsOf(book.getWorksheet('Ændringer')!);
    expect(changes[0]).toEqual(['Tidspunkt', 'Ændring', 'Tavle', 'Tavle-id', 'Id', 'Idé eller indsats', 'Ny status', 'Begrundelse', 'Af']);
    const rejection = changes.find((row) => row[6] === 'Ikke videreført')!;
    expect(rejection.slice(1, 8)).toEqual(['Ny status', 'Kick-off workshop med rådene', seeded.board.boardId, seeded.ideas.quotes!.id, seeded.ideas.quotes!.text, 'Ikke videreført', seeded.lifecycle.rejection]);
    expect(rejection[0]).toBeInstanceOf(Date);
    expect(changes.some((row) => row[1] === 'Indsats gemt' && row[5] === INITIATIVE_TITLES[0])).toBe(true);
    expect(changes.some((row) => row[1] === 'Ny idé')).toBe(true);

    for (const secret of NOT_PUBLISHED) expect(everyText(book)).not.toContain(secret);

    const en = await workbook(`?since=${Date.UTC(2024, 0, 1)}&lang=en`);
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Ideas', 'Counts', 'Boards', 'Changes']);
    expect(rowsOf(en.getWorksheet('Ideas')!)[0]).toEqual(HEAD_EN);
    expect(rowsOf(en.getWorksheet('Counts')!).some((row) => row[1] === 'No phase × No principle')).toBe(true);
    expect(rowsOf(en.getWorksheet('Boards')!).some((row) => row[5] === 'Open' && row[2] === 'Kick-off workshop with the councils')).toBe(true);
  });
});
