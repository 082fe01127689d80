import type { Beacon } from '../../shared';

/** The beacon list as the list editor holds it (the editor's "text" is the beacon's name). */
export interface BeaconItem {
  id: string;
  text: string;
}

export type BeaconCheck = { ok: true; beacons: Beacon[] } | { ok: false; problem: 'empty' } | { ok: false; problem: 'duplicate'; name: string };

export function toItems(beacons: readonly Beacon[]): BeaconItem[] {
  return beacons.map((b) => ({ id: b.id, text: b.name }));
}

/**
 * What would be saved, or why it cannot be: every beacon needs a name, and no two may share
 * one, since the overview counts and filters beacons across boards by name.
 */
export function checkBeacons(items: readonly BeaconItem[]): BeaconCheck {
  const beacons = items.map((item) => ({ id: item.id, name: item.text.trim().replace(/\s+/g, ' ') }));
  if (beacons.some((b) => b.name === '')) return { ok: false, problem: 'empty' };
  const seen = new Set<string>();
  for (const beacon of beacons) {
    const key = beacon.name.toLocaleLowerCase('da');
    if (seen.has(key)) return { ok: false, problem: 'duplicate', name: beacon.name };
    seen.add(key);
  }
  return { ok: true, beacons };
}

/** Whether the list differs from what the server keeps (order counts: it is the order boards get). */
export function isDirty(items: readonly BeaconItem[], saved: readonly Beacon[]): boolean {
  if (items.length !== saved.length) return true;
  return items.some((item, i) => item.id !== saved[i]!.id || item.text.trim() !== saved[i]!.name);
}
