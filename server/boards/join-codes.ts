import { boardMap, randomJoinCode, readWorkshop, workshopMap } from '../../shared';
import type { BoardRoom } from '../realtime/board-room';
import type { BoardStore } from '../store/board-store';
import { writeWorkshop } from './workshop-state';

const ATTEMPTS = 20;

/**
 * A fresh join code bound to the board in the store (codes are unique per installation; a
 * collision just draws again). With 25^6 ≈ 244 million codes, 20 draws all colliding would
 * take an installation with hundreds of millions of boards.
 */
export async function claimNewJoinCode(store: BoardStore, boardId: string): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = randomJoinCode();
    if (await store.claimJoinCode(code, boardId)) return code;
  }
  throw new Error('no free join code found');
}

/**
 * Boards made before live workshops have no join code: give them one when they load.
 * (A board being created has no settings yet; createBoard writes its code itself.)
 */
export async function assignMissingJoinCode(room: BoardRoom, store: BoardStore): Promise<void> {
  if (boardMap(room.doc).size === 0 || workshopMap(room.doc).has('joinCode') || readWorkshop(room.doc).joinCode) return;
  const code = await claimNewJoinCode(store, room.boardId);
  await room.writeAsServer((doc) => writeWorkshop(doc, { joinCode: code }));
}
