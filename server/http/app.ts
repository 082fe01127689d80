import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ErrorCode, fail, ok } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards';
import type { BoardStore } from '../store/board-store';
import type { RoomRegistry } from '../realtime/room-registry';
import type { Workshop } from '../workshop';
import type { Moderation } from '../moderation';
import type { Polls } from '../polls';
import type { Installation } from '../installation';
import type { AbuseLimits } from '../core/limits';
import type { Sensemaking } from '../sensemaking';
import { mountRoutes, type IdentifySession, type MountedRoute, type MountDeps } from '../core/http';
import { boardRoutes } from '../boards/routes';
import { ExportService } from '../export';
import { exportRoutes } from '../export/routes';
import { installationRoutes } from '../installation/routes';
import { moderationRoutes } from '../moderation/routes';
import { pollRoutes } from '../polls/routes';
import { sensemakingRoutes } from '../sensemaking/routes';
import { joinRoutes } from '../workshop/join-routes';
import { healthRoutes } from './health-routes';
import { siteRoutes } from './site-routes';

/** A public call's page (/c/:callId), the one page that may be embedded elsewhere. */
const CALL_PAGE = /^\/c\/[A-Za-z0-9_-]{6,64}\/?$/;

/** REST API, health probes and the built client, on one Express app. */
export function createHttpApp(deps: {
  config: ServerConfig;
  log: Logger;
  boards: BoardService;
  store: BoardStore;
  workshop: Workshop;
  rooms: RoomRegistry;
  moderation: Moderation;
  installation: Installation;
  limits: AbuseLimits;
  sensemaking: Sensemaking;
  /** More /api routes (personal data, unsubscribe), mounted before the 404. */
  apiRoutes?: MountedRoute[];
  polls: Polls;
}): express.Express {
  const { config, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // Only a public call's page may be framed, and only by EMBED_ORIGINS (the municipality's
  // own site): every other page, and every page when the list is empty, refuses framing.
  const embedding = config.embedOrigins.length > 0;
  const embeddable = (req: Request): boolean => embedding && CALL_PAGE.test(req.path);
  app.use(
    helmet({
      frameguard: false, // set below, per page
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          frameAncestors: [(req) => (embeddable(req as Request) ? config.embedOrigins.join(' ') : "'none'")],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // The app is served over plain HTTP in development and behind TLS proxies in production.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    // X-Frame-Options for browsers without frame-ancestors; a framed call page goes by the CSP alone.
    if (!embeddable(req)) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    next();
  });
  // Every route of shared/protocol/rest-routes.ts, with its feature's handler.
  const mount: MountDeps = { log, limit: (kind, address) => deps.limits.consume(kind, address) };
  const identify: IdentifySession = (token) => deps.boards.identify(token);
  mountRoutes(app, siteRoutes(deps), mount);
  // Before the 64 KiB parser: restore reads larger bodies.
  mountRoutes(app, exportRoutes({ config, exports: new ExportService(deps) }), mount);
  app.use('/api', express.json({ limit: '64kb' }));
  mountRoutes(
    app,
    [
      ...boardRoutes(deps),
      ...joinRoutes(deps.workshop.join),
      ...moderationRoutes({ config, identify, moderation: deps.moderation }),
      ...pollRoutes(deps),
      ...installationRoutes({ config, identify, installation: deps.installation }),
      ...sensemakingRoutes({ identify, sensemaking: deps.sensemaking, requireCoordinator: (token) => deps.installation.coordinator.requireSession(token) }),
      ...(deps.apiRoutes ?? []),
      ...healthRoutes(deps),
    ],
    mount,
  );
  app.use('/api', (_req: Request, res: Response) => {
    res.status(404).json(fail(ErrorCode.NOT_FOUND, 'No such endpoint.'));
  });

  const clientDir = resolve(config.clientDir);
  if (existsSync(clientDir)) {
    app.use(
      express.static(clientDir, {
        index: false,
        maxAge: '1h',
        setHeaders: (res, filePath) => {
          // The service worker and the manifest decide which version a device runs: always ask.
          if (/(?:sw\.js|manifest\.webmanifest|index\.html)$/.test(filePath)) res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    // Client-side routes (/, /b/:id, /b/:id/screen, …) all load the app shell.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(clientDir, 'index.html'));
    });
  } else {
    log.warn({ clientDir }, 'no built client found; run `npm run build` (the API still works)');
    app.get('/', (_req: Request, res: Response) => {
      res.json(ok({ message: 'Samskab API. Build the client with `npm run build` to get the web app.' }));
    });
  }

  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; body?: unknown }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') {
      // The parser takes only objects and arrays; `null`, a number or a string is JSON all
      // the same, and its fault is the schema's (an object was expected), not the syntax.
      if (isJson(error.body)) res.status(400).json(fail(ErrorCode.VALIDATION_FAILED, 'body: Expected a JSON object.'));
      else res.status(400).json(fail(ErrorCode.BAD_REQUEST, 'The body is not valid JSON.'));
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json(fail(ErrorCode.TOO_LARGE, 'The body is too large.'));
      return;
    }
    log.error({ err: error }, 'request failed');
    res.status(500).json(fail(ErrorCode.INTERNAL, 'Something went wrong.'));
  };
  app.use(onError);
  return app;
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
