import type * as Y from 'yjs';
import { readWorkshop, workshopMap, type WorkshopState } from '../../shared';

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
