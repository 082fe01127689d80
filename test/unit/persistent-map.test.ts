import { describe, expect, it } from 'vitest';
import { PersistentMap } from '../../client/state/persistent-map';

/** A reference run: every step applied to a plain Map and to the persistent map. */
function sorted<V>(map: ReadonlyMap<string, V>): Array<[string, V]> {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('the persistent map', () => {
  it('reads what was set, and nothing else', () => {
    const map = PersistentMap.from([
      ['a', 1],
      ['b', 2],
    ]);
    expect(map.get('a')).toBe(1);
    expect(map.has('b')).toBe(true);
    expect(map.get('c')).toBeUndefined();
    expect(map.has('c')).toBe(false);
    expect(map.size).toBe(2);
    expect(sorted(map)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...map.keys()].sort()).toEqual(['a', 'b']);
    expect([...map.values()].sort()).toEqual([1, 2]);
    const seen: string[] = [];
    map.forEach((value, key, self) => {
      expect(self).toBe(map);
      seen.push(`${key}=${value}`);
    });
    expect(seen.sort()).toEqual(['a=1', 'b=2']);
  });

  it('leaves every older version as it was', () => {
    const one = PersistentMap.from([['a', 1]]);
    const two = one.with('b', 2);
    const three = two.with('a', undefined).with('b', 3);
    expect(sorted(one)).toEqual([['a', 1]]);
    expect(sorted(two)).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(sorted(three)).toEqual([['b', 3]]);
    expect(three.size).toBe(1);
  });

  it('returns itself for a batch that changes nothing', () => {
    const value = { n: 1 };
    const map = PersistentMap.from([['a', value]]);
    expect(map.batch((d) => d.set('a', value))).toBe(map);
    expect(map.batch((d) => d.delete('missing'))).toBe(map);
    expect(map.batch(() => undefined)).toBe(map);
    expect(map.with('a', { n: 1 })).not.toBe(map);
  });

  it('sees its own edits within a batch', () => {
    const map = PersistentMap.empty<number>().batch((d) => {
      d.set('x', 1);
      expect(d.get('x')).toBe(1);
      d.set('x', 2);
      d.delete('x');
      expect(d.get('x')).toBeUndefined();
      d.set('y', 3);
    });
    expect(sorted(map)).toEqual([['y', 3]]);
  });

  it('agrees with a Map over thousands of random edits, keys colliding in buckets', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const plain = new Map<string, number>();
    let map = PersistentMap.empty<number>();
    const versions: Array<[PersistentMap<number>, Array<[string, number]>]> = [];
    // 60,000 keys over 32,768 buckets: many buckets hold several.
    for (let step = 0; step < 40; step++) {
      const edits = Array.from({ length: 1 + random(3000) }, () => [`idea-${random(60_000)}`, random(4) === 0 ? null : step] as const);
      map = map.batch((d) => {
        for (const [key, value] of edits) {
          if (value === null) d.delete(key);
          else d.set(key, value);
        }
      });
      for (const [key, value] of edits) {
        if (value === null) plain.delete(key);
        else plain.set(key, value);
      }
      expect(map.size).toBe(plain.size);
      if (step % 8 === 0) versions.push([map, sorted(plain)]);
    }
    expect(sorted(map)).toEqual(sorted(plain));
    for (const key of ['idea-1', 'idea-59999', 'idea-30000', 'nope']) expect(map.get(key)).toBe(plain.get(key));
    for (const [version, expected] of versions) expect(sorted(version)).toEqual(expected);
  });

  it('names exactly the keys whose values differ between two versions', () => {
    const changedKeys = <V>(now: PersistentMap<V>, before: PersistentMap<V>) => {
      const keys: string[] = [];
      now.forEachChangedKey(before, (key) => keys.push(key));
      return keys.sort();
    };
    const expected = <V>(now: ReadonlyMap<string, V>, before: ReadonlyMap<string, V>) =>
      [...new Set([...now.keys(), ...before.keys()])].filter((key) => now.get(key) !== before.get(key) || now.has(key) !== before.has(key)).sort();
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    // 40,000 possible keys: buckets hold several, so a changed bucket also holds unchanged keys.
    let map = PersistentMap.from<number>(Array.from({ length: 20_000 }, (_, i) => [`idea-${i * 2}`, 0] as const));
    const first = map;
    for (let step = 1; step <= 30; step++) {
      const edits = Array.from({ length: 1 + random(step % 3 === 0 ? 2000 : 3) }, () => [`idea-${random(40_000)}`, random(4) === 0 ? null : random(3)] as const);
      const next = map.batch((d) => {
        for (const [key, value] of edits) {
          if (value === null) d.delete(key);
          else d.set(key, value);
        }
      });
      expect(changedKeys(next, map)).toEqual(expected(next, map));
      expect(changedKeys(map, next)).toEqual(expected(map, next));
      map = next;
    }
    expect(changedKeys(map, first)).toEqual(expected(map, first));
    expect(changedKeys(map, map)).toEqual([]);
    expect(changedKeys(map, PersistentMap.empty())).toEqual([...map.keys()].sort());
  });

  it('empties out and fills again', () => {
    const full = PersistentMap.from(Array.from({ length: 100 }, (_, i) => [`k${i}`, i] as const));
    const none = full.batch((d) => {
      for (const key of full.keys()) d.delete(key);
    });
    expect(none.size).toBe(0);
    expect([...none]).toEqual([]);
    expect(none.with('k1', 5).get('k1')).toBe(5);
    expect(full.size).toBe(100);
  });

  it('takes a plain Map as it is, and itself as it is', () => {
    const map = PersistentMap.from([['a', 1]]);
    expect(PersistentMap.of(map)).toBe(map);
    expect(sorted(PersistentMap.of(new Map([['b', 2]])))).toEqual([['b', 2]]);
  });
});
