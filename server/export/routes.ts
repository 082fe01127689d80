import type { ServerConfig } from '../config';
import { publicBase, route, type MountedRoute } from '../core/http';
import type { ExportService } from './export-service';

/**
 * Largest backup `POST /api/boards/restore` accepts: a 10,000-idea board of typical ideas
 * is about 12 MB. Restore ignores the backup's readable `view`, so a larger backup can be
 * restored without it.
 */
export const RESTORE_BODY_LIMIT = '32mb';

/**
 * Board exports and restore (docs/PROTOCOL.md "Exports"). Mounted before the API's 64 KiB
 * JSON parser, so the restore route can read a backup with its own, larger limit.
 */
export function exportRoutes(deps: { config: ServerConfig; exports: ExportService }): MountedRoute[] {
  const { config, exports } = deps;
  return [
    route('exportBoard', {
      admit: ({ params, token }) => exports.authorize(params.boardId, token),
      handle: async ({ params, query }, res) => {
        const file = await exports.export(params.boardId, params.format, query);
        res.status(200);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
        res.setHeader('Content-Length', String(file.body.length));
        res.end(file.body);
      },
    }),
    // Counted before the body is read (the table's limit): a refused restore costs no 32 MiB.
    route('restoreBoard', { rawBodyLimit: RESTORE_BODY_LIMIT, handle: ({ body }) => exports.restore(body, publicBase(config)) }),
  ];
}
