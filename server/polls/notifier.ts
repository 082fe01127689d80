import type { MyPollAnswer, PollCount, PollDrafts, PollResultsUpdate } from '../../shared';
import type { Broadcast } from '../core/broadcast';
import { boardRoom, facilitatorsRoom, participantRoom } from '../core/rooms';

/**
 * Server → client notices of polls. The whole board hears how many answered (never what);
 * only facilitators hear the results as they change (others read them in the `polls` root,
 * and only while they are public); a person's own answer goes to their own sockets only;
 * the drafts, which are in no document, go to facilitators only.
 */
export class PollNotifier {
  constructor(private readonly io: Broadcast) {}

  count(boardId: string, count: PollCount): void {
    this.io.to(boardRoom(boardId)).emit('poll:count', count);
  }

  results(boardId: string, update: PollResultsUpdate): void {
    this.io.to(facilitatorsRoom(boardId)).emit('poll:results', update);
  }

  mine(boardId: string, participantId: string, mine: MyPollAnswer): void {
    this.io.to(participantRoom(boardId, participantId)).emit('poll:mine', mine);
  }

  drafts(boardId: string, drafts: PollDrafts): void {
    this.io.to(facilitatorsRoom(boardId)).emit('poll:drafts', drafts);
  }
}
