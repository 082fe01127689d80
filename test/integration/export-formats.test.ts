import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '../../shared';
import { workshopEnv, type WorkshopEnv } from '../support/workshop';
import {
  DECISION_LINK, EDITED_TEXT, HEAD_DA, HEAD_EN, INITIATIVE_HEAD_DA, INITIATIVE_HEAD_EN, INITIATIVE_TITLES, STATUS_DA, STATUS_EN, TRICKY_TEXTS,
  expectedPhasePrinciple, fetchExport, seedBoard, type SeededBoard,
} from './export-helpers';

/** The statuses seedBoard set; every other idea is 'new'. */
const SEEDED_STATUS: Record<string, IdeaStatus> = { danish: 'started', quotes: 'not-taken-forward', formula: 'considering', newlines: 'realised' };
const COPENHAGEN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;

function hasPdftotext(): boolean {
  return ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].some((p) => existsSync(p));
}

describe('board exports: CSV, XLSX, Markdown, HTML, PDF', () => {
  let env: WorkshopEnv;
  let seeded: SeededBoard;
  let published: Idea[];
  const token = () => seeded.lead.sessionToken;

  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    seeded = await seedBoard(env);
    published = Object.values(seeded.ideas);
  });
  const statusOf = (idea: Idea): IdeaStatus => SEEDED_STATUS[Object.entries(seeded.ideas).find(([, i]) => i.id === idea.id)![0]] ?? 'new';
  /** Expected status × phase counts (rows IDEA_STATUSES, columns phases 1–3 + none). */
  const expectedStatusPhase = () =>
    IDEA_STATUSES.map((status) => [1, 2, 3, null].map((phase) => published.filter((i) => statusOf(i) === status && i.phase === phase).length));
  afterAll(() => env?.close());

  /** The parsed CSV rows (headings first) keyed by idea id. */
  function byId(records: string[][]): Map<string, Record<string, string>> {
    const [head, ...rows] = records;
    return new Map(rows.map((row) => [row[0]!, Object.fromEntries(head!.map((h, i) => [h, row[i]!]))]));
  }

  it('writes CSV that Excel and a real parser read back: BOM, `;`, quoting, æøå, newlines, formulas neutralised', async () => {
    const res = await fetchExport(env.url, seeded.board.boardId, 'csv', token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kick-off-workshop-med-raadene-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.text();
    // CRLF line ends outside quoted fields; every record ends with one.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*(""[^"]*)*"/g, '').split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);

    const records = parse(res.body, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(HEAD_DA);
    expect(records).toHaveLength(published.length + 1);
    const rows = byId(records);
    const row = (key: string) => rows.get(seeded.ideas[key]!.id)!;

    expect(row('danish')).toMatchObject({
      Idé: TRICKY_TEXTS.danish,
      Forfatter: 'Ane Ærø',
      Bidragyder: 'Borger',
      Organisation: 'Ældrerådet',
      Fase: 'Fase 1 – Kendskab, ejerskab og engagement',
      Princip: 'Inddragelse og samskabelse',
      Spor: 'Udadvendt spor',
      Pejlemærker: 'Sundhed og trivsel, Natur; by & vand',
      Spørgsmål: 'Hvad kan rådene bidrage med i arbejdet med visionen?',
      Klynge: seeded.clusterName,
      Stemmer: '3',
    });
    expect(row('quotes')).toMatchObject({ Idé: TRICKY_TEXTS.quotes, Forfatter: 'Bo', Bidragyder: 'Rådsmedlem', Organisation: "'\tTAB-organisation", Spor: 'Politisk spor', Stemmer: '1' });
    expect(row('newlines')).toMatchObject({ Idé: TRICKY_TEXTS.newlines, Forfatter: 'Anonym', Bidragyder: 'Medarbejder', Fase: 'Fase 2 – Idéudvikling og fælles løsninger', Princip: 'Både nye og eksisterende indsatser i forskellig målestok', Spor: 'Indadvendt spor', Stemmer: '0' });
    expect(row('separators')).toMatchObject({ Idé: TRICKY_TEXTS.separators, Fase: 'Fase 3 – Realisering', Spor: '' });
    expect(row('at').Organisation).toBe("'\rCR-organisation");
    // Formula injection: each of these starts with a `'`, the rest intact.
    for (const key of ['formula', 'plus', 'minus', 'at', 'hyperlink'] as const) expect(row(key).Idé).toBe(`'${TRICKY_TEXTS[key]}`);
    expect(row('minus')).toMatchObject({ Fase: '', Princip: '', Spørgsmål: '' });
    expect(row('script').Idé).toBe(TRICKY_TEXTS.script);
    expect(row('danish').Oprettet).toBe('2024-05-29T17:01:00+02:00');
    // No raw formula start anywhere in the file's fields.
    for (const record of records) for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    // Hidden (silent-writing) ideas are not published, so not exported here.
    expect(text).not.toContain('æbletræer');

    // What became of each idea, what people said, and what it led to.
    const { lifecycle } = seeded;
    expect(row('danish')).toMatchObject({
      Status: 'Sat i gang',
      'Begrundelse for status': '',
      Kommentarer: '2',
      'Reaktioner: Støtter': '2',
      'Reaktioner: Elsker': '1',
      'Reaktioner: Ny indsigt': '0',
      'Reaktioner: Har et spørgsmål': '0',
      Indsatser: INITIATIVE_TITLES[0],
    });
    expect(row('danish')['Status ændret']).toMatch(COPENHAGEN_TIME);
    expect(row('quotes')).toMatchObject({
      Status: 'Ikke videreført',
      'Begrundelse for status': lifecycle.rejection,
      // Bo's comment waits for approval on the pre-moderated board: not counted.
      Kommentarer: '0',
      'Reaktioner: Ny indsigt': '1',
      Indsatser: `'${INITIATIVE_TITLES[1]}`,
    });
    expect(row('formula')).toMatchObject({ Status: 'Overvejes', 'Begrundelse for status': `'${lifecycle.formulaRationale}` });
    expect(row('newlines').Status).toBe('Realiseret');
    expect(row('dupe1')).toMatchObject({ Status: 'Ny', 'Status ændret': '', Indsatser: INITIATIVE_TITLES[0] });
    expect(row('edited').Idé).toBe(EDITED_TEXT);
    // Nothing that is not public: the moderator-hidden idea, the pending contribution and comment, the e-mail.
    for (const secret of [lifecycle.moderatorHidden.idea.text, 'Bidrag om Strandparken', 'Venter på godkendelse', lifecycle.email]) expect(text).not.toContain(secret);
  });

  it('writes CSV with `,` and English headings', async () => {
    const res = await fetchExport(env.url, seeded.board.boardId, 'csv', token(), '?sep=,&lang=en');
    expect(res.status).toBe(200);
    const records = parse(res.body, { bom: true, delimiter: ',' }) as string[][];
    expect(records[0]).toEqual(HEAD_EN);
    const rows = byId(records);
    expect(rows.get(seeded.ideas.separators!.id)!.Idea).toBe(TRICKY_TEXTS.separators);
    expect(rows.get(seeded.ideas.newlines!.id)).toMatchObject({ Author: 'Anonymous', 'Contributor type': 'Staff', Phase: 'Phase 2 – Idea development and shared solutions' });
    expect(rows.get(seeded.ideas.danish!.id)).toMatchObject({
      Beacons: 'Sundhed og trivsel, Natur; by & vand',
      Track: 'Outward track',
      Votes: '3',
      Status: 'Started',
      Comments: '2',
      'Reactions: Support': '2',
      Initiatives: INITIATIVE_TITLES[0],
    });
    expect(rows.get(seeded.ideas.quotes!.id)).toMatchObject({ Status: 'Not taken forward', 'Status rationale': seeded.lifecycle.rejection });
    expect(res.text()).toContain('"Semikolon; komma, og begge; dele, her"');
  });

  it('writes an XLSX workbook with the ideas and the summary sheets, in Danish and English', async () => {
    for (const [lang, names, head, initiativeHead, statusNames] of [
      ['da', ['Idéer', 'Fase og princip', 'Status', 'Spor', 'Indsatser'], HEAD_DA, INITIATIVE_HEAD_DA, STATUS_DA],
      ['en', ['Ideas', 'Phase and principle', 'Status', 'Tracks', 'Initiatives'], HEAD_EN, INITIATIVE_HEAD_EN, STATUS_EN],
    ] as const) {
      const res = await fetchExport(env.url, seeded.board.boardId, 'xlsx', token(), `?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(names);

      const ideas = workbook.worksheets[0]!;
      expect((ideas.getRow(1).values as unknown[]).slice(1)).toEqual(head);
      expect(ideas.rowCount).toBe(published.length + 1);
      expect(ideas.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ideas.getColumn(2).width).toBeGreaterThan(40);
      const texts = new Map<string, unknown[]>();
      ideas.eachRow((row, n) => {
        if (n > 1) texts.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
      });
      expect(texts.get(seeded.ideas.danish!.id)![1]).toBe(TRICKY_TEXTS.danish);
      expect(texts.get(seeded.ideas.danish!.id)![11]).toBe(3);
      expect(texts.get(seeded.ideas.formula!.id)![1]).toBe(`'${TRICKY_TEXTS.formula}`);
      expect(texts.get(seeded.ideas.newlines!.id)![1]).toBe(TRICKY_TEXTS.newlines.replace(/\r\n/g, '\n'));

      const grid = expectedPhasePrinciple(published);
      const pp = workbook.worksheets[1]!;
      const ppRows: unknown[][] = [];
      pp.eachRow((row) => ppRows.push((row.values as unknown[]).slice(1)));
      expect(ppRows).toHaveLength(6); // heading, phases 1–3, no phase, total
      for (let p = 0; p < 4; p++) {
        expect(ppRows[p + 1]!.slice(1, 5)).toEqual(grid[p]);
        expect(ppRows[p + 1]![5]).toBe(grid[p]!.reduce((a, b) => a + b, 0));
      }
      expect(ppRows[5]![5]).toBe(published.length);
      expect(ppRows[1]![0]).toBe(lang === 'da' ? 'Fase 1 – Kendskab, ejerskab og engagement' : 'Phase 1 – Awareness, ownership and engagement');
      expect(ppRows[4]![0]).toBe(lang === 'da' ? 'Uden fase' : 'No phase');

      const quotes = texts.get(seeded.ideas.quotes!.id)!;
      expect(quotes.slice(12, 16)).toEqual([statusNames[5], seeded.lifecycle.rejection, expect.stringMatching(COPENHAGEN_TIME), 0]);
      expect(quotes[20]).toBe(`'${INITIATIVE_TITLES[1]}`);
      expect(texts.get(seeded.ideas.danish!.id)!.slice(15, 21)).toEqual([2, 2, 1, 0, 0, INITIATIVE_TITLES[0]]);
      expect(texts.get(seeded.ideas.formula!.id)![13]).toBe(`'${seeded.lifecycle.formulaRationale}`);

      const statuses = workbook.worksheets[2]!;
      const statusRows: unknown[][] = [];
      statuses.eachRow((row) => statusRows.push((row.values as unknown[]).slice(1)));
      expect(statusRows).toHaveLength(8); // heading, six statuses, total
      expect(statusRows[0]![4]).toBe(lang === 'da' ? 'Uden fase' : 'No phase');
      const statusGrid = expectedStatusPhase();
      for (const [i, name] of statusNames.entries()) {
        expect(statusRows[i + 1]).toEqual([name, ...statusGrid[i]!, statusGrid[i]!.reduce((a, b) => a + b, 0)]);
      }
      expect(statusRows[7]![5]).toBe(published.length);

      const initiatives = workbook.worksheets[4]!;
      const initiativeRows: unknown[][] = [];
      initiatives.eachRow((row) => initiativeRows.push((row.values as unknown[]).slice(1)));
      expect(initiativeRows[0]).toEqual(initiativeHead);
      expect(initiativeRows).toHaveLength(3);
      const [flagship, small] = seeded.lifecycle.initiatives;
      expect(initiativeRows[1]!.slice(0, 10)).toEqual([
        flagship!.id,
        INITIATIVE_TITLES[0],
        flagship!.description,
        lang === 'da' ? 'Flagskib' : 'Flagship',
        lang === 'da' ? 'Ny indsats' : 'New initiative',
        'Teknik- og Miljøforvaltningen',
        'Sundhed og trivsel, Natur; by & vand',
        lang === 'da' ? 'Fase 3 – Realisering' : 'Phase 3 – Realisation',
        DECISION_LINK,
        [
          TRICKY_TEXTS.danish,
          seeded.ideas.dupe1!.text,
          lang === 'da' ? '(1 idé er ikke længere offentlig på tavlen.)' : '(1 idea is no longer public on the board.)',
        ].join('\n'),
      ]);
      expect(initiativeRows[1]![10]).toBe(flagship!.ideaIds.join('\n'));
      expect(initiativeRows[1]![13]).toBe('Lead');
      expect(initiativeRows[2]!.slice(1, 5)).toEqual([
        `'${INITIATIVE_TITLES[1]}`,
        undefined, // no description: an empty cell
        lang === 'da' ? 'Lille indsats' : 'Small initiative',
        lang === 'da' ? 'Eksisterende indsats' : 'Existing initiative',
      ]);
      expect(initiativeRows[2]![9]).toBe(TRICKY_TEXTS.quotes);
      expect(small!.ideaIds).toEqual([seeded.ideas.quotes!.id]);

      const tracks = workbook.worksheets[3]!;
      const trackRows: unknown[][] = [];
      tracks.eachRow((row) => trackRows.push((row.values as unknown[]).slice(1)));
      const count = (track: Idea['track']) => published.filter((i) => i.track === track).length;
      expect(trackRows.slice(1, 5).map((r) => r[1])).toEqual([count('political'), count('outward'), count('inward'), count(null)]);
      expect(trackRows[5]![1]).toBe(published.length);
    }
  });

  it('writes the report as Markdown with the headings, counts and every text inert', async () => {
    const res = await fetchExport(env.url, seeded.board.boardId, 'md', token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = res.text();
    expect(md).toMatch(/^# Kick-off workshop med rådene\n/);
    for (const heading of ['## Overblik', '### Idéer fordelt på fase og princip', '### Fase 1 – Kendskab, ejerskab og engagement (', '#### Inddragelse og samskabelse (', '### Uden fase (']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain(`- Idéer: ${published.length}`);
    expect(md).toContain('**(3 stemmer)**');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('\\# Ikke en overskrift');
    expect(md).toContain('\\[link\\](http://evil.example)');
    expect(md).not.toMatch(/^# Ikke/m);
    expect(md).not.toMatch(/^\s*- ikke en liste/m);

    // Statuses: a table of counts, and each idea's status (with the rationale when not taken forward).
    const { lifecycle } = seeded;
    expect(md).toContain('### Idéer fordelt på status');
    const counts = new Map(IDEA_STATUSES.map((status, i) => [status, expectedStatusPhase()[i]!.reduce((a, b) => a + b, 0)]));
    for (const [i, name] of STATUS_DA.entries()) expect(md).toContain(`| ${name} | ${counts.get(IDEA_STATUSES[i]!)} |`);
    expect(md).toContain(`**Status: Ikke videreført** · Begrundelse: ${lifecycle.rejection}`);
    expect(md).toContain('**Status: Sat i gang**');
    expect(md.match(/\*\*Status: /g)).toHaveLength(published.length);
    // Initiatives: every field, the ideas they came from, and text from the board kept inert.
    expect(md).toContain('- Indsatser: 2');
    expect(md).toContain('\n## Indsatser\n');
    expect(md).toContain('### Bænke ved vandet – Ishøj Strand &amp; Strandparken');
    expect(md).toContain('### \\+Stille rum på biblioteket');
    for (const line of [
      '- **Målestok:** Flagskib',
      '- **Ny eller eksisterende:** Ny indsats',
      '- **Ansvarlig enhed:** Teknik- og Miljøforvaltningen',
      '- **Pejlemærker:** Sundhed og trivsel, Natur; by &amp; vand',
      '- **Målfase:** Fase 3 – Realisering',
      `- **Dagsordenspunkt eller beslutning:** <${DECISION_LINK}>`,
      '- **Målestok:** Lille indsats',
      '- **Ny eller eksisterende:** Eksisterende indsats',
      '**Bygger på idéerne:**',
      `- ${TRICKY_TEXTS.danish} (Status: Sat i gang)`,
      '- *1 idé er ikke længere offentlig på tavlen.*',
    ]) {
      expect(md).toContain(line);
    }
    expect(md.indexOf('\n## Indsatser\n')).toBeLessThan(md.indexOf('\n## Idéer\n'));
    expect(md).not.toContain(lifecycle.moderatorHidden.idea.text);

    const en = (await fetchExport(env.url, seeded.board.boardId, 'md', token(), '?lang=en')).text();
    for (const text of ['### Ideas by status', '\n## Initiatives\n', '**Status: Not taken forward** · Rationale: ', '- **Scale:** Flagship', '- **New or existing:** Existing initiative', '**Came from the ideas:**', '| Under consideration | 1 |']) {
      expect(en).toContain(text);
    }
  });

  it('writes a standalone printable HTML report: headings, counts, votes, and a <script> idea inert', async () => {
    const res = await fetchExport(env.url, seeded.board.boardId, 'html', token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/\.html"$/);
    const html = res.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da-DK">/);
    expect(html).toContain('<h1>Kick-off workshop med rådene</h1>');
    for (const heading of ['Overblik', 'Idéer fordelt på fase og princip', 'Idéer fordelt på spor', 'Fase 1 – Kendskab, ejerskab og engagement', 'Fase 3 – Realisering', 'Uden fase', 'Inddragelse og samskabelse', 'Dynamisk og fleksibel proces']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('3 stemmer');
    expect(html).toContain('Hvad kan rådene bidrage med i arbejdet med visionen?');
    // Escaped: the only <script would be ours, and there is none.
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;');
    // Standalone and printable: no external resources, A4 print styles, a page per phase.
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\bsrc=|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('break-before: page');

    // Statuses and initiatives, escaped like everything else; the decision link is the only link.
    const { lifecycle } = seeded;
    expect(html).toContain('<h3>Idéer fordelt på status</h3>');
    expect(html).toContain('<h2>Indsatser</h2>');
    expect(html).toContain('<h3>Bænke ved vandet – Ishøj Strand &amp; Strandparken</h3>');
    expect(html).toContain('<h3>+Stille rum på biblioteket</h3>');
    expect(html).toContain('<span class="status status-not-taken-forward">Status: Ikke videreført</span>');
    expect(html).toContain('Begrundelse: Ligger uden for budgettet; &quot;for dyrt&quot; i 2025 – æøå');
    expect(html.match(/<p class="idea-status">/g)).toHaveLength(published.length);
    for (const fact of ['<dt>Målestok</dt><dd>Flagskib</dd>', '<dt>Ny eller eksisterende</dt><dd>Eksisterende indsats</dd>', '<dt>Ansvarlig enhed</dt><dd>Teknik- og Miljøforvaltningen</dd>', '<dt>Målfase</dt><dd>Fase 3 – Realisering</dd>', '<dt>Pejlemærker</dt><dd>Sundhed og trivsel, Natur; by &amp; vand</dd>']) {
      expect(html).toContain(fact);
    }
    const href = DECISION_LINK.replace(/&/g, '&amp;');
    expect(html).toContain(`<dt>Dagsordenspunkt eller beslutning</dt><dd><a href="${href}">${href}</a></dd>`);
    expect(html.match(/<a\b/g)).toHaveLength(1);
    expect(html).toContain('<h4>Bygger på idéerne</h4>');
    expect(html).toContain('1 idé er ikke længere offentlig på tavlen.');
    expect(html).toContain('<tr><td>Ikke videreført</td><td class="n">1</td></tr>');
    expect(html).not.toContain(lifecycle.moderatorHidden.idea.text);
    expect(html).not.toContain(lifecycle.email);

    const en = (await fetchExport(env.url, seeded.board.boardId, 'html', token(), '?lang=en')).text();
    expect(en).toContain('<html lang="en-GB">');
    for (const heading of ['Overview', 'Ideas by phase and principle', 'Phase 1 – Awareness, ownership and engagement', 'Involvement and co-creation', '3 votes']) {
      expect(en).toContain(heading);
    }
    for (const text of ['<h3>Ideas by status</h3>', '<h2>Initiatives</h2>', 'Status: Not taken forward', '<dt>Scale</dt><dd>Flagship</dd>', '<h4>Came from the ideas</h4>', 'Rationale: ']) {
      expect(en).toContain(text);
    }
  });

  it.skipIf(!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))('prints the report to PDF in Chromium', { timeout: 120_000 }, async () => {
    const res = await fetchExport(env.url, seeded.board.boardId, 'pdf', token());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/\.pdf"$/);
    expect(res.body.length).toBeGreaterThan(1000);
    expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The decision link stays a link in the PDF (an annotation per line it wraps over), and it is the only one.
    const uris = [...res.body.toString('latin1').matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set([DECISION_LINK]));
    if (!hasPdftotext()) return; // apt-get install -y poppler-utils for the text check
    const dir = await mkdtemp(join(tmpdir(), 'samskab-pdf-'));
    try {
      const file = join(dir, 'report.pdf');
      await writeFile(file, res.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Kick-off workshop med rådene');
      expect(text).toContain('Overblik');
      expect(text).toContain('Fase 1 – Kendskab, ejerskab og engagement');
      expect(text).toContain('<script>alert("x")</script>'); // shown as text, not run
      for (const heading of ['Idéer fordelt på status', 'Indsatser', 'Bygger på idéerne', 'Status: Ikke videreført', 'Flagskib']) expect(text).toContain(heading);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 EXPORT_UNAVAILABLE for PDF when there is no Chromium, and the other formats still work', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await fetchExport(env.url, seeded.board.boardId, 'pdf', token());
      expect(res.status).toBe(503);
      expect(res.ack).toMatchObject({ ok: false, error: { code: 'EXPORT_UNAVAILABLE' } });
      expect((await fetchExport(env.url, seeded.board.boardId, 'html', token())).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});
