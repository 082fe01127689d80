import type { BoardService } from '../boards';
import type { Logger } from '../log';
import { Records } from '../core/records';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import { Coordinator } from './coordinator';
import { OverviewService } from './overview';
import { Rounds } from './rounds';

export interface Installation {
  coordinator: Coordinator;
  overview: OverviewService;
  rounds: Rounds;
}

/**
 * What spans boards (issue 5): the coordinator role and its overview, the installation's
 * beacons, and new rounds started from a board.
 */
export async function createInstallation(deps: {
  store: BoardStore;
  rooms: RoomRegistry;
  boards: BoardService;
  log: Logger;
  coordinatorToken: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
}): Promise<Installation> {
  const records = new Records(deps.store);
  const coordinator = new Coordinator(records, deps.log, {
    envToken: deps.coordinatorToken,
    dataDir: deps.dataDir,
    publicUrl: deps.publicUrl,
  });
  await coordinator.ensure();
  deps.boards.useDefaultBeacons(() => coordinator.beacons());
  const overview = new OverviewService({ records, rooms: deps.rooms, store: deps.store });
  // Every board that loads is indexed, so boards from before the index appear once opened.
  deps.rooms.onLoad((room) => overview.index(room.boardId));
  return { coordinator, overview, rounds: new Rounds(deps) };
}
