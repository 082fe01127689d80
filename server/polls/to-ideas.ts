import {
  ErrorCode,
  LIMITS,
  ideasMap,
  readBoardSettings,
  type Identity,
  type Idea,
  type PollToIdeasResult,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { positionAtEnd, publishOnce } from '../moderation';
import { ideaIdForAnswer } from './answering';
import type { PollsContext } from './context';
import { findPoll, requireFacilitator } from './definitions';

/**
 * Open-text answers become ideas when the facilitator chooses, through the same rule as an
 * approved contribution (server/moderation/board-ideas.ts publishOnce): the board's idea
 * limit holds, an idea a moderator removed is not written back, and each answer becomes at
 * most one idea (its id comes from the answer). The author is the person who answered, shown
 * anonymously (poll answers are anonymous), so they own the idea as they own their others.
 */
export class PollToIdeas {
  constructor(private readonly ctx: PollsContext) {}

  run(identity: Identity, pollId: string, answerIds: string[]): Promise<PollToIdeasResult> {
    requireFacilitator(identity, 'turn poll answers into ideas');
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const { poll } = await findPoll(this.ctx, room, pollId);
      if (poll.type !== 'text') throw new ServiceError(ErrorCode.POLL_WRONG_TYPE, 'Only open-text answers become ideas.', 409);
      const rows = new Map((await this.ctx.answers.list(boardId, pollId)).map((row) => [row.answerId, row]));
      const wanted = [...new Set(answerIds)];
      const missing = wanted.find((id) => !rows.has(id));
      if (missing !== undefined) throw new ServiceError(ErrorCode.NOT_FOUND, `The poll has no answer "${missing}".`, 404);
      return room.writeAsServer((doc) => {
        const settings = readBoardSettings(doc);
        const questionId = poll.questionId !== null && settings?.questions.some((q) => q.id === poll.questionId) ? poll.questionId : null;
        const beacons = poll.beaconId !== null && settings?.beacons.some((b) => b.id === poll.beaconId) ? [poll.beaconId] : [];
        let published = 0;
        const ideaIds: string[] = [];
        for (const answerId of wanted) {
          const row = rows.get(answerId)!;
          if (row.answer.type !== 'text') continue;
          const now = Date.now();
          const idea: Idea = {
            id: ideaIdForAnswer(answerId),
            text: row.answer.text.slice(0, LIMITS.ideaText),
            authorId: row.participantId,
            authorName: null,
            contributorType: row.contributorType,
            organisation: null,
            createdAt: now,
            updatedAt: now,
            phase: null,
            principle: null,
            track: null,
            beacons,
            questionId,
            position: positionAtEnd(doc),
            clusterId: null,
          };
          // publishOnce refuses a full board (BOARD_FULL) before writing anything more.
          if (publishOnce(doc, idea)) published++;
          if (ideasMap(doc).has(idea.id)) ideaIds.push(idea.id);
        }
        return { ideaIds, published };
      });
    });
  }
}
