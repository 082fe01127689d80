import { Pacer } from './pacing';
import { ROW_COLUMNS, type RowBuilder } from './rows';
import type { BoardSnapshot } from './snapshot';

export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** Excel reads UTF-8 only when the file starts with a byte order mark (else æøå break). */
export const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that
 * some spreadsheets strip before doing so). A cell that starts with one gets a leading `'`,
 * so `=HYPERLINK(…)` in an idea stays text ("CSV injection", OWASP).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV field, RFC 4180: text is neutralised against formulas, then quoted when it holds
 * the separator, a quote, CR or LF, with quotes doubled. Numbers are written as they are;
 * null is an empty field.
 */
export function csvField(value: string | number | null, separator: CsvSeparator): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  if (text.includes(separator) || /["\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(values: ReadonlyArray<string | number | null>, separator: CsvSeparator): string {
  return values.map((v) => csvField(v, separator)).join(separator) + EOL;
}

/**
 * The idea list as CSV: BOM, a heading row in the chosen language, one row per idea, CRLF
 * line ends. Built in paced slices (see Pacer).
 */
export async function buildCsv(snapshot: BoardSnapshot, rows: RowBuilder, separator: CsvSeparator): Promise<Buffer> {
  const pacer = new Pacer();
  const parts: string[] = [BOM, csvLine(rows.headings(), separator)];
  for (const idea of snapshot.ideas) {
    const row = rows.row(idea);
    parts.push(csvLine(ROW_COLUMNS.map((column) => row[column]), separator));
    await pacer.step();
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** A small table (the poll sheets) as CSV, with the same BOM, quoting and formula guard. */
export function buildTableCsv(table: ReadonlyArray<ReadonlyArray<string | number | null>>, separator: CsvSeparator): Buffer {
  return Buffer.from(BOM + table.map((row) => csvLine(row, separator)).join(''), 'utf8');
}
