import type { SocketHandlers } from '../core/register';
import type { Moderation } from './index';
import { requireModerator } from './context';

/**
 * The moderation, comment, reaction, status and initiative commands
 * (shared/protocol/socket-commands.ts), as handlers over the moderation services.
 */
export function moderationCommands(moderation: Moderation) {
  const { calls, queue, ideas, social, statuses, initiatives, audit } = moderation;
  return {
    'call:configure': (p, { identity }) => calls.configure(identity, p),
    'moderation:queue': (p, { identity }) => queue.list(identity, p.state),
    'moderation:decide': (p, { identity }) => queue.decide(identity, p),
    'moderation:hidden': async (_, { identity }) => ({ ideas: await ideas.hidden(identity) }),
    'idea:hide': (p, { identity }) => ideas.hide(identity, p.ideaId, p.reason),
    'idea:restore': (p, { identity }) => ideas.restore(identity, p.ideaId),
    'idea:moderateEdit': (p, { identity }) => ideas.moderateEdit(identity, p.ideaId, p.text, p.reason ?? null),
    'idea:revisions': async (p, { identity }) => ({ revisions: await ideas.revisions(identity, p.ideaId) }),
    'idea:purge': (p, { identity }) => ideas.purge(identity, p.ideaId, p.reason ?? null),
    'idea:setStatus': (p, { identity }) => statuses.set(identity, p),
    'initiative:save': (p, { identity }) => initiatives.save(identity, p),
    'initiative:delete': (p, { identity }) => initiatives.delete(identity, p.initiativeId),
    'comment:add': (p, { identity }) => social.addComment(identity, p),
    'comment:delete': (p, { identity }) => social.deleteComment(identity, p.commentId),
    'comment:hide': (p, { identity }) => ideas.hideComment(identity, p.commentId, p.reason),
    'reaction:toggle': (p, { identity }) => social.toggleReaction(identity, p.ideaId, p.reaction),
    'report:create': (p, { identity }) => social.report(identity, p.target, p.reason),
    'audit:list': async (p, { identity }) => {
      requireModerator(identity, 'read the audit log');
      return audit.list(identity.boardId, p);
    },
  } satisfies Partial<SocketHandlers>;
}
