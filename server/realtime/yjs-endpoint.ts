import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, ErrorCode, LIMITS, ID_PATTERN } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import type { RoomRegistry } from './room-registry';
import { YjsConnection } from './yjs-connection';
import { encodeErrorMessage } from './messages';
import { isOriginAllowed } from '../http/origin';

export const YJS_PATH_PREFIX = '/yjs/';

/**
 * The Yjs endpoint, `GET /yjs/:boardId?session=…` upgraded to a WebSocket. Bad tokens are
 * refused by accepting the upgrade and closing with a 44xx code: y-websocket's provider
 * retries any failed handshake forever, but stops on 4400–4499.
 */
export function attachYjsEndpoint(deps: {
  httpServer: HttpServer;
  config: ServerConfig;
  log: Logger;
  boards: BoardService;
  rooms: RoomRegistry;
}): { close(): void } {
  const { httpServer, config, log, boards, rooms } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes, perMessageDeflate: false });
  const sockets = new Set<WebSocket>();

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(YJS_PATH_PREFIX)) return; // socket.io's, or nobody's
    socket.on('error', () => socket.destroy());
    if (!isOriginAllowed(req, config)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Frames that arrive while the session is checked and the board loads wait in the
      // socket; the connection reads them once the room is ready, so nothing is lost and
      // nobody is told "synced" before the board is loaded.
      ws.pause();
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', (error) => log.debug({ err: error }, 'yjs socket error'));
      void admit(ws, url).catch((error: unknown) => {
        log.error({ err: error }, 'yjs admission failed');
        refuse(ws, CloseCode.TRY_AGAIN_LATER, ErrorCode.STORE_UNAVAILABLE, 'The board could not be opened; try again.');
      });
    });
  });

  async function admit(ws: WebSocket, url: URL): Promise<void> {
    const boardId = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
    if (!ID_PATTERN.test(boardId)) {
      return refuse(ws, CloseCode.BOARD_NOT_FOUND, ErrorCode.BOARD_NOT_FOUND, 'There is no such board.');
    }
    const identity = await boards.identify(url.searchParams.get('session'));
    if (!identity || identity.boardId !== boardId) {
      return refuse(ws, CloseCode.UNAUTHENTICATED, ErrorCode.UNAUTHENTICATED, 'Missing or unknown session for this board.');
    }
    let room;
    try {
      room = await rooms.acquire(boardId);
    } catch (error) {
      if ((error as { code?: string }).code === ErrorCode.BOARD_NOT_FOUND) {
        return refuse(ws, CloseCode.BOARD_NOT_FOUND, ErrorCode.BOARD_NOT_FOUND, 'There is no such board.');
      }
      throw error;
    }
    if (ws.readyState !== ws.OPEN) {
      rooms.release(boardId);
      return;
    }
    new YjsConnection(ws, room, identity, log.child({ boardId }), () => rooms.release(boardId), config.maxBufferedBytes);
    ws.resume();
  }

  function refuse(ws: WebSocket, closeCode: CloseCode, code: ErrorCode, message: string): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.resume(); // so the closing handshake can complete
    ws.send(encodeErrorMessage(code, message));
    ws.close(closeCode, code);
  }

  return {
    close() {
      for (const ws of sockets) ws.close(CloseCode.GOING_AWAY, 'server shutting down');
      wss.close();
    },
  };
}
