import * as Y from 'yjs';

/**
 * Whether a new map entry, integrated by Yjs, would become its key's newest entry — and so
 * delete the live value `current`. Replays Yjs's conflict resolution (Item.integrate) for
 * map entries, which never have a right origin, over the server's entries for that key,
 * read-only. `entry` must have an origin the server holds, or none.
 *
 * Used for tombstones (entries that arrive already deleted): one that loses to a concurrent
 * write is harmless and common (an offline edit that someone else's later edit overrode),
 * one that wins removes the value and must be judged as a removal.
 */
export function mapEntrySupersedes(entry: Y.Item, current: Y.Item, serverItem: (id: Y.ID) => Y.Item | null): boolean {
  let left: Y.Item | null = entry.origin ? serverItem(entry.origin) : null;
  let leftmost: Y.Item = current;
  while (leftmost.left) leftmost = leftmost.left;
  let o: Y.Item | null = left ? left.right : leftmost;
  const conflicting = new Set<Y.Item>();
  const beforeOrigin = new Set<Y.Item>();
  while (o !== null) {
    beforeOrigin.add(o);
    conflicting.add(o);
    const oOrigin = o.origin ? serverItem(o.origin) : null;
    if (sameId(entry.origin, o.origin)) {
      if (o.id.client < entry.id.client) {
        left = o;
        conflicting.clear();
      } else break;
    } else if (oOrigin && beforeOrigin.has(oOrigin)) {
      if (!conflicting.has(oOrigin)) {
        left = o;
        conflicting.clear();
      }
    } else break;
    o = o.right;
  }
  return left !== null && left.right === null;
}

function sameId(a: Y.ID | null, b: Y.ID | null): boolean {
  return a === b || (a !== null && b !== null && Y.compareIDs(a, b));
}
