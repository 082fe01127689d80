import {
  ErrorCode,
  boardMap,
  boardSettingsPatchSchema,
  readBoardSettings,
  type BoardSettings,
} from '../../shared';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import { ServiceError } from '../core/errors';
import { bare, command } from './command';
import type { SamskabSocket } from '../core/socket-types';

export function registerBoardCommands(socket: SamskabSocket, deps: { log: Logger; rooms: RoomRegistry }): void {
  const { log, rooms } = deps;
  const { identity } = socket.data;

  socket.on(
    'board:updateSettings',
    command(log, boardSettingsPatchSchema, async (patch): Promise<BoardSettings> => {
      if (identity.role !== 'facilitator') {
        throw new ServiceError(ErrorCode.FORBIDDEN, 'Only facilitators change board settings.', 403);
      }
      return rooms.withRoom(identity.boardId, async (room) => {
        const current = readBoardSettings(room.doc);
        const questions = patch.questions ?? current?.questions ?? [];
        let focus = patch.focusQuestionId !== undefined ? patch.focusQuestionId : (current?.focusQuestionId ?? null);
        if (focus !== null && !questions.some((q) => q.id === focus)) {
          if (patch.focusQuestionId !== undefined) {
            throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'The focus question must be one of the board\u2019s questions.');
          }
          focus = questions[0]?.id ?? null; // the focused question was removed
        }
        for (const list of [patch.questions, patch.beacons]) {
          if (list && new Set(list.map((entry) => entry.id)).size !== list.length) {
            throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Ids must be unique.');
          }
        }
        await room.writeAsServer((doc) => {
          const map = boardMap(doc);
          for (const [key, value] of Object.entries(patch)) if (value !== undefined) map.set(key, value);
          if (focus !== map.get('focusQuestionId')) map.set('focusQuestionId', focus);
        });
        const next = readBoardSettings(room.doc);
        if (!next) throw new Error('board settings unreadable after update');
        return next;
      });
    }),
  );

  // time:sync takes no payload: its only argument is the acknowledgement (`{}` before it is accepted too).
  socket.on('time:sync', bare(log, async () => ({ serverTime: Date.now() })));
}
