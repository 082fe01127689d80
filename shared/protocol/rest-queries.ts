import { z } from 'zod';
import { overviewQuerySchema } from './overview';

/** A CSV's field separator: `;` for Danish Excel (the default), `,` for everything else. */
export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** GET /api/boards/:boardId/audit.csv?sep=; */
export const auditCsvQuerySchema = z.object({ sep: z.enum(CSV_SEPARATORS).default(';') }).strict();

/** GET /api/overview/export.csv: the overview's filters and the separator. */
export const overviewCsvQuerySchema = overviewQuerySchema.extend({ sep: z.enum(CSV_SEPARATORS).default(';') }).strict();
