import { describe, expect, it } from 'vitest';
import { PACKED_NOTES, START, nextDensity } from '../../client/observer/wall-density';
import { packWall, type PackBlock, type Packing, type PackRoom } from '../../client/observer/wall-pack';

/** A block of `n` notes of `note` px under a heading of `head` px (its gap included). */
const block = (key: string, n: number, note = 100, head = 60): PackBlock => ({ key, head, cont: 40, notes: Array<number>(n).fill(note) });

const ROOM: PackRoom = { height: 800, perPage: 4, gap: 16 };

/** Each column's height as packed, with the space under its last block left hanging. */
const columnHeights = (blocks: readonly PackBlock[], packing: Packing): number[] =>
  packing.columns.map((column) =>
    column.reduce((h, p) => {
      const b = blocks[p.block]!;
      return h + (p.continued ? b.cont : b.head) + b.notes.slice(p.from, p.to).reduce((a, x) => a + x, 0);
    }, 0),
  );

/** Every note of every block exactly once, in order, column after column. */
function expectAllInOrder(blocks: readonly PackBlock[], packing: Packing): void {
  const seen = packing.columns.flat().flatMap((p) => Array.from({ length: p.to - p.from }, (_, i) => `${p.block}:${p.from + i}`));
  expect(seen).toEqual(blocks.flatMap((b, bi) => b.notes.map((_, i) => `${bi}:${i}`)));
}

/** Each column starts with a heading: its block's own, or its block's repeated one where the block began before. */
function expectHeadedColumns(packing: Packing): void {
  const begun = new Set<number>();
  for (const column of packing.columns) {
    for (const piece of column) {
      expect(piece.continued).toBe(begun.has(piece.block));
      begun.add(piece.block);
    }
  }
}

describe('packing the wall’s clusters into columns', () => {
  it('gives each of a few clusters a column of its own, the columns sharing the wall', () => {
    const blocks = [block('a', 3), block('b', 3), block('c', 4)];
    const packing = packWall(blocks, ROOM);
    expect(packing.mode).toBe('own');
    expect(packing.columns.map((c) => c.map((p) => p.block))).toEqual([[0], [1], [2]]);
    // Three columns across a wall that has room for four: they widen to fill it.
    expect(packing.per).toBe(3);
    // A lone cluster takes half the wall at most, not a line across all of it.
    expect(packWall([block('a', 2)], ROOM).per).toBe(2);
  });

  it('keeps every cluster that fits a column whole, over the page’s columns, evened out', () => {
    const blocks = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => block(k, 2 + (i % 3)));
    const packing = packWall(blocks, ROOM);
    expect(packing.mode).toBe('whole');
    expect(packing.columns).toHaveLength(ROOM.perPage);
    for (const piece of packing.columns.flat()) expect([piece.from, piece.to, piece.continued]).toEqual([0, blocks[piece.block]!.notes.length, false]);
    for (const h of columnHeights(blocks, packing)) expect(h).toBeLessThanOrEqual(ROOM.height + ROOM.gap);
    // Evened out: a tall block and four short ones do not leave columns empty.
    const uneven = [block('big', 7), block('s1', 1), block('s2', 1), block('s3', 1), block('s4', 1)];
    expect(packWall(uneven, ROOM).columns).toHaveLength(ROOM.perPage);
    expectAllInOrder(blocks, packing);
  });

  it('goes on with a cluster taller than a column under its repeated heading, never leaving a column without one', () => {
    const blocks = [block('a', 12), block('b', 9), block('c', 3), block('d', 14)];
    const packing = packWall(blocks, ROOM);
    expect(packing.mode).toBe('split');
    expect(packing.columns.length).toBeGreaterThan(ROOM.perPage); // the rest on the next page
    expectHeadedColumns(packing);
    expectAllInOrder(blocks, packing);
    // A cluster that fits a column is not cut, even where it goes to the next column to stay whole.
    const c = packing.columns.flat().filter((p) => p.block === 2);
    expect(c).toEqual([{ block: 2, from: 0, to: 3, continued: false }]);
    for (const h of columnHeights(blocks, packing)) expect(h).toBeLessThanOrEqual(ROOM.height + ROOM.gap);
    // A cluster never starts at a column's foot with its heading and a single note.
    for (const column of packing.columns) {
      const last = column[column.length - 1]!;
      if (column.length > 1 && !last.continued && last.to < blocks[last.block]!.notes.length) expect(last.to - last.from).toBeGreaterThanOrEqual(2);
    }
  });

  it('evens out the columns when the split clusters fit one page', () => {
    const blocks = [block('a', 10), block('b', 10)];
    const packing = packWall(blocks, ROOM);
    expect(packing.columns).toHaveLength(ROOM.perPage);
    const heights = columnHeights(blocks, packing);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(2 * 100);
    expectHeadedColumns(packing);
  });

  it('places every note of any wall once, in order, under a heading at each column’s top', () => {
    let seed = 11;
    const random = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % k;
    };
    for (let round = 0; round < 200; round++) {
      const blocks = Array.from({ length: 1 + random(12) }, (_, i) => ({
        key: `k${i}`,
        head: 40 + random(60),
        cont: 30 + random(30),
        notes: Array.from({ length: random(25) }, () => 50 + random(150)),
      }));
      const room = { height: 300 + random(900), perPage: 1 + random(7), gap: random(20) };
      const packing = packWall(blocks, room);
      expectAllInOrder(blocks, packing);
      expectHeadedColumns(packing);
      expect(packing.per).toBeLessThanOrEqual(room.perPage);
    }
  });

  it('keeps its columns as ideas arrive, while they fit: nothing before the new idea moves', () => {
    let blocks = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => block(k, 2));
    let packing = packWall(blocks, ROOM);
    const hint = () => ({ mode: packing.mode, limit: packing.limit, starts: packing.starts.map((i) => blocks[i]!.key) });
    const first = packing.starts;
    // One more idea in the third cluster: packed afresh, the columns would even out otherwise (and
    // move the second cluster); the columns shown stay, and the idea only lengthens its own.
    blocks = blocks.map((b, i) => (i === 2 ? block(b.key, 3) : b));
    expect(packWall(blocks, ROOM).starts).not.toEqual(first);
    packing = packWall(blocks, ROOM, hint());
    expect(packing.starts).toEqual(first);
    // Until a column is over full: then the wall is packed anew.
    blocks = blocks.map((b, i) => (i === 2 ? block(b.key, 6) : b));
    packing = packWall(blocks, ROOM, hint());
    expect(packing.starts).not.toEqual(first);
    for (const h of columnHeights(blocks, packing)) expect(h).toBeLessThanOrEqual(ROOM.height + ROOM.gap);
  });
});

describe('the density of a wall of clusters', () => {
  it('keeps the largest type by what fits, not by a count: ten or twenty ideas stay large until they overflow', () => {
    const step = (count: number, overflows = false) => nextDensity(START, { count, overflows, screen: '1920x1080' }, PACKED_NOTES).density;
    expect(step(10)).toBe('large');
    expect(step(PACKED_NOTES.large)).toBe('large');
    expect(step(PACKED_NOTES.large, true)).toBe('medium');
    // A full wall (a screen joining a board of hundreds) still goes straight to the last step.
    expect(step(120)).toBe('densest');
  });
});
