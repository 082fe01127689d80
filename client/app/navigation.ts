import { useEffect, useRef, useSyncExternalStore } from 'react';

/*
 * The address's path, for the one move that does not load a page: a phone that joined by
 * code goes straight to its board (its sync already started, useBoardSync.ts) instead of
 * loading the app again. Every other move between pages is a full page load.
 */

/** Whoever shows the path (the App), told when navigate() changes it. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = () => window.location.pathname;

/** The path shown now; the component re-renders when navigate() or the back button changes it. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Shows another page of the app without loading it, as a new history entry. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** Focus on the page's main heading, made focusable for it (headings are not by themselves). */
function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

/**
 * The page's main heading as shown. While the next page's code loads, React keeps the last
 * page in the document, hidden, behind the loading text: its heading does not count.
 */
function shownHeading(): HTMLElement | null {
  for (const heading of document.querySelectorAll<HTMLElement>('h1')) if (heading.getClientRects().length > 0) return heading;
  return null;
}

/** How long a moved-to page may take to draw its heading (its code may still be loading). */
const HEADING_WAIT_MS = 3000;

/**
 * When another page is shown in place (navigate(), back, forward), focus goes to its main
 * heading, so a screen reader says where the person is now: a page load would have announced
 * the new page, a path change says nothing. The first page is left to the browser. `page`
 * names the page shown (a join page rewriting its own address is not a move). A page whose
 * code is still loading draws its heading a moment later: focus goes to it when it appears.
 */
export function useFocusOnMove(page: string): void {
  const first = useRef<string | null>(page);
  useEffect(() => {
    if (page === first.current) return;
    first.current = null;
    const now = shownHeading();
    if (now) {
      focusHeading(now);
      return;
    }
    const observer = new MutationObserver(() => {
      const heading = shownHeading();
      if (!heading) return;
      stop();
      focusHeading(heading);
    });
    const timer = setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return stop;
  }, [page]);
}
