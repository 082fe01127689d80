import type { HiddenRemoved, Idea, MyVotes, WorkshopProgress } from '../../shared';
import type { Broadcast } from '../core/broadcast';
import { boardRoom, facilitatorsRoom, participantRoom } from '../core/rooms';


/**
 * Server → client notices of the workshop. Hidden ideas only ever go to the board's
 * facilitators and to their own author: never to other participants or the projector,
 * which hear only how many there are (progress).
 * Built over socket.io's rooms (the io exists before the workshop).
 */
export class WorkshopNotifier {
  constructor(private readonly io: Broadcast) {}

  hiddenAdded(boardId: string, idea: Idea): void {
    this.io.to([facilitatorsRoom(boardId), participantRoom(boardId, idea.authorId)]).emit('ideas:hiddenAdded', { idea });
  }

  hiddenRemoved(boardId: string, removed: HiddenRemoved, authorIds: Iterable<string>): void {
    if (removed.ideaIds.length === 0) return;
    const rooms = [facilitatorsRoom(boardId), ...[...new Set(authorIds)].map((id) => participantRoom(boardId, id))];
    this.io.to(rooms).emit('ideas:hiddenRemoved', removed);
  }

  myVotes(boardId: string, participantId: string, mine: MyVotes): void {
    this.io.to(participantRoom(boardId, participantId)).emit('votes:mine', mine);
  }

  votesRefresh(boardId: string): void {
    this.io.to(boardRoom(boardId)).emit('votes:refresh');
  }

  /** Counts only (no text, id or person), so the whole board may hear them: the projector too. */
  progress(boardId: string, progress: WorkshopProgress): void {
    this.io.to(boardRoom(boardId)).emit('workshop:progress', progress);
  }
}
