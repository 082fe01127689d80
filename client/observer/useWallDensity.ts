import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { nextDensity, START, type Density } from './wall-density';

/** A short settling fade when the wall re-lays itself out at a new step (none for reduced motion). */
const SETTLE = { duration: 500, easing: 'ease-out' } as const;

const screenSize = (): string => `${window.innerWidth}x${window.innerHeight}`;

/**
 * The wall's density step (wall-density.ts) for the notes it shows. It measures whether the
 * notes overflow the wall after each change of what is shown and whenever a block or the
 * wall changes size (ResizeObserver: read after layout, so no forced layouts in a loop); the
 * step itself changes only at a limit or an overflow, never on every idea.
 */
export function useWallDensity(ref: RefObject<HTMLElement | null>, count: number, contentKey: string): Density {
  const [state, setState] = useState(() => nextDensity(START, { count, overflows: false, screen: screenSize() }));
  const [counted, setCounted] = useState(count);
  if (counted !== count) {
    // A new count picks its step while rendering, before any layout: a wall that goes from
    // nothing to 240 notes (a screen joining a full board) never lays them out as big notes first.
    setCounted(count);
    setState(nextDensity(state, { count, overflows: false, screen: state.screen }));
  }
  const density = state.density;

  // A layout effect: a step that changes with the content changes before the screen paints it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The dense step pages what does not fit: no overflow to read there (and no forced
    // layout on each arrival at a full wall), only a new screen size to notice.
    const rows = density !== 'dense';
    const measure = () =>
      setState((prev) => nextDensity(prev, { count, overflows: rows && el.scrollHeight > el.clientHeight + 1, screen: screenSize() }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The blocks grow as notes arrive or are edited; the wall's own box keeps its size.
    if (rows) for (const block of el.children) observer.observe(block);
    return () => observer.disconnect();
  }, [ref, contentKey, count, density]);

  const shown = useRef(density);
  useEffect(() => {
    if (shown.current === density) return;
    shown.current = density;
    const el = ref.current;
    if (el && !matchMedia('(prefers-reduced-motion: reduce)').matches) el.animate([{ opacity: 0.35 }, { opacity: 1 }], SETTLE);
  }, [ref, density]);

  return density;
}

/**
 * How many note columns the wall has at a step in rows (large, medium): its grid's tracks
 * (wall.css), read after layout and again when the wall changes size. A block of few ideas
 * spans as many tracks as it has notes, so small groups stand side by side in a row instead
 * of each taking a whole row (a board with one idea in each of twelve groups used to go
 * straight to the dense step); a larger block spans the row. 1 at the dense step.
 */
export function useWallTracks(ref: RefObject<HTMLElement | null>, density: Density, contentKey: string): number {
  const [tracks, setTracks] = useState(1);
  const rows = density !== 'dense';
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !rows) return;
    const measure = () => {
      const template = getComputedStyle(el).gridTemplateColumns;
      const count = template && template !== 'none' ? template.trim().split(/\s+/).length : 1;
      setTracks((prev) => (prev === count ? prev : Math.max(1, count)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
    // The content: the wall itself appears with the first idea (before, the screen says it has none).
  }, [ref, rows, contentKey]);
  return rows ? tracks : 1;
}
