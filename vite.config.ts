import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const serverPort = Number(process.env.PORT ?? 3000);
const serverUrl = `http://localhost:${serverPort}`;

// The client is the Vite root; in `npm run dev` Vite serves it on 5173 and proxies the
// API, the Yjs endpoint and socket.io to the server, so the browser sees one origin.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // The offline app shell (Workbox): every built file is precached, so the call page, the
    // receipt page and a board this device has opened also open with no connection (what a
    // board holds offline is in IndexedDB). A new version waits until the person chooses to
    // reload ("prompt"), so one page never runs old and new code together. The API, /yjs and
    // socket.io are never answered by the worker: "saved" still means the server said so.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Samskab',
        short_name: 'Samskab',
        description: 'Fælles idéer til Vision 2035 – Fælles om mulighedernes Ishøj',
        lang: 'da',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e5f',
        background_color: '#f6f4ef',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // An embedded call goes to the network: its page carries the call's frame-ancestors.
        navigateFallbackDenylist: [/^\/api\//, /^\/yjs\//, /^\/socket\.io\//, /^\/healthz/, /^\/readyz/, /[?&]embed=1(?:&|$)/],
        cleanupOutdatedCaches: true,
        // The first worker takes the page that installed it at once (nothing older to mix
        // with); a later one still waits for the person's reload (no skipWaiting).
        clientsClaim: true,
        // The board's chunk carries Yjs and socket.io; it must be there offline too.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // Public, session-free answers a page needs to open offline: a call (its form) and a
        // receipt (its last known state). The network first; the last answer only without one.
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && /^\/api\/(?:calls\/[^/]+|receipts\/[^/]+)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'samskab-public-api',
              networkTimeoutSeconds: 5,
              expiration: { maxEntries: 50, maxAgeSeconds: 60 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/readyz': serverUrl,
      '/yjs': { target: serverUrl, ws: true },
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
});
