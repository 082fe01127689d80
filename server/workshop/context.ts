import type * as Y from 'yjs';
import { readBoardSettings, type BoardSettings } from '../../shared';
import type { Logger } from '../log';
import type { BoardStore } from '../store/board-store';
import type { RoomRegistry } from '../realtime/room-registry';
export { requireFacilitator, requireUnlocked, requireWriter } from '../core/roles';
export { writeWorkshop } from '../boards';
import type { BoardLocks } from '../core/board-locks';
import type { WorkshopNotifier } from './notifier';
import type { ProgressMirror } from './progress';

/** What every workshop capability works with. */
export interface WorkshopContext {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  notifier: WorkshopNotifier;
  locks: BoardLocks;
  /** Told of every change to what the room's progress counts (hidden ideas, votes, the budget). */
  progress: ProgressMirror;
}

export function settingsOf(doc: Y.Doc): BoardSettings {
  const settings = readBoardSettings(doc);
  if (!settings) throw new Error('board settings unreadable');
  return settings;
}
