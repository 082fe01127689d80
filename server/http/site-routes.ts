import type { SiteInfo } from '../../shared';
import type { ServerConfig } from '../config';
import { route, type MountedRoute } from '../core/http';
import type { Moderation } from '../moderation';

/**
 * The site's own small endpoints: its settings for the accessibility statement, and a web
 * app manifest per public call, so a citizen who installs the call on a phone opens the
 * call itself (the app's own manifest opens the start page).
 */
export function siteRoutes(deps: { config: ServerConfig; moderation: Pick<Moderation, 'calls'> }): MountedRoute[] {
  const { config, moderation } = deps;
  return [
    route('site', {
      handle: async (): Promise<SiteInfo> => ({ accessibilityContact: config.accessibilityContact, embedding: config.embedOrigins.length > 0 }),
    }),
    route('callManifest', {
      handle: async ({ params }, res) => {
        const info = await moderation.calls.info(params.callId);
        const path = `/c/${encodeURIComponent(params.callId)}`;
        res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
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
      },
    }),
  ];
}
