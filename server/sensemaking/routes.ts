import { Router, type Request } from 'express';
import { ErrorCode, ok, type Identity } from '../../shared';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { ServiceError } from '../core/errors';
import { bearer, handle } from '../core/http';
import type { Sensemaking } from './service';

/** Similar ideas, duplicates and themes over REST (docs/PROTOCOL.md §17). */
export function sensemakingRoutes(deps: {
  log: Logger;
  boards: BoardService;
  sensemaking: Sensemaking;
  /** The coordinator's session check (installation/coordinator.ts), for themes across boards. */
  requireCoordinator: (token: string | undefined) => Promise<void>;
}): Router {
  const { log, boards, sensemaking, requireCoordinator } = deps;
  const router = Router();

  /**
   * One board request: the caller's session on the board in the path, then `answer`; every
   * answer is about this moment's board, so none may be cached.
   */
  const onBoard = (method: 'get' | 'post', path: string, answer: (identity: Identity, boardId: string, req: Request) => Promise<unknown>) =>
    router[method](
      path,
      handle(log, async (req, res) => {
        const boardId = String(req.params.boardId);
        const identity = await boards.identify(bearer(req));
        if (!identity || identity.boardId !== boardId) {
          throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
        }
        res.setHeader('Cache-Control', 'no-store');
        res.json(ok(await answer(identity, boardId, req)));
      }),
    );

  onBoard('post', '/boards/:boardId/similar', (identity, boardId, req) => sensemaking.similar(identity, boardId, req.body));
  onBoard('get', '/boards/:boardId/ideas/:ideaId/similar', (identity, boardId, req) =>
    sensemaking.similarToIdea(identity, boardId, String(req.params.ideaId), req.query),
  );
  onBoard('get', '/boards/:boardId/themes', (identity, boardId, req) => sensemaking.themesFor(identity, boardId, req.query));
  onBoard('get', '/boards/:boardId/duplicates', (identity, boardId, req) => sensemaking.duplicates(identity, boardId, req.query));
  onBoard('post', '/boards/:boardId/duplicates/dismiss', (identity, boardId, req) => sensemaking.dismissDuplicate(identity, boardId, req.body));

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
