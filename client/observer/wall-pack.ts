/**
 * Packs the wall's blocks (clusters, groups) into columns of the screen's height, so that a
 * block never loses its heading: a block that fits a column stands whole in one, and one
 * taller than a column goes on in the next with its heading repeated ("… (fortsat)"). The
 * browser's own columns (CSS multi-column) cut a block wherever a column ended, and the
 * column that went on with its notes had no heading: nobody at the back of the room knew
 * which cluster they belonged to. Pure, on measured heights (useWallPacking), so the rules
 * are tested without a browser.
 */

/** One block's heights at the columns' width, in px. */
export interface PackBlock {
  key: string;
  /** The heading with the space under the block (a block has one even without a heading: its gap). */
  head: number;
  /** The repeated heading of a continued piece, with the same space under it. */
  cont: number;
  notes: readonly number[];
}

/** The room of one page of columns. */
export interface PackRoom {
  /** A column's height. */
  height: number;
  /** Columns on a page at this step. */
  perPage: number;
  /** The space under each block, which may stand below a column's last block. */
  gap: number;
}

/** A block's notes [from, to) in one column; `continued`: the block began in an earlier column. */
export interface Piece {
  block: number;
  from: number;
  to: number;
  continued: boolean;
}

export type PackMode = 'own' | 'whole' | 'split';

export interface Packing {
  columns: Piece[][];
  /**
   * How many columns share the wall's width: the step's own count, or fewer when the
   * blocks are fewer (each in its own column, wider, so the wall is filled).
   */
  per: number;
  mode: PackMode;
  /** Whole: the first block of each column. */
  starts: readonly number[];
  /** Split: the height the columns were filled to (evened-out columns are less than full). */
  limit: number;
}

/** The packing shown before, kept while it still fits: whole, the keys of the blocks its columns began with. */
export interface PackHint {
  mode: PackMode;
  starts: readonly string[];
  limit: number;
}

/** A block needs at least its heading and this many notes (or all it has) in a column it starts in. */
const FIRST_NOTES = 2;

const sum = (xs: readonly number[], from = 0, to = xs.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i] as number;
  return s;
};

const wholeHeight = (b: PackBlock): number => b.head + sum(b.notes);

/**
 * Fills columns top to bottom up to `limit` (plus the last block's gap, which may hang below).
 * Without `split` each block stands whole (null when one is taller than the limit); with it, a
 * block taller than a column goes on in the next, and a block that fits a column but not what
 * is left of this one starts the next.
 */
export function fill(blocks: readonly PackBlock[], limit: number, gap: number, split: boolean): Piece[][] | null {
  const room = limit + gap;
  const columns: Piece[][] = [];
  let column: Piece[] = [];
  let used = 0;
  const next = () => {
    if (column.length > 0) columns.push(column);
    column = [];
    used = 0;
  };
  for (let block = 0; block < blocks.length; block++) {
    const b = blocks[block] as PackBlock;
    const whole = wholeHeight(b);
    if (whole <= room) {
      if (used + whole > room) next();
      column.push({ block, from: 0, to: b.notes.length, continued: false });
      used += whole;
      continue;
    }
    if (!split) return null;
    // Taller than a column: it starts in this one only with its heading and first notes.
    if (used + b.head + sum(b.notes, 0, Math.min(FIRST_NOTES, b.notes.length)) > room) next();
    let from = 0;
    let continued = false;
    while (from < b.notes.length) {
      let to = from;
      let height = continued ? b.cont : b.head;
      // At least one note a column, or a note taller than the wall would never be placed.
      while (to < b.notes.length && (to === from || used + height + (b.notes[to] as number) <= room)) height += b.notes[to++] as number;
      column.push({ block, from, to, continued });
      used += height;
      from = to;
      continued = true;
      if (from < b.notes.length) next();
    }
  }
  next();
  return columns;
}

/**
 * The lowest column height (to a pixel) at which the blocks, splittable, fill at most
 * `columns` columns (at `high` they do): columns of even length, not full ones and a short last.
 */
function balancedLimit(blocks: readonly PackBlock[], columns: number, high: number, gap: number): number {
  let lo = 0;
  let hi = Math.ceil(high);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((fill(blocks, mid, gap, true) as Piece[][]).length <= columns) hi = mid;
    else lo = mid + 1;
  }
  return hi;
}

const wholeColumns = (blocks: readonly PackBlock[], starts: readonly number[]): Piece[][] =>
  starts.map((start, c) => {
    const end = starts[c + 1] ?? blocks.length;
    const column: Piece[] = [];
    for (let block = start; block < end; block++) column.push({ block, from: 0, to: (blocks[block] as PackBlock).notes.length, continued: false });
    return column;
  });

/**
 * Whole blocks in exactly `k` columns, in order, the tallest column as short as it can be
 * (a small dynamic programme: a wall has tens of blocks): every column used, none far longer
 * than the others. Returns the first block of each column.
 */
function evenStarts(heights: readonly number[], k: number): number[] {
  const n = heights.length;
  const prefix = [0];
  for (const h of heights) prefix.push((prefix[prefix.length - 1] as number) + h);
  const span = (i: number, j: number) => (prefix[j] as number) - (prefix[i] as number);
  // best[c][j]: the tallest of c columns holding the first j blocks; from[c][j]: where the last begins.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  (best[0] as number[])[0] = 0;
  for (let c = 1; c <= k; c++) {
    for (let j = c; j <= n; j++) {
      for (let i = c - 1; i < j; i++) {
        const tallest = Math.max((best[c - 1] as number[])[i] as number, span(i, j));
        if (tallest < ((best[c] as number[])[j] as number)) {
          (best[c] as number[])[j] = tallest;
          (from[c] as number[])[j] = i;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let c = k, j = n; c > 0; c--) {
    j = (from[c] as number[])[j] as number;
    starts.unshift(j);
  }
  return starts;
}

/**
 * The columns for the blocks, in order, column after column:
 *  - own: no more blocks than a page has columns, each fitting one: a column each, the
 *    columns sharing the wall's width (at least half the step's count of them, so a lone
 *    block does not run across the whole wall);
 *  - whole: every block whole on one page, in as many columns as it has, evened out;
 *  - split: what cannot stand whole on one page fills columns top to bottom, a block taller
 *    than a column going on under its repeated heading (evened out when it fits one page);
 *    columns past a page are the next pages.
 * A hint (the packing shown before) is kept while it still fits and fills the width, so a
 * new idea moves only what comes after it in its column, and only once that column is full.
 */
export function packWall(blocks: readonly PackBlock[], room: PackRoom, hint: PackHint | null = null): Packing {
  const { height, gap } = room;
  const per = Math.max(1, room.perPage);
  const fits = height + gap;
  if (blocks.length === 0) return { columns: [], per, mode: 'own', starts: [], limit: height };
  const heights = blocks.map(wholeHeight);
  if (blocks.length <= per && Math.max(...heights) <= fits) {
    const starts = blocks.map((_, i) => i);
    return { columns: wholeColumns(blocks, starts), per: Math.max(blocks.length, Math.ceil(per / 2)), mode: 'own', starts, limit: height };
  }
  const whole = fill(blocks, height, gap, false);
  if (whole && whole.length <= per) {
    const kept = hint?.mode === 'whole' ? keptStarts(blocks, heights, hint.starts, per, fits) : null;
    const starts = kept ?? evenStarts(heights, per);
    return { columns: wholeColumns(blocks, starts), per, mode: 'whole', starts, limit: height };
  }
  const split = fill(blocks, height, gap, true) as Piece[][];
  if (split.length > per) return { columns: split, per, mode: 'split', starts: [], limit: height };
  if (hint?.mode === 'split' && hint.limit <= height) {
    const columns = fill(blocks, hint.limit, gap, true) as Piece[][];
    if (columns.length === per) return { columns, per, mode: 'split', starts: [], limit: hint.limit };
  }
  const limit = balancedLimit(blocks, per, height, gap);
  return { columns: fill(blocks, limit, gap, true) as Piece[][], per, mode: 'split', starts: [], limit };
}

/** The hint's columns (the keys of the blocks that began them) if they still fit and fill the page. */
function keptStarts(blocks: readonly PackBlock[], heights: readonly number[], keys: readonly string[], per: number, fits: number): number[] | null {
  if (keys.length !== per) return null;
  const starts = keys.map((key) => blocks.findIndex((b) => b.key === key));
  if (starts[0] !== 0 || starts.some((s, i) => i > 0 && s <= (starts[i - 1] as number))) return null;
  for (let c = 0; c < starts.length; c++) {
    let sum = 0;
    for (let b = starts[c] as number; b < (starts[c + 1] ?? blocks.length); b++) sum += heights[b] as number;
    if (sum > fits) return null;
  }
  return starts;
}
