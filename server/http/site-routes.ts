import { Router } from 'express';
import { ok, type SiteInfo } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { Moderation } from '../moderation';
import { handle } from '../core/http';

/**
 * The site's own small endpoints: its settings for the accessibility statement, and a web
 * app manifest per public call, so a citizen who installs the call on a phone opens the
 * call itself (the app's own manifest opens the start page).
 */
export function siteRoutes(deps: { config: ServerConfig; log: Logger; moderation: Pick<Moderation, 'calls'> }): Router {
  const { config, log, moderation } = deps;
  const router = Router();

  router.get(
    '/api/site',
    handle(log, async (_req, res) => {
      const info: SiteInfo = { accessibilityContact: config.accessibilityContact, embedding: config.embedOrigins.length > 0 };
      res.setHeader('Cache-Control', 'no-cache');
      res.json(ok(info));
    }),
  );

  router.get(
    '/c/:callId/manifest.webmanifest',
    handle(log, async (req, res) => {
      const callId = String(req.params.callId);
      const info = await moderation.calls.info(callId);
      const path = `/c/${encodeURIComponent(callId)}`;
      res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      res.end(
        JSON.stringify({
          id: path,
          name: info.boardTitle ? `${info.boardTitle} – Samskab` : 'Samskab',
          short_name: 'Samskab',
          description: info.description || undefined,
          lang: 'da',
          start_url: path,
          scope: '/',
          display: 'standalone',
          theme_color: '#1f4e5f',
          background_color: '#f6f4ef',
          icons: [
            { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        }),
      );
    }),
  );

  return router;
}
