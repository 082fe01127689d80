import type * as Y from 'yjs';
import {
  ErrorCode,
  LIMITS,
  commentsMap,
  decideSchema,
  ideasMap,
  queueItemSchema,
  readBoardSettings,
  type DecideOutcome,
  type DecideRequest,
  type DecideResult,
  type Identity,
  type QueueItem,
  type QueueResult,
  type ApproveEdit,
  type AuditAction,
  type Decision,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import { actorOf, requireModerator, type ModerationContext } from './context';
import { publishOnce } from './board-ideas';
import type { IdeaModeration } from './idea-moderation';
import type { Stored } from '../core/records';
import { SPACE } from '../core/record-spaces';

type Verdict = DecideRequest['decision'];

/** Which decisions fit which kind of item. */
const FITS: Record<QueueItem['kind'], ReadonlySet<Verdict>> = {
  contribution: new Set(['approve', 'reject']),
  comment: new Set(['approve', 'reject']),
  report: new Set(['dismiss', 'hide-target']),
};

/**
 * The moderation queue: contributions and comments waiting for approval, and reports.
 * A decision is a compare-and-set on the item's record, so of two facilitators (on any
 * process) deciding the same item at once exactly one wins and the other is told; only
 * the winner's effect (publishing, hiding) happens.
 */
export class ModerationQueue {
  constructor(
    private readonly ctx: ModerationContext,
    private readonly ideas: IdeaModeration,
  ) {}

  async list(identity: Identity, state: 'pending' | 'all'): Promise<QueueResult> {
    requireModerator(identity, 'see the moderation queue');
    const all = (await this.ctx.records.list(SPACE.queue(identity.boardId), queueItemSchema)).map((r) => r.value);
    const items = (state === 'all' ? all : all.filter((item) => item.state === 'pending')).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    );
    return { items, counts: await this.ctx.notifier.counts(identity.boardId) };
  }

  decide(identity: Identity, payload: DecideRequest): Promise<DecideResult> {
    requireModerator(identity, 'moderate');
    const request = decideSchema.parse(payload);
    const reason = request.reason ?? null;
    if ((request.decision === 'reject' || request.decision === 'hide-target') && reason === null) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Give a reason: it is shown to the contributor and kept in the audit log.');
    }
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const results: DecideOutcome[] = [];
        for (const itemId of new Set(request.itemIds)) {
          results.push(await this.decideOne(identity, room, itemId, request.decision, reason, request.edit));
        }
        if (results.some((r) => r.outcome === 'done')) this.ctx.notifier.changed(boardId, this.ctx.log);
        return { results };
      }),
    );
  }

  private async decideOne(
    identity: Identity,
    room: BoardRoom,
    itemId: string,
    verdict: Verdict,
    reason: string | null,
    edit: ApproveEdit | undefined,
  ): Promise<DecideOutcome> {
    const space = SPACE.queue(room.boardId);
    const stored = await this.ctx.records.get(space, itemId, queueItemSchema);
    if (!stored) return { itemId, outcome: 'not-found', item: null };
    if (stored.value.state !== 'pending') return { itemId, outcome: 'already-decided', item: stored.value };
    if (!FITS[stored.value.kind].has(verdict)) return { itemId, outcome: 'not-applicable', item: stored.value };
    if (verdict === 'approve' && stored.value.kind === 'contribution' && room.views.ideaCount() >= LIMITS.ideasPerBoard) {
      // Refused before deciding: an approval that cannot be published must not be recorded.
      throw new ServiceError(ErrorCode.BOARD_FULL, `A board holds at most ${LIMITS.ideasPerBoard} ideas.`, 409);
    }
    const decision: Decision = { by: actorOf(identity), at: Date.now(), reason };
    const next = decided(stored.value, verdict, decision, edit && this.applyEdit(room.doc, stored.value, edit));
    if (stored.value.kind === 'contribution') {
      await this.ctx.followUp.prepare({ kind: 'decision', boardId: room.boardId, itemId, at: decision.at, published: verdict === 'approve', reason });
    }
    if (!(await this.ctx.records.replace(space, itemId, stored.raw, next))) {
      // Another facilitator decided between our read and our write: theirs stands.
      const winner = await this.ctx.records.get(space, itemId, queueItemSchema);
      return { itemId, outcome: 'already-decided', item: winner?.value ?? null };
    }
    await this.carryOut(identity, room, stored, next, verdict, reason);
    this.ctx.followUp.committed();
    return { itemId, outcome: 'done', item: next };
  }

  /** The decided item's effect on the board, and its audit entry. */
  private async carryOut(identity: Identity, room: BoardRoom, before: Stored<QueueItem>, item: QueueItem, verdict: Verdict, reason: string | null) {
    const actor = actorOf(identity);
    const write = (action: AuditAction, target: { kind: 'contribution' | 'comment' | 'report'; id: string }, b: unknown, a: unknown) =>
      this.ctx.audit.write(room.boardId, { actor, action, target, before: b, after: a, reason });
    switch (item.kind) {
      case 'contribution': {
        if (verdict === 'approve') await room.writeAsServer((doc) => publishOnce(doc, item.idea));
        const original = before.value.kind === 'contribution' ? before.value.idea : item.idea;
        await write(
          verdict === 'approve' ? 'contribution.approve' : 'contribution.reject',
          { kind: 'contribution', id: item.id },
          { text: original.text, questionId: original.questionId, phase: original.phase, principle: original.principle, track: original.track },
          verdict === 'approve'
            ? { text: item.idea.text, questionId: item.idea.questionId, phase: item.idea.phase, principle: item.idea.principle, track: item.idea.track }
            : null,
        );
        return;
      }
      case 'comment': {
        if (verdict === 'approve') await room.writeAsServer((doc) => publishCommentOnce(doc, item));
        const original = before.value.kind === 'comment' ? before.value.comment.text : item.comment.text;
        await write(
          verdict === 'approve' ? 'comment.approve' : 'comment.reject',
          { kind: 'comment', id: item.id },
          { text: original },
          verdict === 'approve' ? { text: item.comment.text } : null,
        );
        return;
      }
      case 'report': {
        if (verdict === 'hide-target') {
          // Gone already (hidden or deleted meanwhile): the report is answered all the same.
          if (!this.ideas.targetExists(room, item.target)) return;
          if (item.target.kind === 'idea') await this.ideas.hideIn(room, identity, item.target.id, reason ?? '');
          else await this.ideas.hideCommentIn(room, identity, item.target.id, reason ?? '');
          return;
        }
        await write('report.dismiss', { kind: 'report', id: item.id }, { excerpt: item.excerpt, reason: item.reason }, null);
        return;
      }
    }
  }

  private applyEdit(doc: Y.Doc, item: QueueItem, edit: ApproveEdit): QueueItem {
    if (item.kind === 'contribution') {
      if (edit.questionId && !readBoardSettings(doc)?.questions.some((q) => q.id === edit.questionId)) {
        throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'An idea may only answer one of the board\u2019s questions.');
      }
      const changes = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined));
      return { ...item, idea: { ...item.idea, ...changes, updatedAt: Date.now() } };
    }
    if (item.kind === 'comment' && edit.text !== undefined) {
      return { ...item, comment: { ...item.comment, text: edit.text, editedAt: Date.now() } };
    }
    return item;
  }

  /**
   * After a crash between a decision and its write to the document, the decision stands
   * but its effect is missing: publish what was approved and never written. "Never" is
   * read from Yjs: a map keeps a key's last item even once deleted, so an idea that was
   * published and later deleted is not brought back.
   */
  async reconcile(room: BoardRoom): Promise<void> {
    const pending: QueueItem[] = [];
    for (const { value: item } of await this.ctx.records.list(SPACE.queue(room.boardId), queueItemSchema)) {
      if (item.state !== 'approved') continue;
      if (item.kind === 'contribution' && !ideasMap(room.doc)._map.has(item.id)) pending.push(item);
      if (item.kind === 'comment' && !commentsMap(room.doc)._map.has(item.id)) pending.push(item);
    }
    if (pending.length === 0) return;
    // Never fails the load: a board that cannot take an item (full) still opens.
    const skipped = await room.writeAsServer((doc) => {
      let notPublished = 0;
      for (const item of pending) {
        if (item.kind === 'comment') publishCommentOnce(doc, item);
        else if (item.kind === 'contribution' && ideasMap(doc).size < LIMITS.ideasPerBoard) publishOnce(doc, item.idea);
        else notPublished++;
      }
      return notPublished;
    });
    this.ctx.log.info({ boardId: room.boardId, count: pending.length - skipped, skipped }, 'published approved items a crash had left out');
  }
}

function decided(item: QueueItem, verdict: Verdict, decision: Decision, edited: QueueItem | undefined): QueueItem {
  const base = edited ?? item;
  const state = verdict === 'approve' ? 'approved' : verdict === 'reject' ? 'rejected' : verdict === 'dismiss' ? 'dismissed' : 'resolved';
  return { ...base, state, decision };
}

/** A comment joins the board only while its idea is there, and only once. */
export function publishCommentOnce(doc: Y.Doc, item: Extract<QueueItem, { kind: 'comment' }>): boolean {
  const comments = commentsMap(doc);
  if (comments._map.has(item.comment.id) || !ideasMap(doc).has(item.comment.ideaId)) return false;
  comments.set(item.comment.id, item.comment);
  return true;
}
