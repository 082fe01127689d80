import {
  ErrorCode,
  LIMITS,
  STEP_RULES,
  ideasMap,
  insertIdea,
  readIdea,
  stepForIdea,
  type Idea,
  type Identity,
  type RevealResult,
  type SubmitHiddenResult,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { SPACE } from '../core/record-spaces';
import { requireFacilitator, requireUnlocked, requireWriter, settingsOf, writeWorkshop, type WorkshopContext } from './context';

/**
 * Silent writing. While it is on, a participant's new ideas never enter the shared document
 * (the update policy refuses them there with SILENT_WRITING): they are submitted with a
 * command, kept in the store, and shown only to their author and the facilitators, until a
 * facilitator reveals them all at once. Nothing leaks to other participants or observers,
 * not even as Yjs bytes, because the document never holds them.
 *
 * Every operation runs under the board's lock, so a reveal sees either all of a concurrent
 * submission or none of it, and two reveals cannot publish the same idea twice.
 */
export class HiddenIdeas {
  constructor(private readonly ctx: WorkshopContext) {}

  submit(identity: Identity, idea: Idea): Promise<SubmitHiddenResult> {
    requireWriter(identity);
    if (idea.authorId !== identity.participantId) {
      throw new ServiceError(ErrorCode.NOT_OWNER, 'New ideas are written in the sender\u2019s own name.', 403);
    }
    const identityFields = [
      ['authorName', identity.displayName],
      ['contributorType', identity.contributorType],
      ['organisation', identity.organisation],
    ] as const;
    for (const [field, expected] of identityFields) {
      if (idea[field] !== expected) {
        throw new ServiceError(ErrorCode.NOT_OWNER, `"${field}" must match the session that writes the idea.`, 403);
      }
    }
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const state = room.workshop();
        const settings = settingsOf(room.doc);
        if (idea.questionId !== null && !settings.questions.some((q) => q.id === idea.questionId)) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'An idea may only answer one of the board\u2019s questions.');
        }
        if (idea.beacons.some((id) => !settings.beacons.some((b) => b.id === id))) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'An idea may only name the board\u2019s beacons.');
        }
        // A retry after the idea was revealed (or published): the same answer, no duplicate.
        const existing = ideasMap(room.doc).get(idea.id);
        if (existing) {
          const published = readIdea(existing);
          if (published?.authorId !== identity.participantId) {
            throw new ServiceError(ErrorCode.NOT_OWNER, 'Another idea has this id.', 409);
          }
          return { idea: published, state: 'published' };
        }
        requireUnlocked(identity, state);
        const step = stepForIdea(state, idea.questionId, settings.focusQuestionId);
        if (identity.role !== 'facilitator' && !STEP_RULES[step].add) {
          throw new ServiceError(ErrorCode.STEP_FORBIDS, `Ideas cannot be added while the question is in the "${step}" step.`, 403);
        }
        // A contribution's id (pending or decided) is its contributor's.
        if ((await this.ctx.store.getRecord(SPACE.queue(boardId), idea.id)) !== null) {
          throw new ServiceError(ErrorCode.NOT_OWNER, 'Another idea has this id.', 409);
        }
        const hidden = await this.ctx.store.listHiddenIdeas(boardId);
        const isNew = !hidden.some((h) => h.id === idea.id);
        if (isNew && ideasMap(room.doc).size + hidden.length >= LIMITS.ideasPerBoard) {
          throw new ServiceError(ErrorCode.BOARD_FULL, `A board holds at most ${LIMITS.ideasPerBoard} ideas.`, 409);
        }
        if (!state.silent && isNew) {
          // Silent writing was switched off meanwhile: publish it now, in the author's name.
          await room.writeAsServer((doc) => insertIdea(doc, idea));
          return { idea, state: 'published' };
        }
        room.reserving(idea.id, idea.authorId);
        if ((await this.ctx.store.putHiddenIdea(boardId, idea)) === 'conflict') {
          throw new ServiceError(ErrorCode.NOT_OWNER, 'Another idea has this id.', 409);
        }
        this.ctx.notifier.hiddenAdded(boardId, idea);
        // The room hears how many, never what: the projector's "14 idéer skrevet".
        this.ctx.progress.changed(boardId);
        return { idea, state: 'hidden' };
      }),
    );
  }

  /** Facilitators see every hidden idea, participants their own, observers none. */
  async list(identity: Identity): Promise<Idea[]> {
    if (identity.role === 'observer') return [];
    const ideas = sortIdeas(await this.ctx.store.listHiddenIdeas(identity.boardId));
    return identity.role === 'facilitator' ? ideas : ideas.filter((idea) => idea.authorId === identity.participantId);
  }

  /** The author (or a facilitator) withdraws a hidden idea before it is revealed. */
  remove(identity: Identity, ideaId: string): Promise<{ ideaId: string }> {
    requireWriter(identity);
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, async () => {
      const [idea] = await this.ctx.store.getHiddenIdeas(boardId, [ideaId]);
      if (!idea) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'There is no such hidden idea.', 404);
      if (identity.role !== 'facilitator' && idea.authorId !== identity.participantId) {
        throw new ServiceError(ErrorCode.NOT_OWNER, 'Only the author or a facilitator may withdraw a hidden idea.', 403);
      }
      await this.ctx.rooms.withRoom(boardId, async (room) => requireUnlocked(identity, room.workshop()));
      await this.ctx.store.deleteHiddenIdeas(boardId, [ideaId]);
      this.ctx.notifier.hiddenRemoved(boardId, { ideaIds: [ideaId], reason: 'deleted' }, [idea.authorId]);
      this.ctx.progress.changed(boardId);
      return { ideaId };
    });
  }

  /**
   * Switches silent writing off and publishes every hidden idea, in one document transaction
   * written by the server with the authors' ids (ownership goes by authorId, so authors keep
   * editing their ideas). Both under the board's lock, so an idea submitted meanwhile is
   * either revealed here or published at once afterwards, never left hidden. The store is
   * cleared only after the document is durable; an idea already in the document (a crash
   * between the two) is skipped, so each idea is published exactly once.
   */
  reveal(identity: Identity): Promise<RevealResult> {
    requireFacilitator(identity, 'reveal hidden ideas');
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const silent = room.workshop().silent;
        const hidden = sortIdeas(await this.ctx.store.listHiddenIdeas(boardId));
        if (hidden.length === 0) {
          if (silent) await room.writeAsServer((doc) => writeWorkshop(doc, { silent: false }));
          return { revealedIds: [] };
        }
        const ideas = ideasMap(room.doc);
        const capacity = Math.max(0, LIMITS.ideasPerBoard - ideas.size);
        const fresh = hidden.filter((idea) => !ideas.has(idea.id)).slice(0, capacity);
        const freshIds = new Set(fresh.map((idea) => idea.id));
        // In the document already under the same author: published before (a crash between
        // the two steps, or the author wrote it there). Under another author (which the
        // update policy refuses, IDEA_ID_TAKEN): kept, never dropped for someone else's idea.
        const sameAuthor = (idea: Idea) => ideas.get(idea.id)?.get('authorId') === idea.authorId;
        const done = hidden.filter((idea) => freshIds.has(idea.id) || sameAuthor(idea));
        const stuck = hidden.filter((idea) => ideas.has(idea.id) && !sameAuthor(idea));
        if (stuck.length > 0) this.ctx.log.warn({ boardId, ideaIds: stuck.map((idea) => idea.id) }, 'hidden ideas whose id another idea holds stay hidden');
        if (fresh.length > 0 || silent) {
          await room.writeAsServer((doc) => {
            if (silent) writeWorkshop(doc, { silent: false });
            for (const idea of fresh) insertIdea(doc, idea);
          });
        }
        await this.ctx.store.deleteHiddenIdeas(boardId, done.map((idea) => idea.id));
        this.ctx.notifier.hiddenRemoved(
          boardId,
          { ideaIds: done.map((idea) => idea.id), reason: 'revealed' },
          done.map((idea) => idea.authorId),
        );
        this.ctx.progress.changed(boardId);
        return { revealedIds: fresh.map((idea) => idea.id) };
      }),
    );
  }
}

/** In the order they were written (ties by id), as they will appear when revealed. */
function sortIdeas(ideas: Idea[]): Idea[] {
  return [...ideas].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
