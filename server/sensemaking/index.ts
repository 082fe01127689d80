import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import type { Moderation } from '../moderation';
import type { AbuseLimits } from '../core/limits';
import type { TextEmbedder } from './embedder';
import { Sensemaking } from './service';

export { Sensemaking } from './service';
export type { TextEmbedder } from './embedder';

/**
 * Sensemaking (issue 14): similar ideas, duplicates and themes, computed in this process
 * (themes on a worker thread), with no network call and no model download. Boards are
 * indexed as they load.
 */
export function createSensemaking(deps: {
  store: BoardStore;
  rooms: RoomRegistry;
  moderation: Pick<Moderation, 'calls'>;
  limits: AbuseLimits;
  /** Every board of the installation (the coordinator's themes across boards). */
  listBoards: () => Promise<string[]>;
  embedder?: TextEmbedder | null;
}): Sensemaking {
  const sensemaking = new Sensemaking({
    store: deps.store,
    withBoardDoc: (boardId, use) => deps.rooms.withRoom(boardId, (room) => use(room.doc)),
    withCallDoc: (callId, use) => deps.moderation.calls.withCall(callId, (_call, room) => use(room.doc)),
    listBoards: deps.listBoards,
    limitCallSimilar: (ip) => deps.limits.consume('callSimilarPerIp', ip),
    embedder: deps.embedder ?? null,
  });
  deps.rooms.onLoad((room) => {
    sensemaking.attach(room.doc);
  });
  return sensemaking;
}
