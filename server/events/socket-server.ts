import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ErrorCode, PROTOCOL_VERSION, fail, socketCommands } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards';
import type { RoomRegistry } from '../realtime/room-registry';
import { isOriginAllowed } from '../core/origin';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { FRAME_CAP_BYTES, answerEveryRequest } from './answer-all';
import type { Workshop } from '../workshop';
import type { Moderation } from '../moderation';
import type { Polls } from '../polls';
import type { Persons } from '../gdpr';
import type { FollowUp } from '../mail';
import { boardCommands } from '../boards/commands';
import { workshopCommands } from '../workshop/commands';
import { moderationCommands } from '../moderation/commands';
import { pollCommands } from '../polls/commands';
import { personalDataCommands } from '../gdpr/commands';
import { mailCommands } from '../mail/commands';
import { serveCommands, type SocketHandlers } from '../core/register';
import { boardRoom, facilitatorsRoom, participantRoom } from '../core/rooms';
import type { SamskabIo } from '../core/socket-types';

/**
 * The socket.io server on the HTTP server, with no handlers yet: it exists before the
 * features, so their notifiers are given it at construction.
 */
export function createIo(deps: {
  httpServer: HttpServer;
  config: ServerConfig;
  /** socket.io's Redis adapter connection, when several processes share a Redis. */
  adapterClient: Parameters<typeof createAdapter>[0] | null;
}): SamskabIo {
  const { httpServer, config, adapterClient } = deps;
  const io: SamskabIo = new Server(httpServer, {
    // Above the documented payload limit, so an oversized payload is still read and answered.
    maxHttpBufferSize: FRAME_CAP_BYTES,
    // Without this engine.io destroys every upgrade it does not own (the Yjs endpoint) after 1 s.
    destroyUpgrade: false,
    allowRequest: (req, callback) => callback(null, isOriginAllowed(req, config)),
    serveClient: false,
    // A phone that drops for a moment gets its missed events; authentication runs again.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  // With several processes on one Redis, events to a board reach sockets on every process.
  if (adapterClient) io.adapter(createAdapter(adapterClient));
  return io;
}

/**
 * socket.io carries the application's commands (with acknowledgements) and notices; Yjs
 * document traffic has its own plain WebSocket endpoint, which is far cheaper to fan out.
 */
export function serveSocketCommands(
  io: SamskabIo,
  deps: {
    config: ServerConfig;
    log: Logger;
    boards: BoardService;
    rooms: RoomRegistry;
    workshop: Workshop;
    moderation: Moderation;
    polls: Polls;
    persons: Persons;
    followUp: FollowUp;
  },
): void {
  const { log, boards } = deps;
  // Every row of the command table has a handler here, or this does not compile (each
  // feature names only its own commands).
  const handlers: SocketHandlers = {
    ...boardCommands(deps.rooms),
    ...workshopCommands(deps.workshop),
    ...moderationCommands(deps.moderation),
    ...pollCommands(deps.polls),
    ...personalDataCommands(deps.persons),
    ...mailCommands(deps.followUp),
  };
  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { session?: unknown; protocolVersion?: unknown };
    if (auth.protocolVersion !== undefined && auth.protocolVersion !== PROTOCOL_VERSION) {
      return next(Object.assign(new Error(ErrorCode.PROTOCOL_MISMATCH), { data: fail(ErrorCode.PROTOCOL_MISMATCH, `This server speaks protocol ${PROTOCOL_VERSION}.`).error }));
    }
    try {
      const identity = await boards.identify(auth.session);
      if (!identity) {
        return next(Object.assign(new Error(ErrorCode.UNAUTHENTICATED), { data: { code: ErrorCode.UNAUTHENTICATED, message: 'Missing or unknown session.' } }));
      }
      socket.data.identity = identity;
      next();
    } catch (error) {
      log.error({ err: error }, 'socket.io authentication failed');
      next(Object.assign(new Error(ErrorCode.STORE_UNAVAILABLE), { data: { code: ErrorCode.STORE_UNAVAILABLE, message: 'Try again shortly.' } }));
    }
  });

  io.on('connection', (socket) => {
    const { identity } = socket.data;
    // Everyone on the board; its facilitators (who see hidden ideas); the person's own sockets.
    const rooms = [boardRoom(identity.boardId), participantRoom(identity.boardId, identity.participantId)];
    if (identity.role === 'facilitator') rooms.push(facilitatorsRoom(identity.boardId));
    void socket.join(rooms);
    socket.emit('session:hello', { protocolVersion: PROTOCOL_VERSION, identity, serverTime: Date.now() });
    answerEveryRequest(socket);
    serveCommands(socket, socketCommands, handlers, log);
  });
}
