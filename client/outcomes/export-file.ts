import { urlOf } from '../rest/api';

/** What a board export is asked for and how its answer is named (docs/PROTOCOL.md "Exports"). */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'html', 'pdf', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type CsvSeparator = ';' | ',';
export type ExportLanguage = 'da' | 'en';

export interface ExportChoice {
  format: ExportFormat;
  lang: ExportLanguage;
  sep: CsvSeparator;
}

/** The request's query; the separator goes along only for CSV, the one format that reads it. */
export function exportQuery(choice: ExportChoice): URLSearchParams {
  const query = new URLSearchParams({ lang: choice.lang });
  if (choice.format === 'csv') query.set('sep', choice.sep);
  return query;
}

/** The request path (GET /api/boards/:boardId/export/:format). */
export function exportPath(boardId: string, choice: ExportChoice): string {
  return urlOf('exportBoard', { params: { boardId, format: choice.format }, query: exportQuery(choice) });
}

/** A name that is safe to save: no folders, no control characters. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f/\\]/gu, '').trim();
}

/**
 * The file name from a Content-Disposition header: `filename*` (RFC 5987, UTF-8) first,
 * then `filename` quoted or bare; the fallback when there is none or it is unusable.
 */
export function fileNameFrom(header: string | null, fallback: string): string {
  if (header) {
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/iu.exec(header);
    if (extended?.[2]) {
      try {
        const name = safeName(decodeURIComponent(extended[2].trim()));
        if (name) return name;
      } catch {
        // Broken percent-encoding: try the plain parameter.
      }
    }
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/iu.exec(header);
    const bare = /filename\s*=\s*([^";]+)/iu.exec(header);
    const raw = quoted?.[1]?.replace(/\\(.)/gu, '$1') ?? bare?.[1]?.trim();
    const name = raw ? safeName(raw) : '';
    if (name) return name;
  }
  return fallback;
}

/** Content-Length as a byte count; null when absent or not a plain non-negative integer. */
export function contentLength(header: string | null): number | null {
  if (header === null || !/^\d+$/u.test(header.trim())) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}

/** The share received, 0–1, or null when the total is unknown. */
export function fractionOf(received: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(1, Math.max(0, received / total));
}

const UNITS = ['B', 'kB', 'MB', 'GB'] as const;

/** "3,4 MB" in Danish, "3.4 MB" in English: one decimal from kB up. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}
