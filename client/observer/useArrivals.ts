import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * How long after its arrival a note still counts as new: the wall may lay itself out again
 * in the same frame (a packed column measured, then packed again), mounting the note anew.
 */
const FRESH_MS = 250;

/**
 * Marks a note that just arrived (`wall__item--new`, whose ring wall.css draws), after each
 * render of the wall. Marked here, not on every mount: a packed wall moves a note to another
 * column by mounting it there, and a note that merely moved must not ring as if it were new.
 * Nothing rings on the wall's first layout (a screen joining a full board).
 */
export function useArrivals(ref: RefObject<HTMLElement | null>): void {
  const seen = useRef<Map<string, number> | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const now = performance.now();
    const before = seen.current;
    const next = new Map<string, number>();
    for (const item of el.querySelectorAll<HTMLElement>('.wall__item[data-id]')) {
      const id = item.dataset.id as string;
      const arrived = before === null ? -Infinity : (before.get(id) ?? now);
      next.set(id, arrived);
      if (now - arrived < FRESH_MS && !item.classList.contains('wall__item--new')) {
        item.classList.add('wall__item--new');
        // Rung once: a later layout that remounts nothing leaves it be, and nothing rings again.
        item.addEventListener('animationend', () => item.classList.remove('wall__item--new'), { once: true });
      }
    }
    seen.current = next;
  });
}
