import { ErrorCode, boardMap, readBoardSettings } from '../../shared';
import type { RoomRegistry } from '../realtime/room-registry';
import { ServiceError } from '../core/errors';
import type { SocketHandlers } from '../core/register';

/** Board settings and the server clock (docs/PROTOCOL.md §11), as command handlers. */
export function boardCommands(rooms: RoomRegistry) {
  return {
    'board:updateSettings': (patch, { identity }) =>
      rooms.withRoom(identity.boardId, async (room) => {
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
      }),
    // Takes no payload: its only argument is the acknowledgement (`{}` before it is accepted too).
    'time:sync': async () => ({ serverTime: Date.now() }),
  } satisfies Partial<SocketHandlers>;
}
