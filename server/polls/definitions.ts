import type * as Y from 'yjs';
import {
  ErrorCode,
  POLL_LIMITS,
  pollSchema,
  pollsMap,
  randomId,
  readBoardSettings,
  readPoll,
  readPolls,
  resultsPublic,
  type Identity,
  type LivePoll,
  type Poll,
  type PollDraftParsed,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { PollsContext } from './context';
import { tally } from './tally';

import { requireFacilitator } from '../core/roles';

export { requireFacilitator };

export function pollOn(doc: Y.Doc, pollId: string): Poll {
  const poll = readPoll(doc, pollId);
  if (!poll) throw new ServiceError(ErrorCode.POLL_NOT_FOUND, 'There is no such poll on this board.', 404);
  return poll;
}

/** What stored answers depend on: an edit may change labels and wording, never this. */
function answerShape(poll: Poll | PollDraftParsed): string {
  switch (poll.type) {
    case 'single':
    case 'ranking':
      return JSON.stringify([poll.type, poll.options.map((o) => o.id)]);
    case 'multiple':
      return JSON.stringify([poll.type, poll.options.map((o) => o.id), poll.maxChoices]);
    case 'scale':
      return JSON.stringify([poll.type, poll.scaleMax]);
    case 'wordcloud':
      return JSON.stringify([poll.type, poll.maxWords]);
    case 'text':
      return JSON.stringify([poll.type]);
  }
}

/** The draft as a poll: option ids kept or made, references checked against the board. */
function fromDraft(doc: Y.Doc, draft: PollDraftParsed, base: Pick<Poll, 'id' | 'state' | 'revealed' | 'live' | 'createdAt' | 'results'>): Poll {
  const settings = readBoardSettings(doc);
  if (draft.inCall && readPolls(doc).filter((p) => p.inCall && p.id !== base.id).length >= POLL_LIMITS.surveyQuestions) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A public call asks at most ${POLL_LIMITS.surveyQuestions} survey questions.`);
  }
  if (draft.questionId !== null && !settings?.questions.some((q) => q.id === draft.questionId)) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'questionId: not one of the board\u2019s questions.');
  }
  if (draft.beaconId !== null && !settings?.beacons.some((b) => b.id === draft.beaconId)) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'beaconId: not one of the board\u2019s beacons.');
  }
  const withIds = (options: Array<{ id?: string | undefined; label: string }>) => {
    const out = options.map((o) => ({ id: o.id ?? `o${randomId(7)}`, label: o.label }));
    if (new Set(out.map((o) => o.id)).size !== out.length) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'options: two options have the same id.');
    }
    return out;
  };
  const common = {
    // Only these fields carry over from the poll being edited (not its old type's fields).
    id: base.id,
    state: base.state,
    revealed: base.revealed,
    live: base.live,
    createdAt: base.createdAt,
    results: base.results,
    question: draft.question,
    questionId: draft.questionId,
    beaconId: draft.beaconId,
    resultMode: draft.resultMode,
    inCall: draft.inCall,
    updatedAt: Date.now(),
  };
  let poll: unknown;
  switch (draft.type) {
    case 'single':
    case 'ranking':
      poll = { ...common, type: draft.type, options: withIds(draft.options) };
      break;
    case 'multiple':
      if (draft.maxChoices !== null && draft.maxChoices > draft.options.length) {
        throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'maxChoices: more than there are options.');
      }
      poll = { ...common, type: draft.type, options: withIds(draft.options), maxChoices: draft.maxChoices };
      break;
    case 'scale':
      poll = { ...common, type: draft.type, scaleMax: draft.scaleMax, minLabel: draft.minLabel, maxLabel: draft.maxLabel };
      break;
    case 'wordcloud':
      poll = { ...common, type: draft.type, maxWords: draft.maxWords };
      break;
    case 'text':
      poll = { ...common, type: draft.type };
      break;
  }
  return pollSchema.parse(poll);
}

/**
 * The facilitator's poll commands whose effect is the `polls` root: create, edit, open,
 * close, reveal, choose the live poll, delete. Each is one server write, answered once it
 * is durable; everyone sees the change arrive through Yjs.
 */
export class PollDefinitions {
  constructor(private readonly ctx: PollsContext) {}

  create(identity: Identity, draft: PollDraftParsed): Promise<Poll> {
    requireFacilitator(identity, 'create polls');
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => {
        if (pollsMap(doc).size >= POLL_LIMITS.pollsPerBoard) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A board holds at most ${POLL_LIMITS.pollsPerBoard} polls.`);
        }
        const now = Date.now();
        const poll = fromDraft(doc, draft, { id: randomId(12), state: 'draft', revealed: false, live: false, createdAt: now, results: null });
        pollsMap(doc).set(poll.id, poll);
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
        const before = pollOn(room.doc, pollId);
        const hasAnswers = (await this.ctx.answers.list(boardId, pollId)).length > 0;
        const poll = await room.writeAsServer((doc) => {
          const current = pollOn(doc, pollId);
          const next = fromDraft(doc, draft, current);
          if (hasAnswers && answerShape(next) !== answerShape(current)) {
            throw new ServiceError(ErrorCode.POLL_HAS_ANSWERS, 'The poll has answers: its type, options and scale cannot change.', 409);
          }
          if (!resultsPublic(next)) next.results = null;
          pollsMap(doc).set(pollId, next);
          return next;
        });
        if (before.resultMode !== poll.resultMode) this.ctx.mirror.syncInBackground(boardId, pollId);
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
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => {
        if (pollId !== null && pollOn(doc, pollId).state === 'draft') {
          throw new ServiceError(ErrorCode.POLL_NOT_OPEN, 'Open the poll before showing it live.', 409);
        }
        for (const poll of readPolls(doc)) {
          const live = poll.id === pollId;
          if (poll.live !== live) pollsMap(doc).set(poll.id, { ...poll, live, updatedAt: Date.now() });
        }
        return { livePollId: pollId };
      }),
    );
  }

  /** The poll leaves the document; then its answers leave the store. */
  delete(identity: Identity, pollId: string): Promise<{ pollId: string }> {
    requireFacilitator(identity, 'delete polls');
    const { boardId } = identity;
    return this.ctx.locks.run(`${boardId}/${pollId}`, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        await room.writeAsServer((doc) => {
          pollOn(doc, pollId);
          pollsMap(doc).delete(pollId);
        });
        await this.ctx.answers.clear(boardId, pollId);
        return { pollId };
      }),
    );
  }

  private change(identity: Identity, pollId: string, what: string, patch: (poll: Poll) => Partial<Poll>): Promise<Poll> {
    requireFacilitator(identity, what);
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      pollOn(room.doc, pollId);
      const answers = await this.ctx.answers.answers(boardId, pollId);
      const poll = await room.writeAsServer((doc) => {
        const current = pollOn(doc, pollId);
        const next = { ...current, ...patch(current), updatedAt: Date.now() } as Poll;
        // Hidden again (or never public): the counts leave everyone's copy in the same write.
        next.results = resultsPublic(next) ? tally(next, answers) : null;
        pollsMap(doc).set(pollId, next);
        return next;
      });
      // Public now: the recount writes the results in (and tells the room the count).
      this.ctx.mirror.syncInBackground(boardId, pollId);
      return poll;
    });
  }
}
