import ExcelJS from 'exceljs';
import { copenhagenIso, type Overview, type OverviewCounts } from '../../shared';
import { HEADER_FILL, cellValue } from '../export';
import { OVERVIEW_COLUMNS, overviewRow } from './overview-rows';

/**
 * The coordinator's overview as a workbook: every (filtered) idea across the boards, the
 * counts behind the page, and what changed since the date asked for. Headings are the wire
 * names, like the overview CSV, so the two read the same.
 */
export async function buildOverviewXlsx(overview: Overview): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samskab';
  workbook.created = new Date(overview.generatedAt);

  const ideas = workbook.addWorksheet('Ideas', { views: [{ state: 'frozen', ySplit: 1 }] });
  ideas.addRow(OVERVIEW_COLUMNS);
  for (const idea of overview.ideas) ideas.addRow(overviewRow(idea).map(cellValue));
  ideas.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: OVERVIEW_COLUMNS.length } };
  styleHeading(ideas);

  const counts = workbook.addWorksheet('Counts');
  addCounts(counts, overview.counts);
  styleHeading(counts);

  const boards = workbook.addWorksheet('Boards', { views: [{ state: 'frozen', ySplit: 1 }] });
  boards.addRow(['board', 'boardId', 'template', 'createdAt', 'ideas']);
  for (const b of overview.boards) boards.addRow([cellValue(b.title), b.boardId, b.template, copenhagenIso(b.createdAt), b.ideaCount]);
  styleHeading(boards);

  if (overview.changes) {
    const changes = workbook.addWorksheet('Changes', { views: [{ state: 'frozen', ySplit: 1 }] });
    changes.addRow(['at', 'kind', 'board', 'id', 'text', 'status', 'rationale', 'by']);
    for (const c of overview.changes) {
      changes.addRow([copenhagenIso(c.at), c.kind, c.boardTitle, c.id, c.text, c.status, c.rationale, c.by].map(cellValue));
    }
    styleHeading(changes);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One block per dimension: a heading row, then value → count. */
function addCounts(sheet: ExcelJS.Worksheet, counts: OverviewCounts): void {
  sheet.addRow(['dimension', 'value', 'ideas']);
  sheet.addRow(['total', '', counts.total]);
  const dimensions = ['phasePrinciple', 'track', 'beacon', 'status', 'contributorType'] as const;
  for (const dimension of dimensions) {
    for (const [value, n] of Object.entries(counts[dimension]).sort(([a], [b]) => (a < b ? -1 : 1))) {
      sheet.addRow([dimension, cellValue(value), n]);
    }
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 30;
}

function styleHeading(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}
