import type { Ack } from './ack';
import type { ProtocolError } from './errors';
import type { Identity } from './rest';
import type { BoardSettings, BoardSettingsPatch } from '../model/board';

/** Sent by the server right after a socket.io connection is authenticated. */
export interface Hello {
  protocolVersion: number;
  identity: Identity;
  /** Server clock (ms since epoch) when sent; clients derive their clock offset from it. */
  serverTime: number;
}

export type AckCallback<T> = (ack: Ack<T>) => void;

/** socket.io, client → server. Every request carries an acknowledgement callback. */
export interface ClientToServerEvents {
  /** Facilitators only: change title, description, beacons, questions or the focus question. */
  'board:updateSettings': (patch: BoardSettingsPatch, ack: AckCallback<BoardSettings>) => void;
  /** Anyone: the server's clock, for timers that agree across devices. */
  'time:sync': (ack: AckCallback<{ serverTime: number }>) => void;
}

/** socket.io, server → client. */
export interface ServerToClientEvents {
  'session:hello': (hello: Hello) => void;
  /** A refusal that did not answer a request (e.g. a Yjs update refused on another channel). */
  'server:error': (error: ProtocolError) => void;
}

/** socket.io handshake `auth` payload. */
export interface HandshakeAuth {
  session: string;
  protocolVersion?: number;
}
