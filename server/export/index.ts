/**
 * Exports and backups: the public face other features use (mail's templates share the
 * export wording, the installation overview shares the spreadsheet helpers).
 */
export { ExportService } from './export-service';
export { escapeHtml } from './html-text';
export { labelsFor, type ExportLabels, type ExportLocale } from './labels';
export { HEADER_FILL, cellValue } from './xlsx-sheets';
