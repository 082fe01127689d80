import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { inRows, LAST, MOST_NOTES, nextDensity, PACKED_NOTES, START, type Density } from './wall-density';

/** A short settling fade when the wall re-lays itself out at a new step (none for reduced motion). */
const SETTLE = { duration: 500, easing: 'ease-out' } as const;

const screenSize = (): string => `${window.innerWidth}x${window.innerHeight}`;

/** The note columns of the wall's grid at a step in rows (wall.css); 1 where it has none. */
function gridTracks(el: HTMLElement): number {
  const template = getComputedStyle(el).gridTemplateColumns;
  return template && template !== 'none' ? Math.max(1, template.trim().split(/\s+/).length) : 1;
}

export interface WallLayout {
  density: Density;
  /**
   * At a step in rows (large, medium): how many note columns the wall has. A block of few
   * ideas spans as many as it has notes, so small groups stand side by side in a row instead
   * of each taking a whole row (a board with one idea in each of nine groups used to go
   * straight to the dense step); a larger block spans the row. 1 in columns.
   */
  tracks: number;
  /** Whether the blocks are packed into columns (useWallPacking) at this step. */
  packed: boolean;
  /** The packed wall's own report, once laid out from measured heights: whether it overflows a page. */
  report: (overflows: boolean) => void;
}

/**
 * Where the wall packs its blocks into columns (wall-pack.ts) instead of laying them out in
 * CSS: 'all', at every step (a wall of clusters: they stand in columns, each under its
 * heading, from the first idea); 'columns', at the column steps only (groups stand side by
 * side in rows while few, and keep their headings once in columns); 'none' (one block
 * without a heading, the ranking: a column may end anywhere).
 */
export type PackAt = 'all' | 'columns' | 'none';

/**
 * The wall's density step (wall-density.ts) for the notes it shows, and its note columns.
 * It measures whether the notes overflow the wall after each change of what is shown and
 * whenever a block or the wall changes size (ResizeObserver: read after layout, so no forced
 * layouts in a loop); the step itself changes only at a limit or an overflow, never on every
 * idea. In rows the overflow is read only from a layout with the wall's own column count:
 * blocks laid out for another count (the first layout, a resized screen) are laid out again
 * first, else they would look taller than they are and step the wall denser for nothing. In
 * columns it is a second page: the wall takes a denser step before it pages. A packed wall
 * (useWallPacking) is not measured here: its layout is right only once its packing is made of
 * measured heights, and it reports its overflow then (`report`).
 */
export function useWallDensity(ref: RefObject<HTMLElement | null>, count: number, contentKey: string, packAt: PackAt = 'none'): WallLayout {
  // A wall of clusters steps by what fits, not by its count: its bounds are ones no such wall reaches on one page.
  const limits = packAt === 'all' ? PACKED_NOTES : MOST_NOTES;
  const [state, setState] = useState(() => nextDensity(START, { count, overflows: false, screen: screenSize() }, limits));
  const [tracks, setTracks] = useState(1);
  const [counted, setCounted] = useState(count);
  if (counted !== count) {
    // A new count picks its step while rendering, before any layout: a wall that goes from
    // nothing to 240 notes (a screen joining a full board) never lays them out as big notes first.
    setCounted(count);
    setState(nextDensity(state, { count, overflows: false, screen: state.screen }, limits));
  }
  const density = state.density;
  const packed = packAt === 'all' || (packAt === 'columns' && !inRows(density));
  const rows = inRows(density) && !packed;
  const last = density === LAST;

  const report = useCallback(
    (overflows: boolean) => setState((prev) => nextDensity(prev, { count, overflows, screen: screenSize() }, limits)),
    [count, limits],
  );

  // A layout effect: a step that changes with the content changes before the screen paints it.
  useLayoutEffect(() => {
    const el = ref.current;
    // A packed wall reports its overflow itself, once its packing is made of measured heights.
    if (!el || packed) return;
    const measure = () => {
      if (rows) {
        const now = gridTracks(el);
        if (now !== tracks) {
          // Laid out again with this many columns (this effect runs again), then measured.
          setTracks(now);
          return;
        }
      }
      // Columns overflow sideways, onto a second page. The last step pages what does not
      // fit: no overflow to read there (and no forced layout on each arrival at a full
      // wall), only a new screen size to notice.
      const overflows = rows ? el.scrollHeight > el.clientHeight + 1 : !last && el.scrollWidth > el.clientWidth + 1;
      setState((prev) => nextDensity(prev, { count, overflows, screen: screenSize() }, limits));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The blocks grow as notes arrive or are edited; the wall's own box keeps its size.
    if (!last) for (const block of el.children) observer.observe(block);
    return () => observer.disconnect();
  }, [ref, contentKey, count, density, rows, last, tracks, packed, limits]);

  const shown = useRef(density);
  useEffect(() => {
    if (shown.current === density) return;
    shown.current = density;
    const el = ref.current;
    if (el && !matchMedia('(prefers-reduced-motion: reduce)').matches) el.animate([{ opacity: 0.35 }, { opacity: 1 }], SETTLE);
  }, [ref, density]);

  return { density, tracks: rows ? tracks : 1, packed, report };
}
