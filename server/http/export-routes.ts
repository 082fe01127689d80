import express, { Router } from 'express';
import { ok } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import { ExportService } from '../export/export-service';
import type { AbuseLimits } from '../moderation/abuse-limits';
import { bearer, handle, publicBase } from '../core/http';
import { limitPerAddress } from './limits';

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
export function exportRoutes(deps: {
  config: ServerConfig;
  log: Logger;
  boards: BoardService;
  store: BoardStore;
  rooms: RoomRegistry;
  limits: AbuseLimits;
}): Router {
  const { config, log, limits } = deps;
  const exports = new ExportService(deps);
  const router = Router();

  router.get(
    '/boards/:boardId/export/:format',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      await exports.authorize(boardId, bearer(req));
      const file = await exports.export(boardId, String(req.params.format), req.query);
      res.status(200);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('Content-Length', String(file.body.length));
      // Board content behind a session: never cached by a browser or a proxy.
      res.setHeader('Cache-Control', 'no-store');
      res.end(file.body);
    }),
  );

  router.post(
    '/boards/restore',
    // Counted before the body is read: a refused restore costs no 32 MiB.
    limitPerAddress(limits, 'restoresPerIp', log),
    // Raw bytes: the restore worker parses them, so a large backup never stalls the server.
    express.raw({ type: 'application/json', limit: RESTORE_BODY_LIMIT }),
    handle(log, async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength) : undefined;
      res.status(201).json(ok(await exports.restore(body, publicBase(config))));
    }),
  );

  return router;
}
