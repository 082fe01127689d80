import { Coalescer } from '../core/coalesce';
import type * as Y from 'yjs';
import {
  DELETED_TEXT,
  ErrorCode,
  commentSchema,
  commentsMap,
  hiddenIdeaSchema,
  historyMap,
  ideaHistorySchema,
  ideasMap,
  insertIdea,
  readIdea,
  readWorkshop,
  initiativeSchema,
  initiativesMap,
  queueItemSchema,
  writeIdeaReactions,
  removedMap,
  revisionSchema,
  statusesMap,
  votesMap,
  type Actor,
  type Comment,
  type Decision,
  type HiddenIdea,
  type Identity,
  type Idea,
  type ModerateEditResult,
  type QueueItem,
  type Revision,
} from '../../shared';
import { z } from 'zod';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import { actorOf, requireModerator, type ModerationContext } from './context';
import { ideaOnBoard } from './board-ideas';
import { SPACE } from '../core/record-spaces';
import { foldLog } from '../store/fold-log';
import { hiddenWithTraces, putTracesBack, readTraces, takeTraces } from './idea-traces';

const revisionsSchema = z.array(revisionSchema);

/**
 * A facilitator's hand on ideas already on the board: hide (out of every participant's and
 * observer's document, kept for facilitators), restore, edit with the original kept, and
 * delete for good. Public methods take the board's lock; the `…In` ones expect it held.
 */
export class IdeaModeration {
  constructor(private readonly ctx: ModerationContext) {}

  private locked<T>(identity: Identity, what: string, use: (room: BoardRoom) => Promise<T>): Promise<T> {
    requireModerator(identity, what);
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () => this.ctx.rooms.withRoom(boardId, use));
  }

  async hidden(identity: Identity): Promise<HiddenIdea[]> {
    requireModerator(identity, 'see hidden ideas');
    const all = await this.ctx.records.list(SPACE.hidden(identity.boardId), hiddenIdeaSchema);
    return all.map((r) => r.value).sort((a, b) => b.hiddenAt - a.hiddenAt);
  }

  hide(identity: Identity, ideaId: string, reason: string): Promise<HiddenIdea> {
    return this.locked(identity, 'hide ideas', (room) => this.hideIn(room, identity, ideaId, reason));
  }

  /**
   * The idea is kept in the store first and only then taken out of the document, so a crash
   * in between leaves it visible rather than lost. The `removed` mark stops any client
   * (an author offline with a copy) from writing it back. Hidden means hidden: everything
   * of its content leaves the document with it (idea-traces.ts), kept in the record; then
   * the stored log is folded (foldSoon), so the store's document holds none of it either.
   */
  async hideIn(room: BoardRoom, identity: Identity, ideaId: string, reason: string): Promise<HiddenIdea> {
    const space = SPACE.hidden(room.boardId);
    const idea = ideaOnBoard(room.doc, ideaId);
    const hidden: HiddenIdea = { idea, reason, hiddenBy: actorOf(identity), hiddenAt: Date.now(), traces: readTraces(room.doc, ideaId) };
    await this.ctx.records.put(space, ideaId, hidden);
    const taken = await room.writeAsServer((doc) => {
      const map = ideasMap(doc).get(ideaId);
      const latest = (map && readIdea(map)) ?? idea;
      ideasMap(doc).delete(ideaId);
      removedMap(doc).set(ideaId, 'hidden');
      return { ...hidden, idea: latest, traces: takeTraces(doc, ideaId) };
    });
    // Changed between the first read and the write (an author's edit, a new comment): keep the latest.
    if (JSON.stringify(taken) !== JSON.stringify(hidden)) await this.ctx.records.put(space, ideaId, taken);
    await this.audit(room, identity, 'idea.hide', 'idea', ideaId, { text: taken.idea.text }, null, reason);
    await this.resolveReports(room, identity, ideaId, reason);
    this.ctx.notifier.changed(room.boardId, this.ctx.log);
    this.foldSoon(room);
    return taken;
  }

  /**
   * Ideas hidden before traces were kept still have them in the document: on load, they are
   * taken out and kept in the hidden idea's record, as a hide does now.
   */
  async takeLegacyTraces(room: BoardRoom): Promise<void> {
    const ideaIds = hiddenWithTraces(room.doc);
    if (ideaIds.length === 0) return;
    const space = SPACE.hidden(room.boardId);
    const kept: string[] = [];
    for (const ideaId of ideaIds) {
      const record = await this.ctx.records.get(space, ideaId, hiddenIdeaSchema);
      if (!record) continue; // no copy to keep them with: left as they are
      await this.ctx.records.put(space, ideaId, { ...record.value, traces: readTraces(room.doc, ideaId) });
      kept.push(ideaId);
    }
    if (kept.length === 0) return;
    await room.writeAsServer((doc) => {
      for (const ideaId of kept) takeTraces(doc, ideaId);
    });
    this.ctx.log.info({ boardId: room.boardId, count: kept.length }, 'took the traces of ideas hidden before out of the document');
    this.foldSoon(room);
  }

  /** One fold per board document at a time after hides; hides meanwhile fold into one more. A failure is logged once. */
  private readonly folds = new Coalescer((docName) =>
    foldLog(this.ctx.store, docName).catch((error: unknown) => this.ctx.log.warn({ err: error, docName }, 'could not fold the log after a hide')),
  );

  /**
   * Folds the stored log after a hide (durable already: writeAsServer waited for it), in the
   * background and once for a burst of hides (a decision on many reports), so the store's
   * document soon holds none of the hidden content. Late joiners never got it anyway: they
   * are answered from the room's document or the redacted stored log.
   */
  private foldSoon(room: BoardRoom): void {
    void this.folds.request(room.docName);
  }

  /**
   * Puts the idea back exactly as it was, with its traces: merge history, status, reactions,
   * the comments that still stand (approved in the queue: one its author deleted meanwhile
   * stays deleted; one approved meanwhile is published now), and its vote total while totals
   * are shown (the store kept counting its votes).
   */
  restore(identity: Identity, ideaId: string): Promise<Idea> {
    return this.locked(identity, 'restore ideas', async (room) => {
      const { boardId } = room;
      const hidden = await this.ctx.records.get(SPACE.hidden(boardId), ideaId, hiddenIdeaSchema);
      if (!hidden) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'There is no such hidden idea.', 404);
      const { idea, traces } = hidden.value;
      const approved = new Map<string, Comment>();
      for (const { value: item } of await this.ctx.records.list(SPACE.queue(boardId), queueItemSchema)) {
        if (item.kind === 'comment' && item.state === 'approved' && item.comment.ideaId === ideaId) approved.set(item.id, item.comment);
      }
      const totals = room.workshop().votesRevealed ? await this.ctx.store.voteTotals(boardId) : {};
      await room.writeAsServer((doc) => {
        removedMap(doc).delete(ideaId);
        if (!ideasMap(doc).has(ideaId)) insertIdea(doc, idea);
        if (traces) putTracesBack(doc, ideaId, traces, (comment) => approved.has(comment.id));
        for (const comment of approved.values()) if (!commentsMap(doc).has(comment.id)) commentsMap(doc).set(comment.id, comment);
        const total = totals[ideaId];
        if (readWorkshop(doc).votesRevealed && total !== undefined && total > 0) votesMap(doc).set(ideaId, total);
      });
      await this.ctx.records.delete(SPACE.hidden(boardId), [ideaId]);
      await this.audit(room, identity, 'idea.restore', 'idea', ideaId, null, { text: idea.text }, hidden.value.reason);
      this.ctx.notifier.changed(boardId, this.ctx.log);
      return idea;
    });
  }

  moderateEdit(identity: Identity, ideaId: string, text: string, reason: string | null): Promise<ModerateEditResult> {
    return this.locked(identity, 'edit others\u2019 ideas as moderators', async (room) => {
      const before = ideaOnBoard(room.doc, ideaId);
      const revision: Revision = { at: Date.now(), by: actorOf(identity), before: before.text, after: text, reason };
      const space = SPACE.revisions(room.boardId);
      const revisions = (await this.ctx.records.get(space, ideaId, revisionsSchema))?.value ?? [];
      await this.ctx.records.put(space, ideaId, [...revisions, revision]);
      await room.writeAsServer((doc) => {
        const map = ideasMap(doc).get(ideaId);
        map?.set('text', text);
        map?.set('updatedAt', revision.at);
      });
      await this.audit(room, identity, 'idea.edit', 'idea', ideaId, { text: before.text }, { text }, reason);
      return { idea: ideaOnBoard(room.doc, ideaId), revision };
    });
  }

  async revisions(identity: Identity, ideaId: string): Promise<Revision[]> {
    requireModerator(identity, 'see moderator edits');
    return (await this.ctx.records.get(SPACE.revisions(identity.boardId), ideaId, revisionsSchema))?.value ?? [];
  }

  /**
   * A GDPR deletion. The idea's text goes from the document (with its comments, reactions,
   * status, votes and any merge history that quoted it), from every record (hidden copy,
   * revisions, queue item, e-mail, silent-writing store) and from the audit log's before and
   * after; then the document's log is folded into a snapshot (where Yjs keeps no deleted
   * text) and the store drops its deleted data from disk.
   */
  purge(identity: Identity, ideaId: string, reason: string | null): Promise<{ ideaId: string }> {
    return this.locked(identity, 'delete ideas for good', async (room) => {
      await this.purgeIn(room, actorOf(identity), ideaId, reason, { audit: true });
      await this.foldAndPurge(room);
      this.ctx.notifier.changed(room.boardId, this.ctx.log);
      return { ideaId };
    });
  }

  /**
   * purge with the board's lock held, by any actor (a person's GDPR deletion runs it for
   * each of their ideas, then folds and purges once). Returns the ids it redacted in the
   * audit log; `audit: false` leaves the entry to the caller.
   */
  async purgeIn(room: BoardRoom, actor: Actor, ideaId: string, reason: string | null, options: { audit: boolean }): Promise<string[]> {
    const { boardId } = room;
    const inDoc = ideasMap(room.doc).has(ideaId);
    const hidden = await this.ctx.records.get(SPACE.hidden(boardId), ideaId, hiddenIdeaSchema);
    const queued = await this.ctx.records.get(SPACE.queue(boardId), ideaId, queueItemSchema);
    const silent = (await this.ctx.store.getHiddenIdeas(boardId, [ideaId])).length > 0;
    if (!inDoc && !hidden && !(queued?.value.kind === 'contribution') && !silent) {
      throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'There is no such idea.', 404);
    }
    const published = await room.writeAsServer((doc) => scrubIdea(doc, ideaId));
    const touched = await this.scrubRecords(room, actor, ideaId, new Set(published));
    if (silent) await this.ctx.store.deleteHiddenIdeas(boardId, [ideaId]);
    await this.ctx.store.clearVotes(boardId, { ideaIds: [ideaId] });
    this.ctx.progressChanged(boardId);
    const redacted = [ideaId, ...published, ...touched];
    await this.ctx.audit.redact(boardId, new Set(redacted));
    if (options.audit) await this.ctx.audit.write(boardId, { actor, action: 'idea.delete', target: { kind: 'idea', id: ideaId }, before: null, after: null, reason });
    return redacted;
  }

  /** Returns the ids of the queue items (comments on the idea, reports about it) it scrubbed, for the audit log. */
  private async scrubRecords(room: BoardRoom, actor: Actor, ideaId: string, publishedComments: ReadonlySet<string>): Promise<string[]> {
    const { boardId } = room;
    await this.ctx.records.delete(SPACE.hidden(boardId), [ideaId]);
    await this.ctx.records.delete(SPACE.revisions(boardId), [ideaId]);
    await this.ctx.records.delete(SPACE.contacts(boardId), [ideaId]);
    const queue = SPACE.queue(boardId);
    const items = await this.ctx.records.list(queue, queueItemSchema);
    // Comments on the idea in any state (waiting, rejected, hidden), not only published ones.
    const commentIds = new Set([...publishedComments, ...items.flatMap((r) => (r.value.kind === 'comment' && r.value.comment.ideaId === ideaId ? [r.value.id] : []))]);
    const touched: string[] = [...commentIds];
    const decision: Decision = { by: actor, at: Date.now(), reason: 'deleted' };
    for (const record of items) {
      const next = scrubQueueItem(record.value, ideaId, commentIds, decision);
      if (next === null) continue;
      touched.push(record.value.id);
      if (next === 'delete') await this.ctx.records.delete(queue, [record.key]);
      else await this.ctx.records.put(queue, record.key, next);
    }
    return touched;
  }

  /** As fold, then the store drops its deleted data from disk. */
  async foldAndPurge(room: BoardRoom): Promise<void> {
    await room.flushed();
    await foldLog(this.ctx.store, room.docName);
    await this.ctx.store.purgeDeleted();
  }

  hideComment(identity: Identity, commentId: string, reason: string): Promise<Comment> {
    return this.locked(identity, 'hide comments', (room) => this.hideCommentIn(room, identity, commentId, reason));
  }

  /** A hidden comment is kept in the queue as rejected (with the reason), for the record; it is not published again. */
  async hideCommentIn(room: BoardRoom, identity: Identity, commentId: string, reason: string): Promise<Comment> {
    const comment = commentSchema.safeParse(commentsMap(room.doc).get(commentId));
    if (!comment.success) throw new ServiceError(ErrorCode.COMMENT_NOT_FOUND, 'There is no such comment.', 404);
    const item: QueueItem = {
      kind: 'comment',
      id: commentId,
      createdAt: comment.data.createdAt,
      state: 'rejected',
      decision: { by: actorOf(identity), at: Date.now(), reason },
      comment: comment.data,
    };
    await this.ctx.records.put(SPACE.queue(room.boardId), commentId, item);
    await room.writeAsServer((doc) => commentsMap(doc).delete(commentId));
    await this.audit(room, identity, 'comment.hide', 'comment', commentId, { text: comment.data.text }, null, reason);
    await this.resolveReports(room, identity, commentId, reason);
    this.ctx.notifier.changed(room.boardId, this.ctx.log);
    return comment.data;
  }

  /** Once a reported idea or comment is hidden, the reports about it are answered. */
  private async resolveReports(room: BoardRoom, identity: Identity, targetId: string, reason: string): Promise<void> {
    const space = SPACE.queue(room.boardId);
    for (const record of await this.ctx.records.list(space, queueItemSchema)) {
      const item = record.value;
      if (item.kind !== 'report' || item.state !== 'pending' || item.target.id !== targetId) continue;
      const next: QueueItem = { ...item, state: 'resolved', decision: { by: actorOf(identity), at: Date.now(), reason } };
      await this.ctx.records.replace(space, record.key, record.raw, next);
    }
  }

  /** Whether a report's target is still there to hide. */
  targetExists(room: BoardRoom, target: { kind: 'idea' | 'comment'; id: string }): boolean {
    return target.kind === 'idea' ? ideasMap(room.doc).has(target.id) : commentsMap(room.doc).has(target.id);
  }

  private audit(
    room: BoardRoom,
    identity: Identity,
    action: 'idea.hide' | 'idea.restore' | 'idea.edit' | 'idea.delete' | 'comment.hide',
    kind: 'idea' | 'comment',
    id: string,
    before: unknown,
    after: unknown,
    reason: string | null,
  ) {
    return this.ctx.audit.write(room.boardId, { actor: actorOf(identity), action, target: { kind, id }, before, after, reason });
  }
}

/** Everything of one idea in the document; returns the ids of the comments it had. */
function scrubIdea(doc: Y.Doc, ideaId: string): string[] {
  ideasMap(doc).delete(ideaId);
  removedMap(doc).set(ideaId, 'deleted');
  statusesMap(doc).delete(ideaId);
  historyMap(doc).delete(ideaId);
  votesMap(doc).delete(ideaId);
  // Merges quote the merged ideas' texts in the target's history.
  for (const [targetId, value] of historyMap(doc).entries()) {
    const history = ideaHistorySchema.safeParse(value);
    if (!history.success || !history.data.originals.some((o) => o.ideaId === ideaId)) continue;
    const purged = history.data.originals.find((o) => o.ideaId === ideaId);
    const originals = history.data.originals.map((o) => (o.ideaId === ideaId ? { ...o, text: DELETED_TEXT, authorName: null, organisation: null } : o));
    // The author is named elsewhere only if another of their texts is still in the history.
    const stillNamed = (authorId: string) => originals.some((o) => o.authorId === authorId && o.text !== DELETED_TEXT);
    const authors = history.data.authors.map((a) =>
      a.authorId === purged?.authorId && !stillNamed(a.authorId) ? { ...a, authorName: null, organisation: null } : a,
    );
    historyMap(doc).set(targetId, { authors, originals });
  }
  const commentIds: string[] = [];
  for (const [id, value] of commentsMap(doc).entries()) {
    const comment = commentSchema.safeParse(value);
    if (comment.success && comment.data.ideaId === ideaId) commentIds.push(id);
  }
  for (const id of commentIds) commentsMap(doc).delete(id);
  writeIdeaReactions(doc, ideaId, new Map());
  for (const [id, value] of initiativesMap(doc).entries()) {
    const initiative = initiativeSchema.safeParse(value);
    if (initiative.success && initiative.data.ideaIds.includes(ideaId)) {
      initiativesMap(doc).set(id, { ...initiative.data, ideaIds: initiative.data.ideaIds.filter((i) => i !== ideaId) });
    }
  }
  return commentIds;
}

/** What a queue item becomes when an idea is deleted for good: blanked, deleted, or unchanged (null). */
function scrubQueueItem(item: QueueItem, ideaId: string, commentIds: ReadonlySet<string>, decision: Decision): QueueItem | 'delete' | null {
  if (item.kind === 'contribution' && item.id === ideaId) {
    // Kept without its words, so the receipt can still say the contribution was removed.
    // A pending one is decided by the deletion, so it leaves the queue.
    const decided = item.state === 'pending' ? { state: 'rejected' as const, decision } : {};
    return { ...item, ...decided, idea: { ...item.idea, text: DELETED_TEXT, authorName: null, organisation: null } };
  }
  if (item.kind === 'comment' && (item.comment.ideaId === ideaId || commentIds.has(item.id))) return 'delete';
  if (item.kind === 'report' && (item.target.id === ideaId || commentIds.has(item.target.id))) {
    // A pending report is answered by the deletion.
    const decided = item.state === 'pending' ? { state: 'resolved' as const, decision } : {};
    return { ...item, ...decided, excerpt: DELETED_TEXT };
  }
  return null;
}
