import { boardSession, route, uncheckedRoute, type IdentifySession, type MountedRoute } from '../core/http';
import type { Sensemaking } from './service';

/** Said by the service as well (requireFacilitator); here it comes before the input is checked. */
const FACILITATORS_ONLY = 'Only facilitators may do this.';

/**
 * Similar ideas, duplicates and themes over REST (docs/PROTOCOL.md §17). Every answer is
 * about this moment's board, so none may be cached (the table's `cache`).
 */
export function sensemakingRoutes(deps: {
  identify: IdentifySession;
  sensemaking: Sensemaking;
  /** The coordinator's session check (installation/coordinator.ts), for themes across boards. */
  requireCoordinator: (token: string | undefined) => Promise<void>;
}): MountedRoute[] {
  const { identify, sensemaking, requireCoordinator } = deps;
  const onBoard = ({ params, token }: { params: { boardId: string }; token: string | undefined }) => boardSession(identify, token, params.boardId);
  const facilitator = ({ params, token }: { params: { boardId: string }; token: string | undefined }) =>
    boardSession(identify, token, params.boardId, FACILITATORS_ONLY);
  return [
    route('similar', { admit: onBoard, handle: ({ admitted, params, body }) => sensemaking.similar(admitted, params.boardId, body) }),
    route('similarToIdea', {
      admit: onBoard,
      handle: ({ admitted, params, query }) => sensemaking.similarToIdea(admitted, params.boardId, params.ideaId, query),
    }),
    route('themes', { admit: facilitator, handle: ({ admitted, params, query }) => sensemaking.themesFor(admitted, params.boardId, query) }),
    route('duplicates', { admit: facilitator, handle: ({ admitted, params, query }) => sensemaking.duplicates(admitted, params.boardId, query) }),
    route('dismissDuplicate', {
      admit: facilitator,
      handle: ({ admitted, params, body }) => sensemaking.dismissDuplicate(admitted, params.boardId, body),
    }),
    route('overviewThemes', { admit: ({ token }) => requireCoordinator(token), handle: ({ query }) => sensemaking.themesAcrossBoards(query) }),
    // The body is checked by the service after the address's allowance is spent.
    uncheckedRoute('callSimilar', { handle: ({ params, body, ip }) => sensemaking.similarForCall(params.callId, body, ip) }),
  ];
}
