import { ErrorCode } from '../../shared';
import { RateLimitedError } from '../core/errors';
import type { IdeaGate } from '../realtime/room-hooks';
import type { AbuseLimits } from './abuse-limits';

/**
 * New ideas over Yjs, counted per participant session on one board (`ideasPerSession`).
 * The allowance is far above what a person types in a workshop; it stops a script filling
 * a board. Facilitators are not counted: they own the board. A refused update is answered
 * with RATE_LIMITED and close 4429; the client keeps the idea and sends it again with its
 * next sync, which the server takes once the window has passed. The room's `beforeApply`
 * hook (server/realtime/room-hooks.ts).
 */
export function ideaGate(limits: AbuseLimits): IdeaGate {
  return async (boardId, principal, changes) => {
    if (principal.role !== 'participant') return null;
    const created = changes.reduce((n, change) => (change.kind === 'idea.put' ? n + 1 : n), 0);
    if (created === 0) return null;
    try {
      await limits.consume('ideasPerSession', `${boardId}:${principal.participantId}`, created);
      return null;
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const seconds = Math.ceil(error.retryAfterMs / 1000);
      return { code: ErrorCode.RATE_LIMITED, message: `${error.message} (new ideas are taken again in ${seconds} s)` };
    }
  };
}
