import type ExcelJS from 'exceljs';
import { IDEA_STATUSES, copenhagenWallDate } from '../../shared';
import { neutraliseFormula } from '../core/csv-text';
import { INITIATIVE_COLUMNS, initiativeRow, type InitiativeColumn, type InitiativeView } from './initiative-rows';
import type { ExportLabels } from './labels';
import type { Pacer } from './pacing';
import { PHASE_SLOTS, PRINCIPLE_SLOTS, phaseLabel, principleLabel, type Counts } from './report';

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Value = string | number | null;

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F8' } };

/** How a date cell shows: ISO order, which Danish and English Excel both read and sort alike. */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * An instant as a real Excel date (sortable, filterable by month): Copenhagen's wall clock,
 * since a cell has no zone. Give its cell (or column) DATE_FORMAT, or Excel shows a number.
 */
export function excelDate(ms: number): Date {
  return copenhagenWallDate(ms);
}

/** Excel's limit for sheet names is 31 characters, without []:*?/\. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/**
 * Cells are written as plain strings and numbers (exceljs never turns a string into a
 * formula), and text starting like a formula still gets the same leading `'` as in the CSV,
 * so a copy-paste or a CSV re-save cannot arm it later.
 */
export function cellValue(value: Value): Value {
  // A cell's line breaks are LF in Excel (XML would turn CRLF into LF on reading anyway).
  return typeof value === 'string' ? neutraliseFormula(value).replace(/\r\n/g, '\n') : value;
}

function sheet(workbook: Workbook, name: string, xSplit: number): ExcelJS.Worksheet {
  return workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1, xSplit }] });
}

function heading(ws: ExcelJS.Worksheet, values: Value[], wrap = false): void {
  const row = ws.addRow(values.map(cellValue));
  row.font = { bold: true };
  row.fill = HEADER_FILL;
  if (wrap) row.alignment = { wrapText: true, vertical: 'top' };
  row.commit();
}

function totalRow(ws: ExcelJS.Worksheet, values: Value[]): void {
  const row = ws.addRow(values.map(cellValue));
  row.font = { bold: true };
  row.commit();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Ideas per phase × principle, with a row for no phase and a column for no principle. */
export function addPhasePrincipleSheet(workbook: Workbook, labels: ExportLabels, counts: Counts): void {
  const ws = sheet(workbook, labels.sheets.phasePrinciple, 1);
  ws.columns = [{ width: 46 }, ...PRINCIPLE_SLOTS.map(() => ({ width: 30 })), { width: 10 }];
  heading(ws, [labels.columns.phase, ...PRINCIPLE_SLOTS.map((s) => principleLabel(labels, s)), labels.report.total], true);
  for (const [i, phase] of PHASE_SLOTS.entries()) {
    const values = counts.phasePrinciple[i]!;
    ws.addRow([phaseLabel(labels, phase), ...values, sum(values)].map(cellValue)).commit();
  }
  totalRow(ws, [labels.report.total, ...PRINCIPLE_SLOTS.map((_, j) => sum(counts.phasePrinciple.map((row) => row[j]!))), counts.total]);
  ws.commit();
}

/** Ideas per status (lifecycle order) × phase: where the ideas of each phase have got to. */
export function addStatusSheet(workbook: Workbook, labels: ExportLabels, counts: Counts): void {
  const ws = sheet(workbook, labels.sheets.statuses, 1);
  ws.columns = [{ width: 24 }, ...PHASE_SLOTS.map(() => ({ width: 30 })), { width: 10 }];
  heading(ws, [labels.columns.status, ...PHASE_SLOTS.map((p) => phaseLabel(labels, p)), labels.report.total], true);
  for (const [i, status] of IDEA_STATUSES.entries()) {
    const values = counts.statusPhase[i]!;
    ws.addRow([labels.status[status], ...values, sum(values)].map(cellValue)).commit();
  }
  totalRow(ws, [labels.report.total, ...PHASE_SLOTS.map((_, j) => sum(counts.statusPhase.map((row) => row[j]!))), counts.total]);
  ws.commit();
}

export function addTrackSheet(workbook: Workbook, labels: ExportLabels, counts: Counts): void {
  const ws = sheet(workbook, labels.sheets.tracks, 0);
  ws.columns = [{ width: 24 }, { width: 10 }];
  heading(ws, [labels.columns.track, labels.report.ideas]);
  for (const track of counts.tracks) ws.addRow([track.label, track.count].map(cellValue)).commit();
  totalRow(ws, [labels.report.total, counts.total]);
  ws.commit();
}

const INITIATIVE_WIDTHS: Record<InitiativeColumn, number> = {
  id: 16,
  title: 36,
  description: 50,
  scale: 16,
  kind: 20,
  responsibleUnit: 26,
  beacons: 28,
  targetPhase: 30,
  decisionLink: 40,
  ideas: 60,
  ideaIds: 18,
  createdAt: 26,
  updatedAt: 26,
  updatedBy: 20,
};
const WRAPPED: ReadonlySet<InitiativeColumn> = new Set(['title', 'description', 'ideas', 'ideaIds']);

/** Every initiative with every field, and the texts of the ideas it came from. */
export async function addInitiativeSheet(workbook: Workbook, labels: ExportLabels, views: InitiativeView[], pacer: Pacer): Promise<void> {
  const ws = sheet(workbook, labels.sheets.initiatives, 0);
  ws.columns = INITIATIVE_COLUMNS.map((column) => ({ key: column, width: INITIATIVE_WIDTHS[column] }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INITIATIVE_COLUMNS.length } };
  heading(ws, INITIATIVE_COLUMNS.map((column) => labels.initiativeColumns[column]));
  for (const view of views) {
    const row = initiativeRow(view, labels);
    const added = ws.addRow(INITIATIVE_COLUMNS.map((column) => cellValue(row[column])));
    for (const column of WRAPPED) added.getCell(INITIATIVE_COLUMNS.indexOf(column) + 1).alignment = { wrapText: true, vertical: 'top' };
    added.commit();
    await pacer.step();
  }
  ws.commit();
}
