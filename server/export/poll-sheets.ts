import type ExcelJS from 'exceljs';
import type { ExportLabels } from './labels';
import { pollAnswerRows, pollSummaryRows, pollWords, type PollExport } from './poll-export';
import { HEADER_FILL, cellValue, sheetName } from './xlsx-sheets';

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

function addTable(workbook: Workbook, name: string, table: ReturnType<typeof pollSummaryRows>, widths: number[]): void {
  const ws = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = widths.map((width) => ({ width }));
  table.forEach((values, i) => {
    const row = ws.addRow(values.map(cellValue));
    if (i === 0) {
      row.font = { bold: true };
      row.fill = HEADER_FILL;
    }
    row.commit();
  });
  ws.commit();
}

/** "Afstemninger" (per poll and option: counts and shares) and "Afstemningssvar" (per answer). */
export function addPollSheets(workbook: Workbook, labels: ExportLabels, polls: readonly PollExport[]): void {
  const words = pollWords(labels);
  addTable(workbook, words.sheet, pollSummaryRows(polls, labels), [46, 16, 12, 10, 36, 10, 12, 18, 12]);
  addTable(workbook, words.answersSheet, pollAnswerRows(polls, labels), [46, 26, 26, 60, 18, 24, 14]);
}
