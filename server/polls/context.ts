import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardLocks } from '../core/board-locks';
import type { PollAnswerBook } from './answer-book';
import type { PollDraftBook } from './draft-book';
import type { PollNotifier } from './notifier';
import type { PollResultsMirror } from './results-mirror';

/** What every poll capability works with. */
export interface PollsContext {
  rooms: RoomRegistry;
  answers: PollAnswerBook;
  /** Polls not opened yet: in the store, never in the document. */
  drafts: PollDraftBook;
  mirror: PollResultsMirror;
  notifier: PollNotifier;
  /** Per poll (`<boardId>/<pollId>`): edits and deletes do not interleave in one process. */
  locks: BoardLocks;
  log: Logger;
}
