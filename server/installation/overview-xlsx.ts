import ExcelJS from 'exceljs';
import type { Overview } from '../../shared';
import { DATE_FORMAT, HEADER_FILL, cellValue, excelDate, sheetName } from '../export';
import { countRows } from './overview-counts';
import { overviewLabels, templateName, type OverviewLabels } from './overview-labels';
import { OVERVIEW_COLUMNS } from './overview-rows';

type Value = string | number | null;

/** A column of a sheet: its heading, width (characters) and how its cells are written. */
interface Column {
  heading: string;
  width: number;
  /** date: the value is ms since the epoch (or null), written as a date cell; wrap: long text. */
  kind: 'text' | 'wrap' | 'date' | 'number';
}

/**
 * The coordinator's overview as a workbook, written like a board's export (server/export
 * xlsx.ts): headings and values in the chosen language with the board export's labels, a
 * bold frozen heading row with a filter, sized columns, and times as real date cells on
 * Copenhagen's clock. Sheets: the (filtered) ideas across the boards, the counts behind the
 * page, the boards with their public call and moderation queue as counts, and, when a date
 * was asked for, what changed since.
 */
export async function buildOverviewXlsx(overview: Overview, lang: 'da' | 'en'): Promise<Buffer> {
  const l = overviewLabels(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samskab';
  workbook.created = new Date(overview.generatedAt);

  addTable(
    workbook,
    l.sheets.ideas,
    OVERVIEW_COLUMNS.map((c) => ({ heading: c.heading(l), width: c.width, kind: c.kind })),
    overview.ideas.map((idea) => OVERVIEW_COLUMNS.map((c) => c.value(idea, l))),
  );

  const counts = countRows(overview.counts, l);
  addTable(
    workbook,
    l.sheets.counts,
    [
      { heading: l.counts.dimension, width: 22, kind: 'text' },
      { heading: l.counts.value, width: 90, kind: 'text' },
      { heading: l.counts.ideas, width: 10, kind: 'number' },
    ],
    counts.map((row) => [row.dimension, row.value, row.count]),
  );

  addTable(workbook, l.sheets.boards, boardColumns(l), overview.boards.map((b) => [
    b.title || l.untitled,
    b.boardId,
    templateName(l, b.template),
    b.createdAt,
    b.ideaCount,
    l.call[b.call?.state ?? 'none'],
    b.call?.opensAt ?? null,
    b.call?.closesAt ?? null,
    b.pending,
  ]));

  if (overview.changes) {
    const c = l.changeColumns;
    addTable(
      workbook,
      l.sheets.changes,
      [
        { heading: c.at, width: 18, kind: 'date' },
        { heading: c.kind, width: 16, kind: 'text' },
        { heading: l.columns.board, width: 24, kind: 'text' },
        { heading: l.columns.boardId, width: 16, kind: 'text' },
        { heading: c.id, width: 18, kind: 'text' },
        { heading: c.text, width: 60, kind: 'wrap' },
        { heading: c.status, width: 18, kind: 'text' },
        { heading: c.rationale, width: 40, kind: 'wrap' },
        { heading: c.by, width: 22, kind: 'text' },
      ],
      overview.changes.map((change) => [
        change.at,
        l.changeKind[change.kind],
        change.boardTitle || l.untitled,
        change.boardId,
        change.id,
        change.text,
        change.status === null ? null : l.base.status[change.status],
        change.rationale,
        change.by,
      ]),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function boardColumns(l: OverviewLabels): Column[] {
  const b = l.boardColumns;
  return [
    { heading: l.columns.board, width: 30, kind: 'text' },
    { heading: l.columns.boardId, width: 16, kind: 'text' },
    { heading: b.template, width: 30, kind: 'text' },
    { heading: b.createdAt, width: 18, kind: 'date' },
    { heading: b.ideas, width: 10, kind: 'number' },
    { heading: b.call, width: 22, kind: 'text' },
    { heading: b.opensAt, width: 20, kind: 'date' },
    { heading: b.closesAt, width: 20, kind: 'date' },
    { heading: b.pending, width: 24, kind: 'number' },
  ];
}

/** One sheet: a bold, frozen, filterable heading row, then the rows, each cell written by its column's kind. */
function addTable(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Value[][]): void {
  const sheet = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const heading = sheet.addRow(columns.map((column) => cellValue(column.heading)));
  heading.font = { bold: true };
  heading.alignment = { wrapText: true, vertical: 'top' };
  heading.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const values of rows) {
    const row = sheet.addRow(
      values.map((value, i) => (columns[i]?.kind === 'date' && typeof value === 'number' ? excelDate(value) : cellValue(value))),
    );
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (column.kind === 'date') cell.numFmt = DATE_FORMAT;
      if (column.kind === 'wrap') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
}
