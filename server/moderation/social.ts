import { createHash } from 'node:crypto';
import {
  ErrorCode,
  LIMITS,
  commentSchema,
  commentsMap,
  hiddenIdeaSchema,
  queueItemSchema,
  readBoardSettings,
  readComments,
  readIdeaReactions,
  writeIdeaReactions,
  randomId,
  type AddCommentResult,
  type Comment,
  type Identity,
  type QueueItem,
  type Reaction,
  type ReactionResult,
  type ReportTarget,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import { requireUnlocked, requireWriter } from '../core/roles';
import { actorOf, type ModerationContext } from './context';
import { ideaOnBoard } from './board-ideas';
import { publishCommentOnce } from './queue';
import { SPACE } from '../core/record-spaces';

/**
 * Comments, reactions and reports: what participants add around ideas. All are written by
 * the server (the `comments` and `reactions` roots are server-only), so each is checked,
 * rate limited and, on a pre-moderated board, held for approval like a contribution.
 */
export class Social {
  constructor(private readonly ctx: ModerationContext) {}

  private inRoom<T>(identity: Identity, use: (room: BoardRoom) => Promise<T>): Promise<T> {
    requireWriter(identity);
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        requireUnlocked(identity, room.workshop());
        return use(room);
      }),
    );
  }

  async addComment(identity: Identity, payload: { id: string; ideaId: string; text: string }): Promise<AddCommentResult> {
    requireWriter(identity);
    await this.ctx.limits.consume('commentsPerParticipant', `${identity.boardId}/${identity.participantId}`);
    return this.inRoom(identity, async (room) => {
      const published = commentSchema.safeParse(commentsMap(room.doc).get(payload.id));
      const queued = await this.ctx.records.get(SPACE.queue(room.boardId), payload.id, queueItemSchema);
      // A resend (lost acknowledgement): the same answer, nothing twice.
      if (published.success && published.data.authorId === identity.participantId) return { comment: published.data, state: 'published' };
      if (queued?.value.kind === 'comment' && queued.value.comment.authorId === identity.participantId) {
        const state = queued.value.state === 'approved' ? 'published' : queued.value.state === 'pending' ? 'pending' : 'rejected';
        return { comment: queued.value.comment, state };
      }
      if (published.success || queued) throw new ServiceError(ErrorCode.NOT_OWNER, 'Another comment has this id.', 409);
      ideaOnBoard(room.doc, payload.ideaId);
      if (readComments(room.doc).filter((c) => c.ideaId === payload.ideaId).length >= LIMITS.commentsPerIdea) {
        throw new ServiceError(ErrorCode.BOARD_FULL, `An idea holds at most ${LIMITS.commentsPerIdea} comments.`, 409);
      }
      const comment: Comment = {
        id: payload.id,
        ideaId: payload.ideaId,
        text: payload.text,
        authorId: identity.participantId,
        authorName: identity.displayName,
        contributorType: identity.contributorType,
        createdAt: Date.now(),
        editedAt: null,
      };
      const preModerated = readBoardSettings(room.doc)?.call?.moderation === 'pre' && identity.role !== 'facilitator';
      const item: QueueItem = {
        kind: 'comment',
        id: comment.id,
        createdAt: comment.createdAt,
        state: preModerated ? 'pending' : 'approved',
        decision: preModerated ? null : { by: actorOf(identity), at: comment.createdAt, reason: 'post-moderation' },
        comment,
      };
      // Recorded first, so a crash before the document write is repaired on the next load.
      await this.ctx.records.insert(SPACE.queue(room.boardId), item.id, item, queueItemSchema);
      if (preModerated) {
        this.ctx.notifier.changed(room.boardId, this.ctx.log);
        return { comment, state: 'pending' };
      }
      await room.writeAsServer((doc) => publishCommentOnce(doc, item as Extract<QueueItem, { kind: 'comment' }>));
      return { comment, state: 'published' };
    });
  }

  /** The author or a facilitator deletes a comment for good (published or waiting). */
  deleteComment(identity: Identity, commentId: string): Promise<{ commentId: string }> {
    return this.inRoom(identity, async (room) => {
      const published = commentSchema.safeParse(commentsMap(room.doc).get(commentId));
      const queued = await this.ctx.records.get(SPACE.queue(room.boardId), commentId, queueItemSchema);
      const comment = published.success ? published.data : queued?.value.kind === 'comment' ? queued.value.comment : null;
      if (!comment) throw new ServiceError(ErrorCode.COMMENT_NOT_FOUND, 'There is no such comment.', 404);
      const isFacilitator = identity.role === 'facilitator';
      if (!isFacilitator && comment.authorId !== identity.participantId) {
        throw new ServiceError(ErrorCode.NOT_OWNER, 'Only the author or a facilitator may delete a comment.', 403);
      }
      // The queue record goes first: otherwise a restart would publish it again.
      await this.ctx.records.delete(SPACE.queue(room.boardId), [commentId]);
      await this.dropFromHiddenIdea(room.boardId, comment.ideaId, commentId);
      if (published.success) await room.writeAsServer((doc) => commentsMap(doc).delete(commentId));
      if (isFacilitator) {
        await this.ctx.audit.write(room.boardId, {
          actor: actorOf(identity),
          action: 'comment.delete',
          target: { kind: 'comment', id: commentId },
          before: null,
          after: null,
          reason: null,
        });
      }
      await this.ctx.audit.redact(room.boardId, new Set([commentId]));
      this.ctx.notifier.changed(room.boardId, this.ctx.log);
      return { commentId };
    });
  }

  /** A deleted comment on a hidden idea leaves the idea's kept traces too: deleted means gone. */
  private async dropFromHiddenIdea(boardId: string, ideaId: string, commentId: string): Promise<void> {
    const space = SPACE.hidden(boardId);
    const hidden = await this.ctx.records.get(space, ideaId, hiddenIdeaSchema);
    const traces = hidden?.value.traces;
    if (!hidden || !traces?.comments.some((c) => c.id === commentId)) return;
    const next = { ...hidden.value, traces: { ...traces, comments: traces.comments.filter((c) => c.id !== commentId) } };
    await this.ctx.records.replace(space, ideaId, hidden.raw, next);
  }

  async toggleReaction(identity: Identity, ideaId: string, reaction: Reaction): Promise<ReactionResult> {
    requireWriter(identity);
    await this.ctx.limits.consume('reactionsPerParticipant', `${identity.boardId}/${identity.participantId}`);
    return this.inRoom(identity, async (room) => {
      ideaOnBoard(room.doc, ideaId);
      const active = await room.writeAsServer((doc) => {
        const reactions = readIdeaReactions(doc, ideaId);
        const who = reactions.get(reaction) ?? new Set<string>();
        const now = !who.has(identity.participantId);
        if (now) who.add(identity.participantId);
        else who.delete(identity.participantId);
        reactions.set(reaction, who);
        writeIdeaReactions(doc, ideaId, reactions);
        return now;
      });
      return { ideaId, reaction, active };
    });
  }

  /** One open report per person and thing: reporting twice does not double the queue. */
  async report(identity: Identity, target: ReportTarget, reason: string): Promise<QueueItem> {
    requireWriter(identity);
    await this.ctx.limits.consume('reportsPerParticipant', `${identity.boardId}/${identity.participantId}`);
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const excerpt = excerptOf(room, target);
        const space = SPACE.queue(boardId);
        const key = `rep_${createHash('sha256').update(`${target.kind}/${target.id}/${identity.participantId}`).digest('base64url').slice(0, 24)}`;
        const existing = await this.ctx.records.get(space, key, queueItemSchema);
        const id = existing && existing.value.state !== 'pending' ? `rep_${randomId(24)}` : key;
        const item: QueueItem = {
          kind: 'report',
          id,
          createdAt: Date.now(),
          state: 'pending',
          decision: null,
          target,
          excerpt,
          reason,
          reporterId: identity.participantId,
        };
        const { stored } = await this.ctx.records.insert(space, id, item, queueItemSchema);
        this.ctx.notifier.changed(boardId, this.ctx.log);
        return stored?.value ?? item;
      }),
    );
  }
}

function excerptOf(room: BoardRoom, target: ReportTarget): string {
  if (target.kind === 'idea') return ideaOnBoard(room.doc, target.id).text.slice(0, 300);
  const comment = commentSchema.safeParse(commentsMap(room.doc).get(target.id));
  if (!comment.success) throw new ServiceError(ErrorCode.COMMENT_NOT_FOUND, 'There is no such comment.', 404);
  return comment.data.text.slice(0, 300);
}
