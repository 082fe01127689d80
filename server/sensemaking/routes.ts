import { Router } from 'express';
import { ErrorCode, ok, type Identity } from '../../shared';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { ServiceError } from '../boards/service-error';
import { bearer, handle } from '../http/board-routes';
import type { Sensemaking } from './service';

/** Similar ideas, duplicates and themes over REST (docs/PROTOCOL.md "Sensemaking"). */
export function sensemakingRoutes(deps: {
  log: Logger;
  boards: BoardService;
  sensemaking: Sensemaking;
  /** The coordinator's session check (installation/coordinator.ts), for themes across boards. */
  requireCoordinator: (token: string | undefined) => Promise<void>;
}): Router {
  const { log, boards, sensemaking, requireCoordinator } = deps;
  const router = Router();
  const session = async (token: string | undefined, boardId: string): Promise<Identity> => {
    const identity = await boards.identify(token);
    if (!identity || identity.boardId !== boardId) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
    }
    return identity;
  };

  router.post(
    '/boards/:boardId/similar',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.similar(await session(bearer(req), boardId), boardId, req.body)));
    }),
  );

  router.get(
    '/boards/:boardId/ideas/:ideaId/similar',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      const identity = await session(bearer(req), boardId);
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.similarToIdea(identity, boardId, String(req.params.ideaId), req.query)));
    }),
  );

  router.get(
    '/boards/:boardId/themes',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.themesFor(await session(bearer(req), boardId), boardId, req.query)));
    }),
  );

  router.get(
    '/boards/:boardId/duplicates',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.duplicates(await session(bearer(req), boardId), boardId, req.query)));
    }),
  );

  router.post(
    '/boards/:boardId/duplicates/dismiss',
    handle(log, async (req, res) => {
      const boardId = String(req.params.boardId);
      res.json(ok(await sensemaking.dismissDuplicate(await session(bearer(req), boardId), boardId, req.body)));
    }),
  );

  router.get(
    '/overview/themes',
    handle(log, async (req, res) => {
      await requireCoordinator(bearer(req));
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.themesAcrossBoards(req.query)));
    }),
  );

  router.post(
    '/calls/:callId/similar',
    handle(log, async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ok(await sensemaking.similarForCall(String(req.params.callId), req.body, req.ip ?? 'unknown')));
    }),
  );

  return router;
}
