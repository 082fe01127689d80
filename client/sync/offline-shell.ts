/**
 * Registers the offline shell (client/public/sw.js), so a board reloaded without a network
 * still opens and shows the changes this device has not saved yet (they are in IndexedDB).
 * Not in `vite dev`, whose modules are not the built assets the worker keeps.
 */
export function registerOfflineShell(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // What this page loaded before the worker was in charge of it: keep it for offline reloads.
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .concat([...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src))
        .concat([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"], link[rel="modulepreload"]')].map((l) => l.href));
      registration.active?.postMessage({ cacheAssets: assets });
    })
    .catch(() => {
      // No worker (private mode, blocked): the board works, only an offline reload does not.
    });
}
