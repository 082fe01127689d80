import { Coalescer } from '../core/coalesce';
import type * as Y from 'yjs';
import {
  ErrorCode,
  STEP_RULES,
  ideasMap,
  removedMap,
  readIdea,
  readWorkshop,
  stepForIdea,
  votesMap,
  type Idea,
  type Identity,
  type MyVotes,
} from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { VoteTally } from '../store/board-store';
import { ServiceError } from '../core/errors';
import { requireUnlocked, requireWriter, settingsOf, type WorkshopContext } from './context';

/**
 * Dot voting. The store counts (atomically: the budget holds across tabs, devices and
 * concurrent casts); the document only shows totals, and only while the facilitator has
 * revealed them. Budgets are per question: the scope of a vote is its idea's question.
 */
export class Voting {
  constructor(
    private readonly ctx: WorkshopContext,
    private readonly totals: VoteTotalsMirror,
  ) {}

  cast(identity: Identity, ideaId: string): Promise<MyVotes> {
    return this.vote(identity, ideaId, 'cast');
  }

  retract(identity: Identity, ideaId: string): Promise<MyVotes> {
    return this.vote(identity, ideaId, 'retract');
  }

  /** The caller's votes for a question (default: the focus question; null: ideas without one). */
  mine(identity: Identity, questionId: string | null | undefined): Promise<MyVotes> {
    requireWriter(identity);
    const { boardId, participantId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const question = questionId === undefined ? settingsOf(room.doc).focusQuestionId : questionId;
      let tally = await this.ctx.store.getVotes(boardId, participantId, question ?? '');
      // Votes on an idea deleted while they were being cast: give them back. A moderator's
      // hide keeps them (counted, unseen) for the restore.
      const removed = removedMap(room.doc);
      const gone = Object.keys(tally.votes).filter((id) => !ideasMap(room.doc).has(id) && removed.get(id) !== 'hidden');
      if (gone.length > 0) {
        await this.ctx.store.clearVotes(boardId, { ideaIds: gone });
        tally = await this.ctx.store.getVotes(boardId, participantId, question ?? '');
        this.syncInBackground(boardId);
        this.ctx.progress.changed(boardId);
      }
      return myVotes(question, tally, room.workshop().voting.votesPerPerson);
    });
  }

  /** Votes on deleted ideas are given back (the idea's author or a facilitator deleted it). */
  watchDeletedIdeas(room: BoardRoom): void {
    const observer = (event: Y.YMapEvent<Y.Map<unknown>>) => {
      // A moderator's hide keeps the votes, so a restore brings the idea back as it was.
      const removed = removedMap(room.doc);
      const deleted = [...event.changes.keys]
        .filter(([id, change]) => change.action === 'delete' && removed.get(id) !== 'hidden')
        .map(([id]) => id);
      if (deleted.length === 0) return;
      this.ctx.store
        .clearVotes(room.boardId, { ideaIds: deleted })
        .then(() => {
          this.ctx.notifier.votesRefresh(room.boardId);
          this.syncInBackground(room.boardId);
          this.ctx.progress.changed(room.boardId);
        })
        .catch((error: unknown) => this.ctx.log.warn({ err: error, boardId: room.boardId }, 'could not give back votes of deleted ideas'));
    };
    ideasMap(room.doc).observe(observer);
    room.onClose(() => ideasMap(room.doc).unobserve(observer));
  }

  private vote(identity: Identity, ideaId: string, action: 'cast' | 'retract'): Promise<MyVotes> {
    requireWriter(identity);
    const { boardId, participantId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const state = room.workshop();
      requireUnlocked(identity, state);
      const idea = ideaOn(room.doc, ideaId);
      const step = stepForIdea(state, idea.questionId, settingsOf(room.doc).focusQuestionId);
      if (!STEP_RULES[step].vote) {
        throw new ServiceError(ErrorCode.STEP_FORBIDS, `Voting is closed: the question is in the "${step}" step.`, 403);
      }
      const scope = idea.questionId ?? '';
      const { votesPerPerson, maxPerIdea } = state.voting;
      const { store } = this.ctx;
      let tally: VoteTally;
      if (action === 'cast') {
        const result = await store.castVote(boardId, participantId, ideaId, { scope, budget: votesPerPerson, maxPerIdea });
        if (result.outcome === 'budget') {
          throw new ServiceError(ErrorCode.NO_VOTES_LEFT, `You have used all ${votesPerPerson} votes for this question.`, 409);
        }
        if (result.outcome === 'maxPerIdea') {
          throw new ServiceError(ErrorCode.IDEA_VOTE_LIMIT, `At most ${maxPerIdea} votes per idea.`, 409);
        }
        tally = result.mine;
      } else {
        tally = (await store.retractVote(boardId, participantId, ideaId, scope)).mine;
      }
      const mine = myVotes(idea.questionId, tally, votesPerPerson);
      this.ctx.notifier.myVotes(boardId, participantId, mine);
      // Who has voted, and who has used every vote: the facilitator's "9 har stemt".
      this.ctx.progress.changed(boardId);
      // Read after the store answered: a reveal that raced this vote then syncs it, or we do.
      if (readWorkshop(room.doc).votesRevealed) this.syncInBackground(boardId);
      return mine;
    });
  }

  private syncInBackground(boardId: string): void {
    this.totals.sync(boardId).catch((error: unknown) => this.ctx.log.warn({ err: error, boardId }, 'could not update vote totals'));
  }
}

export function ideaOn(doc: Y.Doc, ideaId: string): Idea {
  const map = ideasMap(doc).get(ideaId);
  const idea = map ? readIdea(map) : null;
  if (!idea) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'There is no such idea on the board.', 404);
  return idea;
}

function myVotes(questionId: string | null, tally: VoteTally, budget: number): MyVotes {
  return { questionId, votes: { ...tally.votes }, remaining: Math.max(0, budget - tally.used) };
}

/**
 * Keeps the `votes` root equal to the store's totals while they are revealed, and empty
 * while they are not. One sync per board at a time; requests that arrive meanwhile are
 * folded into one more run, so a burst of 1000 votes costs a few document writes, and a
 * stale read can never overwrite a newer one.
 */
export class VoteTotalsMirror {
  private readonly syncs = new Coalescer((boardId) => this.once(boardId));

  constructor(private readonly ctx: WorkshopContext) {}

  sync(boardId: string): Promise<void> {
    return this.syncs.request(boardId);
  }

  private once(boardId: string): Promise<void> {
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const revealed = room.workshop().votesRevealed;
      if (!revealed && votesMap(room.doc).size === 0) return;
      const totals = revealed ? await this.ctx.store.voteTotals(boardId) : {};
      await room.writeAsServer((doc) => {
        const map = votesMap(doc);
        // Decided inside the write: a hide of the totals that landed meanwhile wins. Only ideas
        // on the board show a total: a hidden idea's votes stay counted in the store, unseen.
        const show = readWorkshop(doc).votesRevealed;
        const onBoard = ideasMap(doc);
        const shown = (ideaId: string) => show && Object.hasOwn(totals, ideaId) && onBoard.has(ideaId);
        for (const [ideaId, count] of Object.entries(totals)) if (shown(ideaId) && map.get(ideaId) !== count) map.set(ideaId, count);
        for (const ideaId of [...map.keys()]) if (!shown(ideaId)) map.delete(ideaId);
      });
    });
  }
}
