import { ErrorCode, type ProtocolError } from '../../shared';
import { RateLimitedError } from '../core/errors';
import type { AbuseLimits } from '../moderation/abuse-limits';
import type { Change } from './update-inspector';
import type { Principal } from './update-policy';

/** Judges the new ideas of an update a peer sends, after the update policy accepted it. */
export type IdeaGate = (principal: Principal, changes: readonly Change[]) => Promise<ProtocolError | null>;

/**
 * New ideas over Yjs, counted per participant session on one board (`ideasPerSession`).
 * The allowance is far above what a person types in a workshop; it stops a script filling
 * a board. Facilitators are not counted: they own the board. A refused update is answered
 * with RATE_LIMITED and close 4429; the client keeps the idea and sends it again with its
 * next sync, which the server takes once the window has passed.
 */
export function ideaGate(limits: AbuseLimits, boardId: string): IdeaGate {
  return async (principal, changes) => {
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
