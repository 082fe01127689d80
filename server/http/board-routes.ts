import { Router } from 'express';
import { ok } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { bearer, handle, publicBase } from '../core/http';
import type { AbuseLimits } from '../moderation/abuse-limits';
import { limitPerAddress } from './limits';

export function boardRoutes(deps: { config: ServerConfig; log: Logger; boards: BoardService; limits: AbuseLimits }): Router {
  const { config, log, boards, limits } = deps;
  const router = Router();

  router.post(
    '/boards',
    limitPerAddress(limits, 'boardsPerIp', log),
    handle(log, async (req, res) => {
      res.status(201).json(ok(await boards.createBoard(req.body, publicBase(config))));
    }),
  );

  router.post(
    '/boards/:boardId/sessions',
    limitPerAddress(limits, 'sessionsPerIp', log),
    handle(log, async (req, res) => {
      res.status(201).json(ok(await boards.createSession(String(req.params.boardId), req.body)));
    }),
  );

  router.get(
    '/boards/:boardId/session',
    handle(log, async (req, res) => {
      res.json(ok(await boards.describeSession(String(req.params.boardId), bearer(req))));
    }),
  );

  return router;
}
