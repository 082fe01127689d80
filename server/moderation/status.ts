import {
  ideaStatusRecordSchema,
  statusesMap,
  setStatusSchema,
  type IdeaStatusRecord,
  type Identity,
  type SetStatusRequest,
  type StatusChange,
} from '../../shared';
import { actorOf, requireModerator, type ModerationContext } from './context';
import { ideaOnBoard } from './board-ideas';

/**
 * What became of an idea: facilitators set it, everyone sees it with its public rationale,
 * and every change stays in the record's history with who and when.
 */
export class IdeaStatuses {
  constructor(private readonly ctx: ModerationContext) {}

  set(identity: Identity, payload: SetStatusRequest): Promise<IdeaStatusRecord> {
    requireModerator(identity, 'set the status of ideas');
    const request = setStatusSchema.parse(payload);
    const { boardId } = identity;
    return this.ctx.rooms.withRoom(boardId, async (room) => {
      ideaOnBoard(room.doc, request.ideaId);
      const change: StatusChange = {
        status: request.status,
        rationale: request.rationale?.trim() || null,
        at: Date.now(),
        by: actorOf(identity),
      };
      await this.ctx.followUp.prepare({ kind: 'status', boardId, itemId: request.ideaId, at: change.at, status: change.status, rationale: change.rationale });
      // Read and written in one server transaction: concurrent changes each keep their entry,
      // and an idea hidden meanwhile gets no status (it would show its rationale to everyone).
      const written = await room.writeAsServer((doc) => {
        ideaOnBoard(doc, request.ideaId);
        const map = statusesMap(doc);
        const previous = ideaStatusRecordSchema.safeParse(map.get(request.ideaId));
        const next: IdeaStatusRecord = { current: change, history: [...(previous.success ? previous.data.history : []), change] };
        map.set(request.ideaId, next);
        return next;
      });
      this.ctx.followUp.committed();
      return written;
    });
  }
}
