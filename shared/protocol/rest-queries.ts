import { z } from 'zod';
import { overviewExportQuerySchema } from './overview';

/** A CSV's field separator: `;` for Danish Excel (the default), `,` for everything else. */
export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * GET /api/boards/:boardId/audit.csv?sep=; — `sep` as in the exports; `separator`, the name
 * PROTOCOL.md gave it, is taken too, so clients written from either work.
 */
export const auditCsvQuerySchema = z
  .object({ sep: z.enum(CSV_SEPARATORS).optional(), separator: z.enum(CSV_SEPARATORS).optional() })
  .strict()
  .refine((q) => !q.sep || !q.separator || q.sep === q.separator, { message: '"sep" and "separator" name different separators.' })
  .transform((q) => ({ sep: q.sep ?? q.separator ?? ';' }));

/** GET /api/overview/export.csv: the overview's filters, the language and the separator. */
export const overviewCsvQuerySchema = overviewExportQuerySchema.extend({ sep: z.enum(CSV_SEPARATORS).default(';') }).strict();
