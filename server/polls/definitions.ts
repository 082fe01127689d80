import type * as Y from 'yjs';
import {
  ErrorCode,
  POLL_LIMITS,
  pollsMap,
  randomId,
  readPoll,
  readPolls,
  resultsPublic,
  type Identity,
  type LivePoll,
  type Poll,
  type PollDraftParsed,
  type PollDrafts,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { BoardRoom } from '../realtime/board-room';
import type { PollsContext } from './context';
import { answerShape, fromDraft } from './poll-definition';
import { tally } from './tally';

import { requireFacilitator } from '../core/roles';

export { requireFacilitator };

const notFound = () => new ServiceError(ErrorCode.POLL_NOT_FOUND, 'There is no such poll on this board.', 404);

export function pollOn(doc: Y.Doc, pollId: string): Poll {
  const poll = readPoll(doc, pollId);
  if (!poll) throw notFound();
  return poll;
}

/** A poll of the board wherever it is: published (the document) or a draft (the store). */
export async function findPoll(ctx: PollsContext, room: BoardRoom, pollId: string): Promise<{ poll: Poll; draft: boolean }> {
  const published = readPoll(room.doc, pollId);
  if (published) return { poll: published, draft: false };
  const draft = await ctx.drafts.get(room.boardId, room.doc, pollId);
  if (draft) return { poll: draft, draft: true };
  throw notFound();
}

/**
 * The facilitator's poll commands: create, edit, open, close, reveal, choose the live poll,
 * delete. A draft lives in the store (draft-book.ts) and facilitators hear `poll:drafts`
 * when the drafts change; from its opening on, a poll is in the `polls` root, changed by one
 * server write answered once it is durable, and everyone sees the change arrive through Yjs.
 */
export class PollDefinitions {
  constructor(private readonly ctx: PollsContext) {}

  drafts(identity: Identity): Promise<PollDrafts> {
    requireFacilitator(identity, 'read draft polls');
    return this.ctx.rooms.withRoom(identity.boardId, async (room) => ({ polls: await this.ctx.drafts.list(room.boardId, room.doc) }));
  }

  create(identity: Identity, draft: PollDraftParsed): Promise<Poll> {
    requireFacilitator(identity, 'create polls');
    const { boardId } = identity;
    return this.ctx.locks.run(`${boardId}/new`, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const polls = await this.allPolls(room);
        if (polls.length >= POLL_LIMITS.pollsPerBoard) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A board holds at most ${POLL_LIMITS.pollsPerBoard} polls.`);
        }
        const poll = fromDraft(room.doc, polls, draft, { id: randomId(12), state: 'draft', revealed: false, live: false, createdAt: Date.now(), results: null });
        await this.ctx.drafts.put(boardId, poll);
        await this.announceDrafts(room);
        return poll;
      }),
    );
  }

  /** Replaces the definition; what answers refer to may change only while there are none. */
  update(identity: Identity, pollId: string, draft: PollDraftParsed): Promise<Poll> {
    requireFacilitator(identity, 'edit polls');
    const { boardId } = identity;
    return this.ctx.locks.run(`${boardId}/${pollId}`, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const found = await findPoll(this.ctx, room, pollId);
        if (found.draft) {
          // Nobody answers a draft: every field may change.
          const next = fromDraft(room.doc, await this.allPolls(room), draft, found.poll);
          await this.ctx.drafts.put(boardId, next);
          await this.announceDrafts(room);
          return next;
        }
        const hasAnswers = (await this.ctx.answers.list(boardId, pollId)).length > 0;
        const polls = await this.allPolls(room);
        const poll = await room.writeAsServer((doc) => {
          const current = pollOn(doc, pollId);
          const next = fromDraft(doc, polls, draft, current);
          if (hasAnswers && answerShape(next) !== answerShape(current)) {
            throw new ServiceError(ErrorCode.POLL_HAS_ANSWERS, 'The poll has answers: its type, options and scale cannot change.', 409);
          }
          if (!resultsPublic(next)) next.results = null;
          pollsMap(doc).set(pollId, next);
          return next;
        });
        if (found.poll.resultMode !== poll.resultMode) this.ctx.mirror.syncInBackground(boardId, pollId);
        return poll;
      }),
    );
  }

  open(identity: Identity, pollId: string): Promise<Poll> {
    return this.change(identity, pollId, 'open polls', () => ({ state: 'open' }));
  }

  close(identity: Identity, pollId: string): Promise<Poll> {
    return this.change(identity, pollId, 'close polls', () => ({ state: 'closed' }));
  }

  reveal(identity: Identity, pollId: string, revealed: boolean): Promise<Poll> {
    return this.change(identity, pollId, 'reveal results', (poll) => {
      if (revealed && poll.state === 'draft') {
        throw new ServiceError(ErrorCode.POLL_NOT_OPEN, 'A draft has no results to reveal: open it first.', 409);
      }
      return { revealed };
    });
  }

  /** One live poll at a time: choosing one takes the others off, in the same write. */
  setLive(identity: Identity, pollId: string | null): Promise<LivePoll> {
    requireFacilitator(identity, 'choose the live poll');
    return this.ctx.rooms.withRoom(identity.boardId, async (room) => {
      if (pollId !== null && (await findPoll(this.ctx, room, pollId)).draft) {
        throw new ServiceError(ErrorCode.POLL_NOT_OPEN, 'Open the poll before showing it live.', 409);
      }
      return room.writeAsServer((doc) => {
        if (pollId !== null) pollOn(doc, pollId);
        for (const poll of readPolls(doc)) {
          const live = poll.id === pollId;
          if (poll.live !== live) pollsMap(doc).set(poll.id, { ...poll, live, updatedAt: Date.now() });
        }
        return { livePollId: pollId };
      });
    });
  }

  /** The poll leaves the document (or the drafts); then its answers leave the store. */
  delete(identity: Identity, pollId: string): Promise<{ pollId: string }> {
    requireFacilitator(identity, 'delete polls');
    const { boardId } = identity;
    return this.ctx.locks.run(`${boardId}/${pollId}`, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        if ((await findPoll(this.ctx, room, pollId)).draft) {
          await this.ctx.drafts.remove(boardId, pollId);
          await this.announceDrafts(room);
        } else {
          await room.writeAsServer((doc) => {
            pollOn(doc, pollId);
            pollsMap(doc).delete(pollId);
          });
        }
        await this.ctx.answers.clear(boardId, pollId);
        return { pollId };
      }),
    );
  }

  private change(identity: Identity, pollId: string, what: string, patch: (poll: Poll) => Partial<Poll>): Promise<Poll> {
    requireFacilitator(identity, what);
    const { boardId } = identity;
    return this.ctx.locks.run(`${boardId}/${pollId}`, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const found = await findPoll(this.ctx, room, pollId);
        const answers = await this.ctx.answers.answers(boardId, pollId);
        if (found.draft) {
          const next = { ...found.poll, ...patch(found.poll), updatedAt: Date.now() } as Poll;
          if (next.state === 'draft') {
            await this.ctx.drafts.put(boardId, next);
            await this.announceDrafts(room);
            return next;
          }
        }
        const poll = await room.writeAsServer((doc) => {
          // A draft being opened (or closed unopened) enters the document here, for everyone.
          const current = found.draft ? found.poll : pollOn(doc, pollId);
          const next = { ...current, ...patch(current), updatedAt: Date.now() } as Poll;
          // Hidden again (or never public): the counts leave everyone's copy in the same write.
          next.results = resultsPublic(next) ? tally(next, answers) : null;
          pollsMap(doc).set(pollId, next);
          return next;
        });
        // Published first, then the record goes: a crash between leaves the published poll,
        // which the draft list skips (draft-book.ts).
        if (found.draft) {
          await this.ctx.drafts.remove(boardId, pollId);
          await this.announceDrafts(room);
        }
        // Public now: the recount writes the results in (and tells the room the count).
        this.ctx.mirror.syncInBackground(boardId, pollId);
        return poll;
      }),
    );
  }

  private async allPolls(room: BoardRoom): Promise<Poll[]> {
    return [...readPolls(room.doc), ...(await this.ctx.drafts.list(room.boardId, room.doc))];
  }

  /** Every facilitator's panel hears the drafts as they are now (a board has at most 50 polls). */
  private async announceDrafts(room: BoardRoom): Promise<void> {
    this.ctx.notifier.drafts(room.boardId, { polls: await this.ctx.drafts.list(room.boardId, room.doc) });
  }
}
