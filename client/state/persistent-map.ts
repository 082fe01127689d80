/**
 * An immutable string-keyed map whose edits cost what they change, not what it holds.
 *
 * The store keeps the board's ideas (and the index's idea homes) as immutable values, so
 * a component can compare by identity and a paused screen can keep an old version. With
 * a plain Map every remote edit copied all 10,000 entries, and every piece of a first sync
 * copied everything received so far (issue 17). Here the entries sit in a fixed three-level
 * trie of 32-slot arrays over a 15-bit hash of the key, with small buckets at the bottom:
 * an edit copies the arrays on its key's path (3 × 32 slots and one bucket) and shares
 * everything else with the version before. A batch copies each array once, however many
 * of its entries it changes, so a piece of k ideas costs O(k).
 *
 * Iteration order is the hash order (stable for a given set of keys), not insertion order.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** A bucket: keys and values alternating, [key0, value0, key1, value1, …]. */
type Bucket = unknown[];
/** Level 0 and 1 hold arrays of the next level; level 2 holds buckets. */
type Node = Array<Node | Bucket | undefined>;

/** FNV-1a, folded so the low 15 bits depend on every character. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}

function bucketIndex(bucket: Bucket, key: string): number {
  for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === key) return i;
  return -1;
}

/** Edits a batch makes: arrays created in this batch are changed in place, the rest copied once. */
export interface MapDraft<V> {
  set(key: string, value: V): void;
  delete(key: string): void;
  get(key: string): V | undefined;
}

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private static readonly none = new PersistentMap<never>(undefined, 0);

  private constructor(
    private readonly root: Node | undefined,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return PersistentMap.none as PersistentMap<V>;
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    return PersistentMap.empty<V>().batch((draft) => {
      for (const [key, value] of entries) draft.set(key, value);
    });
  }

  /** The map itself when it already is one, else a copy (a plain Map set by a test or an old state). */
  static of<V>(map: ReadonlyMap<string, V>): PersistentMap<V> {
    return map instanceof PersistentMap ? (map as PersistentMap<V>) : PersistentMap.from(map);
  }

  get(key: string): V | undefined {
    const bucket = this.bucketOf(key);
    if (!bucket) return undefined;
    const at = bucketIndex(bucket, key);
    return at < 0 ? undefined : (bucket[at + 1] as V);
  }

  has(key: string): boolean {
    const bucket = this.bucketOf(key);
    return bucket !== undefined && bucketIndex(bucket, key) >= 0;
  }

  private bucketOf(key: string): Bucket | undefined {
    const h = hash(key);
    const one = this.root?.[h & MASK] as Node | undefined;
    const two = one?.[(h >>> BITS) & MASK] as Node | undefined;
    return two?.[(h >>> (2 * BITS)) & MASK] as Bucket | undefined;
  }

  /**
   * A new version with the draft's edits; this one is unchanged. Returns this same map when
   * the edits changed nothing (every value set was already there, by identity).
   */
  batch(edit: (draft: MapDraft<V>) => void): PersistentMap<V> {
    const fresh = new Set<unknown[]>();
    const own = <T extends unknown[]>(array: T | undefined): T => {
      if (array && fresh.has(array)) return array;
      const copy = (array ? array.slice() : new Array(WIDTH)) as T;
      fresh.add(copy);
      return copy;
    };
    let root = this.root;
    let size = this.size;
    let changed = false;
    /** The path to a key's bucket, made this batch's own (copied once). */
    const path = (h: number): { two: Node; slot: number } => {
      root = own(root);
      const i0 = h & MASK;
      const one = own(root[i0] as Node | undefined);
      root[i0] = one;
      const i1 = (h >>> BITS) & MASK;
      const two = own(one[i1] as Node | undefined);
      one[i1] = two;
      return { two, slot: (h >>> (2 * BITS)) & MASK };
    };
    const lookup = (key: string): { bucket: Bucket | undefined; at: number; h: number } => {
      const h = hash(key);
      const one = root?.[h & MASK] as Node | undefined;
      const two = one?.[(h >>> BITS) & MASK] as Node | undefined;
      const bucket = two?.[(h >>> (2 * BITS)) & MASK] as Bucket | undefined;
      return { bucket, at: bucket ? bucketIndex(bucket, key) : -1, h };
    };
    edit({
      get: (key) => {
        const { bucket, at } = lookup(key);
        return bucket && at >= 0 ? (bucket[at + 1] as V) : undefined;
      },
      set: (key, value) => {
        const { bucket, at, h } = lookup(key);
        if (bucket && at >= 0 && bucket[at + 1] === value) return;
        const { two, slot } = path(h);
        const next = bucket && fresh.has(bucket) ? bucket : (bucket?.slice() ?? []);
        fresh.add(next);
        if (at >= 0) next[at + 1] = value;
        else {
          next.push(key, value);
          size += 1;
        }
        two[slot] = next;
        changed = true;
      },
      delete: (key) => {
        const { bucket, at, h } = lookup(key);
        if (!bucket || at < 0) return;
        const { two, slot } = path(h);
        const next = fresh.has(bucket) ? bucket : bucket.slice();
        next.splice(at, 2);
        // Emptied arrays stay (as empty slots): a board rarely shrinks much, and reads skip them.
        two[slot] = next.length > 0 ? (fresh.add(next), next) : undefined;
        size -= 1;
        changed = true;
      },
    });
    if (!changed) return this;
    return size === 0 ? PersistentMap.empty() : new PersistentMap(root, size);
  }

  /**
   * Calls `found` with each key whose value differs between this map and `before` (set,
   * changed or removed), in O(what changed): arrays the two versions share are skipped
   * whole, so comparing a version with the one an edit made from it visits one path.
   */
  forEachChangedKey(before: PersistentMap<V>, found: (key: string) => void): void {
    const walk = (now: Node | Bucket | undefined, then: Node | Bucket | undefined, level: number) => {
      if (now === then) return;
      if (level === 3) {
        const a = (now ?? []) as Bucket;
        const b = (then ?? []) as Bucket;
        for (let i = 0; i < a.length; i += 2) {
          const at = bucketIndex(b, a[i] as string);
          if (at < 0 || b[at + 1] !== a[i + 1]) found(a[i] as string);
        }
        for (let i = 0; i < b.length; i += 2) if (bucketIndex(a, b[i] as string) < 0) found(b[i] as string);
        return;
      }
      for (let i = 0; i < WIDTH; i++) walk((now as Node | undefined)?.[i], (then as Node | undefined)?.[i], level + 1);
    };
    walk(this.root, before.root, 0);
  }

  /** This map with `key` set (or removed, when value is undefined). */
  with(key: string, value: V | undefined): PersistentMap<V> {
    return this.batch((draft) => (value === undefined ? draft.delete(key) : draft.set(key, value)));
  }

  *entries(): MapIterator<[string, V]> {
    if (!this.root) return;
    for (const one of this.root) {
      if (!one) continue;
      for (const two of one as Node) {
        if (!two) continue;
        for (const bucket of two as Node) {
          if (!bucket) continue;
          for (let i = 0; i < bucket.length; i += 2) yield [bucket[i] as string, bucket[i + 1] as V];
        }
      }
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
