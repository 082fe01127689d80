import { Pacer } from './pacing';
import { ROW_COLUMNS, type RowBuilder } from './rows';
import type { BoardSnapshot } from './snapshot';
import { BOM, csvLine, type CsvSeparator } from '../core/csv-text';

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
