import { useRef } from 'react';
import { useBoardStore, type BoardState } from './board-store';

/**
 * Several values from the store in one subscription, for components rendered once per
 * note: every store change runs every subscriber's selector, so a board of hundreds of
 * notes with a dozen subscriptions each paid thousands of checks per remote edit. `pick`
 * returns an object of the values (always the same keys); while each value is the same
 * (Object.is), the previous object is returned, so the component does not re-render.
 * zustand's useShallow does the same but builds two Maps per call to compare.
 */
export function useBoardFields<T extends object>(pick: (s: BoardState) => T): T {
  const last = useRef<T | null>(null);
  return useBoardStore((s) => {
    const next = pick(s);
    const prev = last.current;
    if (prev && sameFields(prev, next)) return prev;
    last.current = next;
    return next;
  });
}

export function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in y) if (!Object.is(x[key], y[key])) return false;
  return true;
}
