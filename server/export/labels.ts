import { DA } from './labels-da';
import { EN } from './labels-en';
import type { ExportLabels, ExportLocale } from './labels-shape';

/**
 * The words exports use, server-side (the web client has its own i18n in client/i18n; the
 * server never imports client code). The taxonomy, status and reaction labels are the
 * board's own, so a report says what people saw on the board.
 */
export { EXPORT_LOCALES, type ExportLabels, type ExportLocale } from './labels-shape';

export const LABELS: Readonly<Record<ExportLocale, ExportLabels>> = { da: DA, en: EN };

export function labelsFor(locale: ExportLocale): ExportLabels {
  return LABELS[locale];
}
