import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import { CloseCode, ErrorCode, LIMITS, ID_PATTERN, YMessage, YSyncStep } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { SessionLookup } from '../core/sessions';
import type { RoomRegistry, StoredStateSource } from './room-registry';
import { YjsConnection, type EarlyStart } from './yjs-connection';
import type { StoredAnswer } from './stored-answer';
import { encodeErrorMessage } from './messages';
import { isOriginAllowed } from '../core/origin';

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
  boards: SessionLookup;
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
      // socket; the connection reads them once the room is ready, so nothing is lost. The
      // one exception, a new device's first sync while its board loads, is EarlyJoin's.
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
    const acquiring = rooms.acquire(boardId);
    const loading = rooms.loading(boardId);
    const waiting = loading ? new EarlyJoin(ws, loading) : null;
    let room;
    try {
      room = await acquiring;
    } catch (error) {
      waiting?.stop();
      if ((error as { code?: string }).code === ErrorCode.BOARD_NOT_FOUND) {
        return refuse(ws, CloseCode.BOARD_NOT_FOUND, ErrorCode.BOARD_NOT_FOUND, 'There is no such board.');
      }
      throw error;
    }
    const start = waiting?.stop();
    if (ws.readyState !== ws.OPEN) {
      rooms.release(boardId);
      return;
    }
    new YjsConnection(ws, room, identity, log.child({ boardId }), () => rooms.release(boardId), config.maxBufferedBytes, start);
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

/**
 * A connection admitted while its board loads. It reads the first frame only: when that is
 * a new device's sync step 1 (an empty state vector), the device gets the stored state as
 * soon as the load has read it. Everything else it sent waits, unread or kept in order,
 * for the room (see YjsConnection's EarlyStart).
 */
class EarlyJoin {
  private readonly frames: Array<Uint8Array | null> = [];
  private answered: StoredAnswer | null = null;
  private stopped = false;
  private readonly onMessage = (data: Buffer, isBinary: boolean) => {
    const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    this.frames.push(bytes);
    if (this.frames.length > 1) return;
    this.ws.pause(); // frames already received may still arrive; the rest stay in the socket
    if (bytes && isNewDeviceStep1(bytes)) this.board.answer((answer) => this.send(answer));
  };

  constructor(
    private readonly ws: WebSocket,
    private readonly board: StoredStateSource,
  ) {
    ws.on('message', this.onMessage);
    ws.resume();
  }

  /** The room is ready (or failed): what the connection must carry on from. */
  stop(): EarlyStart {
    this.stopped = true;
    this.ws.off('message', this.onMessage);
    this.ws.pause();
    return { frames: this.frames, sent: this.answered?.stateVector ?? null };
  }

  /** Resolves once the answer is written to the socket (or the socket failed). */
  private send(answer: StoredAnswer): Promise<void> {
    // An empty board: nothing to send ahead, the room answers the step 1 as usual.
    if (this.stopped || this.ws.readyState !== this.ws.OPEN || answer.messages.length === 0) return Promise.resolve();
    this.answered = answer;
    return new Promise((resolve) => {
      answer.messages.forEach((message, i) =>
        this.ws.send(message, (error) => {
          if (error) this.ws.terminate();
          if (i === answer.messages.length - 1) resolve();
        }),
      );
    });
  }
}

/** Sync step 1 with an empty state vector: a device that holds nothing of the board yet. */
function isNewDeviceStep1(bytes: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== YMessage.Sync || decoding.readVarUint(decoder) !== YSyncStep.Step1) return false;
    const stateVector = decoding.readVarUint8Array(decoder);
    return stateVector.length === 1 && stateVector[0] === 0;
  } catch {
    return false;
  }
}
