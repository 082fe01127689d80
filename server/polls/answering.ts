import {
  ErrorCode,
  ideasMap,
  readPoll,
  resultsPublic,
  type Identity,
  type MyPollAnswer,
  type PollAnswer,
  type PollCount,
  type PollResultsUpdate,
  type PollTextAnswer,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { checkAnswer } from './check-answer';
import type { PollsContext } from './context';
import { findPoll, requireFacilitator } from './definitions';
import { tally } from './tally';

/** Participants and facilitators answer; observers (the projector) answer nothing. */
function requireAnswerer(identity: Identity): void {
  if (identity.role === 'observer') throw new ServiceError(ErrorCode.READ_ONLY, 'Observers cannot answer polls.', 403);
}

/**
 * Answering and reading back. One answer per person and poll (the store's record keyed by
 * the participant), replaced by a later one while the poll is open; the checks run before
 * anything is stored, so a refused answer leaves the earlier one (or none) in place.
 */
export class PollAnswering {
  constructor(private readonly ctx: PollsContext) {}

  answer(identity: Identity, pollId: string, answer: PollAnswer): Promise<MyPollAnswer> {
    requireAnswerer(identity);
    const { boardId, participantId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const { poll } = await findPoll(this.ctx, room, pollId);
      if (poll.state !== 'open') throw new ServiceError(ErrorCode.POLL_NOT_OPEN, 'The poll is not taking answers.', 409);
      const stored = checkAnswer(poll, answer);
      const answeredAt = Date.now();
      const before = await this.ctx.answers.get(boardId, pollId, participantId);
      await this.ctx.answers.put(boardId, pollId, participantId, { answer: stored, answeredAt, contributorType: identity.contributorType });
      // A close (or delete) that landed while the answer was being stored wins: the earlier
      // answer (or none) is put back, and the person is told the poll closed. (Across
      // processes the document reaches the other process a moment later; see PROTOCOL.md §18.)
      const now = readPoll(room.doc, pollId);
      if (now?.state !== 'open') {
        if (before && now) await this.ctx.answers.put(boardId, pollId, participantId, before);
        else await this.ctx.answers.remove(boardId, pollId, participantId);
        this.ctx.mirror.syncInBackground(boardId, pollId);
        throw now ? new ServiceError(ErrorCode.POLL_NOT_OPEN, 'The poll closed while the answer was on its way.', 409) : new ServiceError(ErrorCode.POLL_NOT_FOUND, 'The poll was deleted.', 404);
      }
      const mine: MyPollAnswer = { pollId, answer: stored, answeredAt };
      this.ctx.notifier.mine(boardId, participantId, mine);
      this.ctx.mirror.syncInBackground(boardId, pollId);
      return mine;
    });
  }

  mine(identity: Identity, pollId: string): Promise<MyPollAnswer> {
    requireAnswerer(identity);
    const { boardId, participantId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      await findPoll(this.ctx, room, pollId);
      const stored = await this.ctx.answers.get(boardId, pollId, participantId);
      return { pollId, answer: stored?.answer ?? null, answeredAt: stored?.answeredAt ?? null };
    });
  }

  /** How many answered: anyone on the board may know. */
  count(identity: Identity, pollId: string): Promise<PollCount> {
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      await findPoll(this.ctx, room, pollId);
      return { pollId, answers: (await this.ctx.answers.list(boardId, pollId)).length };
    });
  }

  results(identity: Identity, pollId: string): Promise<PollResultsUpdate> {
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const { poll } = await findPoll(this.ctx, room, pollId);
      if (identity.role !== 'facilitator' && !resultsPublic(poll)) {
        throw new ServiceError(ErrorCode.FORBIDDEN, 'The facilitator has not shown the results yet.', 403);
      }
      return { pollId, results: tally(poll, await this.ctx.answers.answers(boardId, pollId)) };
    });
  }

  /** Facilitators: the open-text answers, anonymous, oldest first, with the idea each became. */
  textAnswers(identity: Identity, pollId: string): Promise<{ answers: PollTextAnswer[] }> {
    requireFacilitator(identity, 'read open-text answers');
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      await findPoll(this.ctx, room, pollId);
      const ideas = ideasMap(room.doc);
      const rows = await this.ctx.answers.list(boardId, pollId);
      const answers: PollTextAnswer[] = [];
      for (const row of rows) {
        if (row.answer.type !== 'text') continue;
        const ideaId = ideaIdForAnswer(row.answerId);
        answers.push({ answerId: row.answerId, text: row.answer.text, answeredAt: row.answeredAt, contributorType: row.contributorType, ideaId: ideas.has(ideaId) ? ideaId : null });
      }
      answers.sort((a, b) => a.answeredAt - b.answeredAt || (a.answerId < b.answerId ? -1 : 1));
      return { answers };
    });
  }
}

/** The idea an open-text answer becomes: one id per answer, so turning it twice adds it once. */
export function ideaIdForAnswer(answerId: string): string {
  return `poll-${answerId}`;
}
