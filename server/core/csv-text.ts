/**
 * CSV text, RFC 4180 with the spreadsheet precautions every download needs (exports,
 * moderation and installation lists). In the leaf: it knows nothing of boards.
 */
import type { CsvSeparator } from '../../shared/protocol/rest-queries';

// The separators are part of the wire (the CSV routes' `sep`), so they are declared in shared/.
export { CSV_SEPARATORS, type CsvSeparator } from '../../shared/protocol/rest-queries';

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
