import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** How long each page stays: long enough to read a column of notes from the back of the room. */
const PAGE_MS = 15_000;

/** A presenter's clicker sends PageDown and PageUp (some send the arrows): they turn the wall's page. */
const NEXT = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

interface Paging {
  page: number;
  pages: number;
  /** One page's width: the wall's width and the gap to the next column. */
  step: number;
}

function measure(el: HTMLElement): Omit<Paging, 'page'> {
  const gap = parseFloat(getComputedStyle(el).columnGap || '0') || 0;
  const step = el.clientWidth + gap;
  // A last page only partly filled is a page too (rounding dropped a last page under half
  // full, and its notes were never shown). The slack absorbs sub-pixel column widths.
  const pages = step > 0 ? Math.max(1, Math.ceil((el.scrollWidth + gap) / step - 0.02)) : 1;
  return { pages, step };
}

/**
 * The wall's columns overflow sideways when there are more notes than fit; this turns the
 * page every PAGE_MS, then starts over, and on a clicker's or keyboard's PageDown/PageUp.
 * A page is moved into view with a transform, not by scrolling: a scroller cannot go past
 * its last screenful, so the last page repeated columns of the page before; a transform
 * moves the wall whole pages, and the last shows only its own columns. The clip is the
 * wall's parent (wall.css). Automatic turning stops while the screen is paused (WCAG 2.2.2);
 * turning by hand does not. People who asked for reduced motion get a jump, not a glide
 * (wall.css).
 */
export function useWallPaging(ref: RefObject<HTMLElement | null>, paused: boolean, contentKey: unknown): { page: number; pages: number } {
  const [state, setState] = useState<Paging>({ page: 1, pages: 1, step: 0 });
  /** Bumped by a turn by hand: the automatic timer starts over from it. */
  const [turnedByHand, setTurnedByHand] = useState(0);

  // What there is to page through, after each change of the content and of the wall's size.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const { pages, step } = measure(el);
      setState((s) => {
        const page = Math.min(s.page, pages);
        return s.page === page && s.pages === pages && s.step === step ? s : { page, pages, step };
      });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, contentKey]);

  // Before paint: the page stands where it should in the frame that shows it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.style.transform = state.page > 1 ? `translateX(${-(state.page - 1) * state.step}px)` : '';
  }, [ref, state.page, state.step]);

  const turn = useCallback((by: number, wrap: boolean) => {
    setState((s) => {
      const next = s.page + by;
      const page = wrap ? ((next - 1 + s.pages) % s.pages) + 1 : Math.min(s.pages, Math.max(1, next));
      return page === s.page ? s : { ...s, page };
    });
  }, []);

  useEffect(() => {
    if (paused || state.pages <= 1) return;
    const timer = setInterval(() => turn(1, true), PAGE_MS);
    return () => clearInterval(timer);
  }, [paused, state.pages, turnedByHand, turn]);

  // Only while there are pages to turn: else the keys are the page's own (a narrow screen scrolls with them).
  const paged = state.pages > 1;
  useEffect(() => {
    if (!paged) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // The screen's own controls (a select) keep their keys.
      if (event.target instanceof Element && event.target.closest('input, select, textarea, [contenteditable="true"]')) return;
      const by = NEXT.has(event.key) ? 1 : PREVIOUS.has(event.key) ? -1 : 0;
      if (by === 0) return;
      event.preventDefault();
      turn(by, false);
      setTurnedByHand((n) => n + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [turn, paged]);

  return { page: state.page, pages: state.pages };
}
