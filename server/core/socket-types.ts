import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Identity, ServerToClientEvents } from '../../shared';

export interface SocketData {
  identity: Identity;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InterServerEvents = {};
export type SamskabIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SamskabSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
