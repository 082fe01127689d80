import type { ServerConfig } from '../config';
import { publicBase, route, type MountedRoute } from '../core/http';
import type { BoardService } from './board-service';

/** Creating a board, what a link opens, trading a capability token for a session, checking a session (docs/PROTOCOL.md §4). */
export function boardRoutes(deps: { config: ServerConfig; boards: Pick<BoardService, 'createBoard' | 'createSession' | 'describeSession' | 'describeLink'> }): MountedRoute[] {
  const { config, boards } = deps;
  return [
    route('createBoard', { handle: ({ body }) => boards.createBoard(body, publicBase(config)) }),
    route('linkInfo', { handle: ({ params, body }) => boards.describeLink(params.boardId, body) }),
    route('createSession', { handle: ({ params, body }) => boards.createSession(params.boardId, body) }),
    route('checkSession', { sessionCheckedBy: 'BoardService.describeSession', handle: ({ params, token }) => boards.describeSession(params.boardId, token) }),
  ];
}
