import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type AckCallback,
  type ClientToServerEvents,
  type HandshakeAuth,
  type ServerToClientEvents,
} from '../../shared';
import type { ApiResult } from '../rest/http';

const ACK_TIMEOUT_MS = 10_000;

export type CommandName = keyof ClientToServerEvents;
type Args<E extends CommandName> = Parameters<ClientToServerEvents[E]>;
/** The payload arguments of a command (none for time:sync, workshop:reveal, ideas:hidden). */
export type CommandPayload<E extends CommandName> = Args<E> extends [infer P, (ack: never) => void] ? [P] : [];
/** What a command's acknowledgement carries on success. */
export type CommandResult<E extends CommandName> = Args<E> extends [...unknown[], AckCallback<infer T>] ? T : never;

export type CommandSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The socket.io channel for everything that is not a document edit: board settings, the
 * server clock, and the live workshop's commands. Every role opens it (the projector needs
 * the clock; participants vote and write silently).
 */
export class CommandChannel {
  readonly socket: CommandSocket;

  constructor(sessionToken: string) {
    const auth: HandshakeAuth = { session: sessionToken, protocolVersion: PROTOCOL_VERSION };
    this.socket = io({ auth });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Sends a command and resolves with its Ack. While disconnected it answers "offline" at
   * once instead of letting socket.io buffer the command: a vote or a step change that
   * lands minutes later, after the room has moved on, would be worse than none.
   */
  request<E extends CommandName>(event: E, ...payload: CommandPayload<E>): Promise<ApiResult<CommandResult<E>>> {
    if (!this.socket.connected) return Promise.resolve({ ok: false, offline: true });
    return new Promise((resolve) => {
      // The typed emit cannot see through the generic event name; the types above pin it.
      const timed = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit: (name: string, ...args: unknown[]) => void };
      timed.emit(event, ...payload, (err: Error | null, ack: ApiResult<CommandResult<E>>) => {
        resolve(err ? { ok: false, offline: true } : ack);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
