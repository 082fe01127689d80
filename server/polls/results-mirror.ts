import { Coalescer } from '../core/coalesce';
import { pollsMap, readPoll, resultsPublic, type PollResults } from '../../shared';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { PollAnswerBook } from './answer-book';
import type { PollNotifier } from './notifier';
import { tally } from './tally';

/**
 * Recounts a poll after answers arrive and tells who may know: the count to the board, the
 * results to facilitators, and the results into the `polls` root only while they are
 * public. One recount per poll at a time; answers arriving meanwhile fold into one more run,
 * so 500 phones answering at once cost a handful of recounts, and a stale count can never
 * overwrite a newer one (the same scheme as the vote totals, server/workshop/voting.ts).
 */
export class PollResultsMirror {
  // Keyed board/poll: ids are [A-Za-z0-9_-] (idSchema), so the slash splits them back apart.
  private readonly recounts = new Coalescer((key) => {
    const [boardId = '', pollId = ''] = key.split('/');
    return this.once(boardId, pollId);
  });

  constructor(
    private readonly deps: { rooms: RoomRegistry; answers: PollAnswerBook; notifier: PollNotifier; log: Logger },
  ) {}

  sync(boardId: string, pollId: string): Promise<void> {
    return this.recounts.request(`${boardId}/${pollId}`);
  }

  /** Fire and forget: a failed recount leaves the last count shown until the next answer. */
  syncInBackground(boardId: string, pollId: string): void {
    this.sync(boardId, pollId).catch((error: unknown) => this.deps.log.warn({ err: error, boardId, pollId }, 'could not recount a poll'));
  }

  private once(boardId: string, pollId: string): Promise<void> {
    return this.deps.rooms.withRoom(boardId, async (room) => {
      const poll = readPoll(room.doc, pollId);
      if (!poll) return;
      const results = tally(poll, await this.deps.answers.answers(boardId, pollId));
      this.deps.notifier.count(boardId, { pollId, answers: results.answers });
      this.deps.notifier.results(boardId, { pollId, results });
      await room.writeAsServer((doc) => writeResults(doc, pollId, results));
    });
  }
}

/**
 * Inside a server write: the poll's `results` become `results` when they are public now
 * (decided inside the write, so a hide that landed meanwhile wins), null otherwise.
 */
export function writeResults(doc: Parameters<typeof pollsMap>[0], pollId: string, results: PollResults | null): void {
  const poll = readPoll(doc, pollId);
  if (!poll) return;
  const shown = results !== null && resultsPublic(poll) ? results : null;
  if (JSON.stringify(poll.results) === JSON.stringify(shown)) return;
  pollsMap(doc).set(pollId, { ...poll, results: shown });
}
