import {
  ErrorCode,
  LIMITS,
  ideasMap,
  initiativeSchema,
  initiativesMap,
  randomId,
  readBoardSettings,
  saveInitiativeSchema,
  type Identity,
  type Initiative,
  type SaveInitiativeRequest,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { actorOf, requireModerator, type ModerationContext } from './context';

/**
 * Initiatives that ideas led to. Public (participants see what became of their idea), so
 * they live in the document's `initiatives` root, written by the server only.
 */
export class Initiatives {
  constructor(private readonly ctx: ModerationContext) {}

  save(identity: Identity, payload: SaveInitiativeRequest): Promise<Initiative> {
    requireModerator(identity, 'record initiatives');
    const { id, fields } = saveInitiativeSchema.parse(payload);
    return this.ctx.rooms.withRoom(identity.boardId, async (room) => {
      const settings = readBoardSettings(room.doc);
      if (fields.beacons.some((b) => !settings?.beacons.some((beacon) => beacon.id === b))) {
        throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'An initiative may only name the board\u2019s beacons.');
      }
      const ideas = ideasMap(room.doc);
      const missing = fields.ideaIds.filter((ideaId) => !ideas.has(ideaId));
      if (missing.length > 0) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, `No such idea on the board: ${missing.join(', ')}.`, 404);
      // The id is chosen before the write so the contributors' mails can be queued first.
      const initiativeId = id ?? randomId(12);
      const before = id ? initiativeSchema.safeParse(initiativesMap(room.doc).get(id)) : null;
      const had = new Set(before?.success ? before.data.ideaIds : []);
      for (const ideaId of new Set(fields.ideaIds)) {
        if (!had.has(ideaId)) await this.ctx.followUp.prepare({ kind: 'initiative', boardId: identity.boardId, itemId: ideaId, initiativeId, title: fields.title });
      }
      const saved = await room.writeAsServer((doc) => {
        const map = initiativesMap(doc);
        const existing = id ? initiativeSchema.safeParse(map.get(id)) : null;
        if (id && !existing?.success) throw new ServiceError(ErrorCode.NOT_FOUND, 'There is no such initiative.', 404);
        if (!id && map.size >= LIMITS.initiativesPerBoard) {
          throw new ServiceError(ErrorCode.BOARD_FULL, `A board holds at most ${LIMITS.initiativesPerBoard} initiatives.`, 409);
        }
        const now = Date.now();
        const initiative: Initiative = {
          ...fields,
          responsibleUnit: fields.responsibleUnit || null,
          ideaIds: [...new Set(fields.ideaIds)],
          id: initiativeId,
          createdAt: existing?.success ? existing.data.createdAt : now,
          updatedAt: now,
          updatedBy: actorOf(identity),
        };
        map.set(initiative.id, initiative);
        return initiative;
      });
      this.ctx.followUp.committed();
      return saved;
    });
  }

  delete(identity: Identity, initiativeId: string): Promise<{ initiativeId: string }> {
    requireModerator(identity, 'remove initiatives');
    return this.ctx.rooms.withRoom(identity.boardId, async (room) => {
      if (!initiativesMap(room.doc).has(initiativeId)) throw new ServiceError(ErrorCode.NOT_FOUND, 'There is no such initiative.', 404);
      await room.writeAsServer((doc) => initiativesMap(doc).delete(initiativeId));
      return { initiativeId };
    });
  }
}
