import {
  ErrorCode,
  boardMap,
  insertIdea,
  newRoundRequestSchema,
  originsMap,
  readBoardSettings,
  readIdeas,
  readStatuses,
  type CreateBoardResponse,
  type Identity,
  type IdeaOrigin,
} from '../../shared';
import type { BoardService } from '../boards';
import { ServiceError } from '../core/errors';
import type { RoomRegistry } from '../realtime/room-registry';

/**
 * A new round: the process in the memo is circular, so a facilitator starts the next board
 * from this one with its questions and beacons, carrying the chosen ideas (by default the
 * selected ones), each linked back to where it came from in the new board's `origins` root.
 */
export class Rounds {
  constructor(private readonly deps: { boards: BoardService; rooms: RoomRegistry }) {}

  async start(identity: Identity, body: unknown, publicBase: string): Promise<CreateBoardResponse & { carried: number }> {
    if (identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators start a new round.', 403);
    const parsed = newRoundRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const request = parsed.data;
    const source = await this.deps.rooms.withRoom(identity.boardId, async (room) => {
      const settings = readBoardSettings(room.doc);
      if (!settings) throw new Error('board settings unreadable');
      const statuses = readStatuses(room.doc);
      const wanted = new Set(request.statuses ?? ['selected']);
      const chosen = new Set(request.ideaIds ?? []);
      const ideas = readIdeas(room.doc).filter((idea) =>
        request.ideaIds ? chosen.has(idea.id) : wanted.has(statuses.get(idea.id)?.current.status ?? 'new'),
      );
      return { settings, ideas, statuses };
    });
    const created = await this.deps.boards.createBoard(
      { template: 'blank', title: request.title ?? source.settings.title, description: source.settings.description },
      publicBase,
    );
    await this.deps.rooms.withRoom(created.boardId, (room) =>
      room.writeAsServer((doc) => {
        const board = boardMap(doc);
        board.set('questions', source.settings.questions);
        board.set('beacons', source.settings.beacons);
        board.set('focusQuestionId', source.settings.focusQuestionId);
        const origins = originsMap(doc);
        for (const idea of source.ideas) {
          // Clusters belong to the old board; the idea starts the new round ungrouped.
          insertIdea(doc, { ...idea, clusterId: null });
          const origin: IdeaOrigin = {
            boardId: identity.boardId,
            boardTitle: source.settings.title,
            ideaId: idea.id,
            status: source.statuses.get(idea.id)?.current.status ?? 'new',
          };
          origins.set(idea.id, origin);
        }
      }),
    );
    return { ...created, carried: source.ideas.length };
  }
}
