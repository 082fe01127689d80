import type * as Y from 'yjs';
import {
  ErrorCode,
  readBoardSettings,
  readWorkshop,
  workshopMap,
  type BoardSettings,
  type Identity,
  type WorkshopState,
} from '../../shared';
import type { Logger } from '../log';
import type { BoardStore } from '../store/board-store';
import type { RoomRegistry } from '../realtime/room-registry';
import { ServiceError } from '../core/errors';
import type { BoardLocks } from './board-locks';
import type { WorkshopNotifier } from './notifier';

/** What every workshop capability works with. */
export interface WorkshopContext {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  notifier: WorkshopNotifier;
  locks: BoardLocks;
}

export function requireFacilitator(identity: Identity, what: string): void {
  if (identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, `Only facilitators ${what}.`, 403);
}

/** Participants and facilitators; observers (the projector) write nothing. */
export function requireWriter(identity: Identity): void {
  if (identity.role === 'observer') throw new ServiceError(ErrorCode.READ_ONLY, 'Observers cannot change the board.', 403);
}

export function requireUnlocked(identity: Identity, workshop: WorkshopState): void {
  if (workshop.locked && identity.role !== 'facilitator') {
    throw new ServiceError(ErrorCode.BOARD_LOCKED, 'The facilitator has locked the board.', 403);
  }
}

export function settingsOf(doc: Y.Doc): BoardSettings {
  const settings = readBoardSettings(doc);
  if (!settings) throw new Error('board settings unreadable');
  return settings;
}

/**
 * Writes the changed fields of the workshop state into the `workshop` map (unchanged ones
 * are not rewritten: each write is a new register value sent to every client). Call inside
 * room.writeAsServer, after validating.
 */
export function writeWorkshop(doc: Y.Doc, patch: Partial<WorkshopState>): WorkshopState {
  const map = workshopMap(doc);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (map.has(key) && JSON.stringify(map.get(key)) === JSON.stringify(value)) continue;
    map.set(key, value);
  }
  return readWorkshop(doc);
}
