import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '../../shared';
import { call, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';
import { fetchExport } from './export-helpers';

/** Exports carry the results of every poll that was asked, read back with the CSV and XLSX readers. */
describe('polls in the exports', () => {
  let env: WorkshopEnv;
  let token: string;
  let boardId: string;
  let choice: Poll;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    const board = await env.board('kickoff');
    boardId = board.boardId;
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    token = leadSession.sessionToken;
    const lead = await env.socket(leadSession);
    choice = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'single', question: 'Hvilket fyrtårn?', options: [{ label: 'Natur' }, { label: '=Fællesskab' }] } }));
    const text = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'text', question: 'Hvad bør vi spørge om?' } }));
    for (const poll of [choice, text]) await ok(call(lead, 'poll:open', { pollId: poll.id }));
    const options = choice.type === 'single' ? choice.options : [];
    const people = await Promise.all(['Ane', 'Bo', 'Cai'].map(async (name) => env.socket(await env.session(board, 'participant', name))));
    for (const [i, socket] of people.entries()) await ok(call(socket, 'poll:answer', { pollId: choice.id, answer: { type: 'single', optionId: options[i === 0 ? 0 : 1]!.id } }));
    await ok(call(people[0]!, 'poll:answer', { pollId: text.id, answer: { type: 'text', text: 'Om trafik' } }));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('XLSX gains the "Afstemninger" and "Afstemningssvar" sheets (untouched template drafts left out)', async () => {
    const res = await fetchExport(env.url, boardId, 'xlsx', token, '?lang=da');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name).slice(-2)).toEqual(['Afstemninger', 'Afstemningssvar']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = rows('Afstemninger');
    expect(summary[0]).toEqual(['Afstemning', 'Type', 'Tilstand', 'Svar i alt', 'Mulighed / værdi / ord', 'Antal', 'Andel (%)', 'Gennemsnitlig plads', 'Gennemsnit']);
    expect(summary.slice(1, 3)).toEqual([
      ['Hvilket fyrtårn?', 'Ét valg', 'Åben', 3, 'Natur', 1, 33.3],
      ['Hvilket fyrtårn?', 'Ét valg', 'Åben', 3, "'=Fællesskab", 2, 66.7],
    ]);
    expect(summary.some((r) => r[0] === 'Hvor godt kender du visionen?')).toBe(false);
    const answers = rows('Afstemningssvar');
    expect(answers).toHaveLength(1 + 4);
    expect(answers.filter((r) => r[3] === 'Om trafik')).toHaveLength(1);
  });

  it('CSV gives the results with ?part=polls and the answers with ?part=pollAnswers', async () => {
    const results = parse((await fetchExport(env.url, boardId, 'csv', token, '?lang=en&part=polls&sep=,')).text(), { bom: true, relaxColumnCount: true }) as string[][];
    expect(results[0]![0]).toBe('Poll');
    expect(results.filter((r) => r[0] === 'Hvilket fyrtårn?').map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Natur', '1', '33.3'],
      ["'=Fællesskab", '2', '66.7'],
    ]);
    const res = await fetchExport(env.url, boardId, 'csv', token, '?part=pollAnswers');
    expect(res.headers.get('content-disposition')).toMatch(/afstemningssvar/);
    const answers = parse(res.text(), { bom: true, delimiter: ';' }) as string[][];
    expect(answers).toHaveLength(5);
    // Anonymous: the answer id is not a participant id.
    for (const row of answers.slice(1)) expect(row[1]).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('the Markdown and HTML reports show each poll with a table', async () => {
    const md = (await fetchExport(env.url, boardId, 'md', token, '?lang=da')).text();
    expect(md).toContain('## Afstemninger');
    expect(md).toContain('### Hvilket fyrtårn?');
    expect(md).toMatch(/\| Natur \| 1 \| 33\.3 \|/);
    const html = (await fetchExport(env.url, boardId, 'html', token, '?lang=en')).text();
    expect(html).toContain('<section class="polls">');
    expect(html).toContain('<th scope="row">Natur</th>');
    expect(html).toContain('aria-hidden="true"');
  });
});
