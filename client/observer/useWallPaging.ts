import { useEffect, useState, type RefObject } from 'react';

/** How long each page stays: long enough to read a column of notes from the back of the room. */
const PAGE_MS = 15_000;

/**
 * The wall's columns overflow sideways when there are more notes than fit; this turns the
 * page every PAGE_MS, then starts over. It stops while the screen is paused (WCAG 2.2.2),
 * and jumps instead of gliding for people who asked for reduced motion.
 */
export function useWallPaging(ref: RefObject<HTMLElement | null>, paused: boolean, contentKey: unknown): { page: number; pages: number } {
  const [state, setState] = useState({ page: 1, pages: 1 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const gap = parseFloat(getComputedStyle(el).columnGap || '0') || 0;
      const step = el.clientWidth + gap;
      // A last page only partly filled is a page too (rounding dropped a last page under half
      // full, and its notes were never shown). The slack absorbs sub-pixel column widths.
      const pages = step > 0 ? Math.max(1, Math.ceil((el.scrollWidth + gap) / step - 0.02)) : 1;
      // The last page cannot scroll a whole step: it shows the last screenful of columns.
      const atEnd = el.scrollLeft >= el.scrollWidth - el.clientWidth - 1;
      const page = atEnd ? pages : Math.min(pages, Math.round(el.scrollLeft / step) + 1);
      setState((s) => (s.page === page && s.pages === pages ? s : { page, pages }));
      return { step, pages, page };
    };
    measure();
    const observer = new ResizeObserver(() => measure());
    observer.observe(el);
    if (paused) return () => observer.disconnect();
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const timer = setInterval(() => {
      const { step, pages, page } = measure();
      if (pages <= 1) return;
      const next = page >= pages ? 0 : page * step;
      el.scrollTo({ left: next, behavior: reduced ? 'auto' : 'smooth' });
      setState({ page: page >= pages ? 1 : page + 1, pages });
    }, PAGE_MS);
    return () => {
      clearInterval(timer);
      observer.disconnect();
    };
  }, [ref, paused, contentKey]);

  return state;
}
