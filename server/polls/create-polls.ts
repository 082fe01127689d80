import type { Logger } from '../log';
import type { Broadcast } from '../core/broadcast';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import { BoardLocks } from '../core/board-locks';
import { Records } from '../core/records';
import { PollAnswerBook } from './answer-book';
import { PollAnswering } from './answering';
import type { PollsContext } from './context';
import { PollDefinitions } from './definitions';
import { PollDraftBook } from './draft-book';
import { moveDraftsOut } from './draft-migration';
import { PollNotifier } from './notifier';
import { PollResultsMirror } from './results-mirror';
import { PollToIdeas } from './to-ideas';
import { PollSurvey } from './survey';
import type { AbuseLimits } from '../core/limits';

export interface Polls {
  definitions: PollDefinitions;
  answering: PollAnswering;
  toIdeas: PollToIdeas;
  survey: PollSurvey;
  answers: PollAnswerBook;
  notifier: PollNotifier;
}

/**
 * Polls and surveys (issue 15): drafts in the store's records (facilitators only); opened
 * polls and their public results in the board's `polls` root (server-only); individual
 * answers in the store's records (never sent to another client); live counts as socket.io
 * events. docs/PROTOCOL.md "Polls and surveys".
 */
export function createPolls(deps: {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  limits: AbuseLimits;
  /** socket.io's rooms: answer counts, live results, a person's own answer. */
  broadcast: Broadcast;
}): Polls {
  const answers = new PollAnswerBook(deps.store);
  const notifier = new PollNotifier(deps.broadcast);
  const mirror = new PollResultsMirror({ rooms: deps.rooms, answers, notifier, log: deps.log });
  const drafts = new PollDraftBook(new Records(deps.store));
  deps.rooms.onLoad(async (room) => {
    const moved = await moveDraftsOut(room, drafts, deps.store);
    if (moved > 0) deps.log.info({ boardId: room.boardId, moved }, 'moved draft polls out of the document');
  });
  const ctx: PollsContext = { rooms: deps.rooms, answers, drafts, mirror, notifier, locks: new BoardLocks(), log: deps.log };
  return {
    definitions: new PollDefinitions(ctx),
    answering: new PollAnswering(ctx),
    toIdeas: new PollToIdeas(ctx),
    survey: new PollSurvey(ctx, { store: deps.store, limits: deps.limits }),
    answers,
    notifier,
  };
}
