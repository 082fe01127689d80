import { useSyncExternalStore } from 'react';

/**
 * The address's path, for the one move that does not load a page: a phone that joined by
 * code goes straight to its board (its sync already started, useBoardSync.ts) instead of
 * loading the app again. Every other move between pages is a full page load.
 */
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
