import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type BoardSettings,
  type BoardSettingsPatch,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '../../shared';
import type { ApiResult } from '../rest/http';

const ACK_TIMEOUT_MS = 10_000;

/**
 * The socket.io channel for commands that are not document edits. Today that is the
 * facilitator's board settings (the server writes them into the document, so they reach
 * everyone through Yjs); only facilitators open it, to spare the server idle sockets.
 */
export class SettingsChannel {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(sessionToken: string) {
    const auth: HandshakeAuth = { session: sessionToken, protocolVersion: PROTOCOL_VERSION };
    this.socket = io({ auth });
  }

  updateSettings(patch: BoardSettingsPatch): Promise<ApiResult<BoardSettings>> {
    return new Promise((resolve) => {
      // socket.io buffers emits while disconnected; answer "offline" rather than wait forever.
      this.socket.timeout(ACK_TIMEOUT_MS).emit('board:updateSettings', patch, (err: Error | null, ack) => {
        resolve(err ? { ok: false, offline: true } : ack);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
