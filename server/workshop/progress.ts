import type { Idea, QuestionProgress, WorkshopProgress } from '../../shared';
import { Coalescer, pauseOf } from '../core/coalesce';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { Ballot, BoardStore } from '../store/board-store';
import type { WorkshopNotifier } from './notifier';

/** What the mirror reads and whom it tells (the workshop's context holds the mirror itself). */
export interface ProgressDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  notifier: WorkshopNotifier;
}

/**
 * The pause between two counts of one board (per process): at most about two and a half
 * `workshop:progress` messages a second reach the room, however many phones write or vote.
 * Short enough that the projector's count follows the room without looking stuck.
 */
export const PROGRESS_PAUSE_MS = 400;

/**
 * Counts only: how many hidden ideas each question has, how many people voted on it and how
 * many used their whole budget. Nothing else of the hidden ideas or ballots leaves here, so
 * the result may go to every role. A ballot's question is its vote scope ('' for none).
 */
export function countProgress(hidden: readonly Pick<Idea, 'questionId'>[], ballots: readonly Ballot[], votesPerPerson: number): WorkshopProgress {
  const questions = new Map<string, QuestionProgress>();
  const entry = (key: string): QuestionProgress => {
    let found = questions.get(key);
    if (!found) {
      found = { questionId: key === '' ? null : key, hiddenIdeas: 0, voters: 0, votersDone: 0 };
      questions.set(key, found);
    }
    return found;
  };
  for (const idea of hidden) entry(idea.questionId ?? '').hiddenIdeas += 1;
  // Votes used per question and person: a person counts once per question, however many ideas.
  const used = new Map<string, Map<string, number>>();
  for (const ballot of ballots) {
    if (ballot.count <= 0) continue;
    const people = used.get(ballot.scope) ?? new Map<string, number>();
    used.set(ballot.scope, people);
    people.set(ballot.participantId, (people.get(ballot.participantId) ?? 0) + ballot.count);
  }
  for (const [scope, people] of used) {
    const counts = entry(scope);
    counts.voters = people.size;
    // Lowering the budget keeps votes already cast: more than the budget is "all used" too.
    counts.votersDone = [...people.values()].filter((n) => n >= votesPerPerson).length;
  }
  // A stable order (no question first, then by id), so equal counts read as equal messages.
  const sorted = [...questions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { questions: sorted.map(([, counts]) => counts) };
}

/**
 * Tells the whole board how far the room is whenever something counted may have changed:
 * a hidden idea submitted, withdrawn or revealed, a vote cast or retracted, votes reset,
 * merged or given back, the budget changed. Each change only asks for a recount; the
 * Coalescer runs it at once and then at most once per PROGRESS_PAUSE_MS per board, reading
 * the store afresh every time (the counts are derived, never stored, so both stores, several
 * processes and restarts need nothing more). A client that (re)connects asks with the
 * `workshop:progress` command.
 */
export class ProgressMirror {
  private readonly coalescer: Coalescer;

  constructor(
    private readonly ctx: ProgressDeps,
    pause: () => Promise<void> = pauseOf(PROGRESS_PAUSE_MS),
  ) {
    this.coalescer = new Coalescer((boardId) => this.send(boardId), pause);
  }

  /** Something counted may have changed on the board. */
  changed(boardId: string): void {
    // send reports its own failures: nothing to catch here.
    void this.coalescer.request(boardId);
  }

  count(boardId: string): Promise<WorkshopProgress> {
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      const { votesPerPerson } = room.workshop().voting;
      const [hidden, ballots] = await Promise.all([this.ctx.store.listHiddenIdeas(boardId), this.ctx.store.listVotes(boardId)]);
      return countProgress(hidden, ballots, votesPerPerson);
    });
  }

  private async send(boardId: string): Promise<void> {
    try {
      this.ctx.notifier.progress(boardId, await this.count(boardId));
    } catch (error) {
      // The next change counts again, and a client asks again when it reconnects.
      this.ctx.log.warn({ err: error, boardId }, 'could not count the room\u2019s progress');
    }
  }
}
