import type { SamskabIo } from './socket-types';

/**
 * What a feature's notifier needs of socket.io: to send a typed event to rooms. Given to
 * each feature when it is built (create-server.ts makes the io first), so a notifier never
 * exists without its io and no feature depends on more of socket.io's server than this.
 */
export type Broadcast = Pick<SamskabIo, 'to'>;
