import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { initiativeViews } from './initiative-rows';
import { Pacer } from './pacing';
import { countIdeas } from './report';
import { ROW_COLUMNS, type RowBuilder, type RowColumn } from './rows';
import type { BoardSnapshot } from './snapshot';
import type { PollExport } from './poll-export';
import { addPollSheets } from './poll-sheets';
import { HEADER_FILL, addInitiativeSheet, addPhasePrincipleSheet, addStatusSheet, addTrackSheet, cellValue, sheetName } from './xlsx-sheets';

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
  status: 18,
  statusRationale: 40,
  statusChangedAt: 26,
  comments: 12,
  reactionsSupport: 12,
  reactionsLove: 12,
  reactionsInsight: 12,
  reactionsQuestion: 12,
  initiatives: 36,
  createdAt: 26,
  updatedAt: 26,
};
const WRAPPED: readonly RowColumn[] = ['text', 'statusRationale', 'initiatives'];

/**
 * The workbook: the idea sheet (every field, a frozen heading row, sized columns, a filter),
 * then summaries by phase × principle (with ideas that lack either), by status × phase and
 * by track, and the initiatives. Written with exceljs's streaming writer, row by row, in
 * paced slices; the zip is compressed as it streams, off the event loop's critical path.
 */
export async function buildXlsx(snapshot: BoardSnapshot, rows: RowBuilder, polls: readonly PollExport[] = []): Promise<Buffer> {
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
    for (const column of WRAPPED) added.getCell(ROW_COLUMNS.indexOf(column) + 1).alignment = { wrapText: true, vertical: 'top' };
    added.commit();
    await pacer.step();
  }
  ideas.commit();

  const counts = countIdeas(snapshot, rows);
  addPhasePrincipleSheet(workbook, labels, counts);
  addStatusSheet(workbook, labels, counts);
  addTrackSheet(workbook, labels, counts);
  await addInitiativeSheet(workbook, labels, initiativeViews(snapshot, rows), pacer);
  if (polls.length > 0) addPollSheets(workbook, labels, polls);

  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
