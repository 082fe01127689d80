import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const serverPort = Number(process.env.PORT ?? 3000);
const serverUrl = `http://localhost:${serverPort}`;

// The client is the Vite root; in `npm run dev` Vite serves it on 5173 and proxies the
// API, the Yjs endpoint and socket.io to the server, so the browser sees one origin.
export default defineConfig({
  root: 'client',
  plugins: [react()],
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
