import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type HandshakeAuth,
  type PayloadInputOf,
  type ResultOf,
  type ServerToClientEvents,
  type SocketCommandName,
  type SocketCommands,
} from '../../shared';
import type { ApiResult } from '../rest/http';

const ACK_TIMEOUT_MS = 10_000;

// Derived from the command table (shared/protocol/socket-commands.ts): event → payload → result.
export type CommandName = SocketCommandName;
/** The payload argument of a command: none (or `{}`) for the bare ones such as time:sync. */
export type CommandPayload<E extends CommandName> = SocketCommands[E]['payload'] extends null
  ? [] | [payload: Record<string, never>]
  : [payload: PayloadInputOf<SocketCommands[E]>];
/** What a command's acknowledgement carries on success. */
export type CommandResult<E extends CommandName> = ResultOf<SocketCommands[E]>;

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
      // The server answers in the table's Ack shape for this event; a timeout is "offline".
      const answer = (err: Error | null, ack: Ack<CommandResult<E>>) => resolve(err ? { ok: false, offline: true } : ack);
      emitAny(this.socket.timeout(ACK_TIMEOUT_MS), event, [...payload, answer]);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * socket.io's typed emit cannot see through a generic event name; `request`'s signature, from
 * the table, pins the pairing of event, payload and answer, so this one call goes untyped.
 */
function emitAny(socket: { emit: unknown }, event: string, args: unknown[]): void {
  (socket.emit as (this: unknown, name: string, ...rest: unknown[]) => void).call(socket, event, ...args);
}
