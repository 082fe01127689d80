/*
 * Samskab's offline shell (client/sync/offline-shell.ts registers it). A board reloaded
 * without a network still opens: its unsaved changes live in IndexedDB, and this worker
 * keeps the page that reads them. Nothing else is touched: the API, /yjs and socket.io go
 * to the network as if there were no worker, so "saved" still means the server said so.
 *
 * - Page loads (navigations): the network first; offline, the last app shell it gave.
 *   Every client route answers with the same index.html, so one copy serves them all.
 * - /assets/*: Vite's content-hashed files never change under a name: the cache first.
 */
const CACHE = 'samskab-shell-v1';
const SHELL = '/__shell';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The page names the assets it loaded before this worker was in charge of it. */
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.cacheAssets) ? event.data.cacheAssets : [];
  const mine = urls.filter((url) => typeof url === 'string' && new URL(url).origin === self.location.origin && new URL(url).pathname.startsWith('/assets/'));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const url of mine) if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
      if (!(await cache.match(SHELL))) {
        const shell = await fetch('/', { cache: 'no-cache' }).catch(() => null);
        if (shell?.ok) await cache.put(SHELL, shell);
      }
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok && (fresh.headers.get('content-type') ?? '').includes('text/html')) {
            const copy = fresh.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(SHELL, copy)));
          }
          return fresh;
        } catch (error) {
          const shell = await caches.match(SHELL);
          if (shell) return shell;
          throw error;
        }
      })(),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      (async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        const fresh = await fetch(request);
        if (fresh.ok) {
          const copy = fresh.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return fresh;
      })(),
    );
  }
});
