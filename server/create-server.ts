import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { createLogger, type Logger } from './log';
import type { BoardStore } from './store/board-store';
import { BoardService } from './boards';
import { RoomRegistry } from './realtime/room-registry';
import { attachYjsEndpoint } from './realtime/yjs-endpoint';
import { createIo, serveSocketCommands } from './events/socket-server';
import type { SamskabIo } from './core/socket-types';
import type { Broadcast } from './core/broadcast';
import { createHttpApp } from './http/app';
import { createWorkshop } from './workshop';
import { createModeration } from './moderation/create-moderation';
import { createPolls } from './polls/create-polls';
import { createInstallation } from './installation';
import { AbuseLimits, type AbuseLimitConfig } from './moderation/abuse-limits';
import { ideaGate } from './moderation/idea-gate';
import { reservationSource } from './moderation/reserved-ids';
import { ReservationCache } from './realtime/reservation-cache';
import { createSensemaking } from './sensemaking';
import { createMail, type Mail, type MailOptions } from './mail';
import { Persons } from './gdpr';
import { personalDataRoutes } from './gdpr/routes';
import { mailRoutes } from './mail/routes';

export interface SamskabServer {
  httpServer: HttpServer;
  io: SamskabIo;
  rooms: RoomRegistry;
  boards: BoardService;
  log: Logger;
  /** E-mail follow-up and personal-data housekeeping (tests drive its jobs). */
  mail: Mail;
  /** Starts listening; port 0 picks a free port. */
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, closes sockets, writes everything pending to the store. Does not close the store. */
  close(): Promise<void>;
}

/**
 * The whole server as a factory over its storage and configuration, so tests can run
 * several on port 0 against either store. One HTTP server carries REST, the Yjs endpoint
 * (/yjs/:boardId) and socket.io (/socket.io).
 */
export async function createServer(options: {
  store: BoardStore;
  config: ServerConfig;
  log?: Logger;
  /** Rate limits over config.limits and the defaults (tests set small ones). */
  abuseLimits?: Partial<AbuseLimitConfig>;
  /** The mail sender's timings and clock (tests). */
  mail?: MailOptions;
}): Promise<SamskabServer> {
  const { store, config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const limits = await AbuseLimits.create(store, { ...config.limits, ...options.abuseLimits });
  // The room's hook table: ids kept out of the document (silent writing, the moderation
  // queue) and the idea gate (new ideas per session) are judged with every update.
  const reservedIdeas = new ReservationCache(reservationSource(store), store.cluster, log);
  const rooms = new RoomRegistry(store, log, config.compactAfterUpdates, { reservedIdeas, beforeApply: ideaGate(limits) });
  const boards = new BoardService(store, rooms, config.sessionTtlMs);
  // Built in the order each part needs the one before: socket.io needs the HTTP server, the
  // features' notifiers need socket.io, the app and the socket commands need the features.
  // So the HTTP server comes first and gets its request handler once the app exists.
  const requests = lateRequestHandler();
  // An idle keep-alive connection is closed by the client, never under its feet: Node's
  // default of 5 s let the server close one just as a client (a proxy, fetch with its 4 s)
  // sent the next request on it, which fails with ECONNRESET. Above a load balancer's usual
  // 60 s idle timeout, as proxies' guides advise; the headers timer must outlast it.
  const httpServer = createHttpServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 }, requests.listener);
  httpServer.on('clientError', (_error, socket) => socket.destroy());
  const yjs = attachYjsEndpoint({ httpServer, config, log, boards, rooms });
  // Shared by several processes: socket.io events go through Redis; one process: in memory.
  const adapterClient = store.cluster ? await store.cluster.adapterConnection() : null;
  const io = createIo({ httpServer, config, adapterClient });
  const broadcast: Broadcast = io;
  const workshop = createWorkshop({ store, rooms, boards, log, limits, broadcast });
  const mail = createMail({ store, rooms, config, log, options: options.mail });
  const moderation = await createModeration({
    store,
    rooms,
    log,
    limits,
    followUp: mail.followUp,
    broadcast,
    progressChanged: (boardId) => workshop.progress.changed(boardId),
  });
  const persons = new Persons(moderation.ctx, moderation.ideas, mail.outbox);
  const polls = createPolls({ store, rooms, log, limits, broadcast });
  const installation = await createInstallation({
    store,
    rooms,
    boards,
    log,
    coordinatorToken: config.coordinatorToken,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
  });
  const sensemaking = createSensemaking({ store, rooms, moderation, limits, listBoards: () => installation.overview.boardIds() });
  const app = createHttpApp({
    config,
    log,
    boards,
    store,
    workshop,
    rooms,
    moderation,
    installation,
    limits,
    sensemaking,
    polls,
    apiRoutes: [...personalDataRoutes({ persons }), ...mailRoutes({ log, followUp: mail.followUp })],
  });
  requests.use(app);
  serveSocketCommands(io, { config, log, boards, rooms, workshop, moderation, polls, persons, followUp: mail.followUp });
  mail.start();

  return {
    httpServer,
    io,
    rooms,
    boards,
    log,
    mail,
    listen(port = config.port, host = config.host) {
      return new Promise((resolvePromise, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
          const url = `http://${shownHost}:${address.port}`;
          // The first start's coordinator link names the real address (PUBLIC_URL unset).
          installation.coordinator.listening(url).then(() => resolvePromise({ port: address.port, url }), reject);
        });
      });
    },
    async close() {
      await mail.stop();
      yjs.close();
      await new Promise<void>((resolvePromise) => io.close(() => resolvePromise()));
      await rooms.closeAll();
      await sensemaking.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolvePromise) => httpServer.close(() => resolvePromise()));
    },
  };
}

/**
 * The HTTP server's request listener, given its handler once the app is built. It must be
 * the listener the server is created with: socket.io, attaching afterwards, takes the
 * listeners present and calls them for everything but /socket.io/ (a listener added after
 * it would also see socket.io's own requests). Nothing listens before the app is set
 * (listen() comes after createServer returns); were a request to arrive, it gets a 503.
 */
function lateRequestHandler(): { listener: RequestListener; use(handler: RequestListener): void } {
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  return {
    listener: (req, res) => handler(req, res),
    use(next) {
      handler = next;
    },
  };
}
