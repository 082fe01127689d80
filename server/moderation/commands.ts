import type { ZodType, ZodTypeDef } from 'zod';
import {
  addCommentSchema,
  auditQuerySchema,
  commentIdSchema,
  configureCallSchema,
  decideSchema,
  hideCommentSchema,
  hideIdeaSchema,
  ideaIdSchema,
  moderateEditSchema,
  purgeIdeaSchema,
  queueQuerySchema,
  reportSchema,
  setStatusSchema,
  saveInitiativeSchema,
  deleteInitiativeSchema,
  toggleReactionSchema,
  type ClientToServerEvents,
} from '../../shared';
import type { Logger } from '../log';
import { bare, command } from '../events/command';
import type { SamskabSocket } from '../core/socket-types';
import type { Moderation } from './index';
import { requireModerator } from './context';

/** The moderation, comment, reaction and status commands of one socket. */
export function registerModerationCommands(socket: SamskabSocket, moderation: Moderation, log: Logger): void {
  const { identity } = socket.data;
  const { calls, queue, ideas, social, statuses, initiatives, audit } = moderation;
  const on = <P>(event: keyof ClientToServerEvents, schema: ZodType<P, ZodTypeDef, unknown>, handler: (payload: P) => Promise<unknown>) => {
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, command(log, schema, handler));
  };

  on('call:configure', configureCallSchema, (p) => calls.configure(identity, p));
  on('moderation:queue', queueQuerySchema, (p) => queue.list(identity, p.state));
  on('moderation:decide', decideSchema, (p) => queue.decide(identity, p));
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(
    'moderation:hidden',
    bare(log, async () => ({ ideas: await ideas.hidden(identity) })),
  );
  on('idea:hide', hideIdeaSchema, (p) => ideas.hide(identity, p.ideaId, p.reason));
  on('idea:restore', ideaIdSchema, (p) => ideas.restore(identity, p.ideaId));
  on('idea:moderateEdit', moderateEditSchema, (p) => ideas.moderateEdit(identity, p.ideaId, p.text, p.reason ?? null));
  on('idea:revisions', ideaIdSchema, async (p) => ({ revisions: await ideas.revisions(identity, p.ideaId) }));
  on('idea:purge', purgeIdeaSchema, (p) => ideas.purge(identity, p.ideaId, p.reason ?? null));
  on('idea:setStatus', setStatusSchema, (p) => statuses.set(identity, p));
  on('initiative:save', saveInitiativeSchema, (p) => initiatives.save(identity, p));
  on('initiative:delete', deleteInitiativeSchema, (p) => initiatives.delete(identity, p.initiativeId));
  on('comment:add', addCommentSchema, (p) => social.addComment(identity, p));
  on('comment:delete', commentIdSchema, (p) => social.deleteComment(identity, p.commentId));
  on('comment:hide', hideCommentSchema, (p) => ideas.hideComment(identity, p.commentId, p.reason));
  on('reaction:toggle', toggleReactionSchema, (p) => social.toggleReaction(identity, p.ideaId, p.reaction));
  on('report:create', reportSchema, (p) => social.report(identity, p.target, p.reason));
  on('audit:list', auditQuerySchema, async (p) => {
    requireModerator(identity, 'read the audit log');
    return audit.list(identity.boardId, p);
  });
}
