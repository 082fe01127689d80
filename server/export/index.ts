/**
 * Exports and backups: the public face other features use (mail's templates share the
 * export wording, the installation overview shares the spreadsheet helpers).
 */
export { ExportService } from './export-service';
export { escapeHtml } from './html-text';
export { labelsFor, type ExportLabels, type ExportLocale } from './labels';
export { DATE_FORMAT, HEADER_FILL, cellValue, excelDate, sheetName } from './xlsx-sheets';
export { phaseLabel, principleLabel } from './report';
