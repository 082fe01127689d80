import { Router } from 'express';
import {
  ErrorCode,
  coordinatorSessionRequestSchema,
  installationBeaconsSchema,
  ok,
  overviewQuerySchema,
} from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { ServiceError } from '../core/errors';
import { z } from 'zod';
import { BOM, CSV_SEPARATORS, csvLine } from '../export/csv';
import { buildOverviewXlsx } from './overview-xlsx';
import { OVERVIEW_COLUMNS, overviewRow } from './overview-rows';
import { bearer, handle, publicBase } from '../core/http';
import type { Installation } from './index';
import type { AbuseLimits } from '../moderation/abuse-limits';
import { limitPerAddress } from '../http/limits';

/** Coordinator sessions, the overview and its export, the installation's beacons, new rounds. */
export function installationRoutes(deps: {
  config: ServerConfig;
  log: Logger;
  boards: BoardService;
  installation: Installation;
  limits: AbuseLimits;
}): Router {
  const { config, log, boards, installation, limits } = deps;
  const { coordinator, overview, rounds } = installation;
  const router = Router();

  router.post(
    '/coordinator/sessions',
    limitPerAddress(limits, 'sessionsPerIp', log),
    handle(log, async (req, res) => {
      const parsed = coordinatorSessionRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) throw ServiceError.validation(parsed.error);
      res.status(201).json(ok(await coordinator.createSession(parsed.data.token)));
    }),
  );

  router.post(
    '/coordinator/rotate',
    handle(log, async (req, res) => {
      await coordinator.requireSession(bearer(req));
      res.json(ok(await coordinator.rotate()));
    }),
  );

  router.delete(
    '/coordinator/sessions',
    handle(log, async (req, res) => {
      await coordinator.endSession(bearer(req));
      res.json(ok({ signedOut: true }));
    }),
  );

  router.get(
    '/overview',
    handle(log, async (req, res) => {
      await coordinator.requireSession(bearer(req));
      const query = overviewQuerySchema.safeParse(req.query);
      if (!query.success) throw ServiceError.validation(query.error);
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await overview.overview(query.data)));
    }),
  );

  router.get(
    '/overview/export.csv',
    handle(log, async (req, res) => {
      await coordinator.requireSession(bearer(req));
      const { sep: rawSep, ...rest } = req.query;
      const query = overviewQuerySchema.safeParse(rest);
      if (!query.success) throw ServiceError.validation(query.error);
      const sepParsed = z.enum(CSV_SEPARATORS).default(';').safeParse(rawSep);
      if (!sepParsed.success) throw ServiceError.validation(sepParsed.error);
      const sep = sepParsed.data;
      const { ideas } = await overview.overview(query.data);
      const lines = [BOM, csvLine(OVERVIEW_COLUMNS, sep), ...ideas.map((idea) => csvLine(overviewRow(idea), sep))];
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="samskab-overview.csv"');
      res.setHeader('Cache-Control', 'no-store');
      res.end(lines.join(''));
    }),
  );

  router.get(
    '/overview/export.xlsx',
    handle(log, async (req, res) => {
      await coordinator.requireSession(bearer(req));
      const query = overviewQuerySchema.safeParse(req.query);
      if (!query.success) throw ServiceError.validation(query.error);
      const body = await buildOverviewXlsx(await overview.overview(query.data));
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', 'attachment; filename="samskab-overview.xlsx"');
      res.setHeader('Content-Length', String(body.length));
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    }),
  );

  router.get(
    '/installation/beacons',
    handle(log, async (_req, res) => {
      res.json(ok({ beacons: await coordinator.beacons() }));
    }),
  );

  router.put(
    '/installation/beacons',
    handle(log, async (req, res) => {
      await coordinator.requireSession(bearer(req));
      const parsed = installationBeaconsSchema.safeParse(req.body ?? {});
      if (!parsed.success) throw ServiceError.validation(parsed.error);
      res.json(ok({ beacons: await coordinator.setBeacons(parsed.data.beacons) }));
    }),
  );

  router.post(
    '/boards/:boardId/rounds',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      const identity = await boards.identify(bearer(req));
      if (!identity || identity.boardId !== boardId) {
        throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
      }
      res.status(201).json(ok(await rounds.start(identity, req.body, publicBase(config))));
    }),
  );

  return router;
}
