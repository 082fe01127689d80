import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv';
import { Pacer } from './pacing';
import { PHASE_SLOTS, PRINCIPLE_SLOTS, countIdeas, phaseLabel, principleLabel } from './report';
import { ROW_COLUMNS, type RowBuilder, type RowColumn } from './rows';
import type { BoardSnapshot } from './snapshot';

/** Column widths (characters) of the idea sheet: wide for text, narrow for codes. */
const WIDTHS: Record<RowColumn, number> = {
  id: 16,
  text: 60,
  author: 22,
  contributorType: 16,
  organisation: 24,
  phase: 30,
  principle: 34,
  track: 18,
  beacons: 28,
  question: 40,
  cluster: 22,
  votes: 9,
  createdAt: 26,
  updatedAt: 26,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F8' } };

/** Excel's limit for sheet names is 31 characters, without []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/**
 * Cells are written as plain strings and numbers (exceljs never turns a string into a
 * formula), and text starting like a formula still gets the same leading `'` as in the CSV,
 * so a copy-paste or a CSV re-save cannot arm it later.
 */
function cellValue(value: string | number | null): string | number | null {
  // A cell's line breaks are LF in Excel (XML would turn CRLF into LF on reading anyway).
  return typeof value === 'string' ? neutraliseFormula(value).replace(/\r\n/g, '\n') : value;
}

/**
 * The workbook: the idea sheet (every field, a frozen heading row, sized columns, a filter),
 * then summaries by phase × principle (with ideas that lack either) and by track. Written
 * with exceljs's streaming writer, row by row, in paced slices; the zip is compressed as it
 * streams, off the event loop's critical path.
 */
export async function buildXlsx(snapshot: BoardSnapshot, rows: RowBuilder): Promise<Buffer> {
  const labels = rows.labels;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const pacer = new Pacer();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Samskab';
  workbook.created = new Date(snapshot.takenAt);
  workbook.title = snapshot.settings.title;

  const ideas = workbook.addWorksheet(sheetName(labels.sheets.ideas), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ideas.columns = ROW_COLUMNS.map((column) => ({ key: column, width: WIDTHS[column] }));
  ideas.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ROW_COLUMNS.length } };
  const heading = ideas.addRow(rows.headings());
  heading.font = { bold: true };
  heading.fill = HEADER_FILL;
  heading.commit();
  for (const idea of snapshot.ideas) {
    const row = rows.row(idea);
    const added = ideas.addRow(ROW_COLUMNS.map((column) => cellValue(row[column])));
    added.getCell(ROW_COLUMNS.indexOf('text') + 1).alignment = { wrapText: true, vertical: 'top' };
    added.commit();
    await pacer.step();
  }
  ideas.commit();

  const counts = countIdeas(snapshot, labels);
  const r = labels.report;
  const pp = workbook.addWorksheet(sheetName(labels.sheets.phasePrinciple), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  pp.columns = [{ width: 46 }, ...PRINCIPLE_SLOTS.map(() => ({ width: 30 })), { width: 10 }];
  const ppHead = pp.addRow([labels.columns.phase, ...PRINCIPLE_SLOTS.map((s) => principleLabel(labels, s)), r.total]);
  ppHead.font = { bold: true };
  ppHead.fill = HEADER_FILL;
  ppHead.alignment = { wrapText: true, vertical: 'top' };
  ppHead.commit();
  for (const [i, phase] of PHASE_SLOTS.entries()) {
    const values = counts.phasePrinciple[i]!;
    pp.addRow([phaseLabel(labels, phase), ...values, values.reduce((a, b) => a + b, 0)]).commit();
  }
  const ppTotal = pp.addRow([
    r.total,
    ...PRINCIPLE_SLOTS.map((_, j) => counts.phasePrinciple.reduce((sum, row) => sum + row[j]!, 0)),
    counts.total,
  ]);
  ppTotal.font = { bold: true };
  ppTotal.commit();
  pp.commit();

  const tracks = workbook.addWorksheet(sheetName(labels.sheets.tracks), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  tracks.columns = [{ width: 24 }, { width: 10 }];
  const trackHead = tracks.addRow([labels.columns.track, r.ideas]);
  trackHead.font = { bold: true };
  trackHead.fill = HEADER_FILL;
  trackHead.commit();
  for (const track of counts.tracks) tracks.addRow([track.label, track.count]).commit();
  const trackTotal = tracks.addRow([r.total, counts.total]);
  trackTotal.font = { bold: true };
  trackTotal.commit();
  tracks.commit();

  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
