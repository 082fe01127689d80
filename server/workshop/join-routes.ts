import { route, uncheckedRoute, type MountedRoute } from '../core/http';
import type { JoinByCode } from './join';

/**
 * `GET /api/join/:code` and `POST /api/join`. The body is checked by JoinByCode after the
 * address's allowance is spent, so a guesser with malformed bodies is counted too.
 */
export function joinRoutes(join: JoinByCode): MountedRoute[] {
  return [
    route('joinCodeInfo', { handle: ({ ip, params }) => join.describe(ip, params.code) }),
    uncheckedRoute('joinByCode', { handle: ({ ip, body }) => join.join(ip, body) }),
  ];
}
