import { useEffect, useState } from 'react';

/** Ask only once typing pauses, and only about a text long enough to say something. */
export const SIMILAR_DEBOUNCE_MS = 600;
export const SIMILAR_MIN_LENGTH = 12;

/**
 * Suggestions for a text being written: asked for when typing pauses; the last answer stays
 * while typing goes on (no flicker), an answer to an older text than the latest asked is
 * ignored, and a text gone short clears them. `ask` answers null when offline or refused:
 * the suggestions then stay as they were, silently, and writing goes on.
 */
export function useSimilar<T>(text: string, ask: ((text: string) => Promise<T[] | null>) | null): T[] {
  const [items, setItems] = useState<T[]>([]);
  const trimmed = text.trim();
  const long = trimmed.length >= SIMILAR_MIN_LENGTH;
  useEffect(() => {
    if (!ask || !long) return;
    let current = true;
    const timer = setTimeout(() => {
      void ask(trimmed).then((answer) => {
        if (current && answer) setItems(answer);
      });
    }, SIMILAR_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, long, ask]);
  return ask && long ? items : [];
}
