import { describe, expect, it } from 'vitest';
import { comparePositions, positionBetween } from '../../shared/model/position';
import { LIMITS } from '../../shared';

/** A tiny seeded PRNG so a failing fuzz run can be repeated. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function expectBetween(a: string | null, b: string | null): string {
  const key = positionBetween(a, b);
  if (a !== null) expect(key > a, `${key} > ${a}`).toBe(true);
  if (b !== null) expect(key < b, `${key} < ${b}`).toBe(true);
  return key;
}

describe('positionBetween', () => {
  it('gives a first key and keys on either side of it', () => {
    const first = positionBetween(null, null);
    expect(first.length).toBeGreaterThan(0);
    expectBetween(first, null);
    expectBetween(null, first);
  });

  it('keeps appends short: a thousand appends stay within three characters', () => {
    let last: string | null = null;
    for (let i = 0; i < 1000; i++) last = expectBetween(last, null);
    expect(last!.length).toBeLessThanOrEqual(3);
  });

  it('keeps prepends short too', () => {
    let first: string | null = null;
    for (let i = 0; i < 1000; i++) first = expectBetween(null, first);
    expect(first!.length).toBeLessThanOrEqual(3);
  });

  it('stays within LIMITS.position for a hundred insertions at the same spot', () => {
    const a = positionBetween(null, null);
    let b = positionBetween(a, null);
    for (let i = 0; i < 100; i++) b = expectBetween(a, b);
    expect(b.length).toBeLessThanOrEqual(LIMITS.position);
    let c = a;
    const d = positionBetween(a, null);
    for (let i = 0; i < 100; i++) c = expectBetween(c, d);
    expect(c.length).toBeLessThanOrEqual(LIMITS.position);
  });

  it('orders a list built by random insertions (fuzz)', () => {
    const rand = prng(42);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(rand() * (keys.length + 1));
      const key = expectBetween(keys[at - 1] ?? null, keys[at] ?? null);
      keys.splice(at, 0, key);
    }
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(LIMITS.position);
  });

  it('never throws on equal or inverted neighbours (concurrent appends) and goes after a', () => {
    const a = positionBetween(null, null);
    expect(positionBetween(a, a) > a).toBe(true);
    const b = positionBetween(a, null);
    expect(positionBetween(b, a) > b).toBe(true);
  });

  it('copes with positions that are not keys of this scheme', () => {
    expectBetween('zzz-foreign', null);
    expectBetween('1', '3');
    expectBetween(null, '5');
    expectBetween('a0', 'b-x');
  });
});

describe('comparePositions', () => {
  it('sorts by position, then id, with code-unit (not locale) order', () => {
    const items = [
      { id: 'b', position: 'a1' },
      { id: 'a', position: 'a1' },
      { id: 'c', position: 'Zz' },
      { id: 'd', position: 'a0V' },
    ];
    expect([...items].sort(comparePositions).map((i) => i.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});
