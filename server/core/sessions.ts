import type { Identity } from '../../shared';

/**
 * Who a session token belongs to: all a transport or a room's endpoint needs of the boards
 * feature to admit a connection. A port in the leaf, so the Yjs endpoint (realtime) and the
 * socket.io handshake need not import the boards feature; BoardService implements it.
 */
export interface SessionLookup {
  /** The session's identity, or null for a missing, unknown or expired token. */
  identify(sessionToken: unknown): Promise<Identity | null>;
}
