import type { Ack, ProtocolError } from '../../shared';

// What a call to the server ends in (REST through ./api.ts, and socket.io commands).

/**
 * What a REST call can end in: the server's answer (always an Ack), or no answer at all.
 * "No answer" is kept apart from refusals because the board must keep working offline
 * from what this device already has.
 */
export type ApiResult<T> = Ack<T> | { ok: false; offline: true };

export function isOffline<T>(result: ApiResult<T>): result is { ok: false; offline: true } {
  return !result.ok && 'offline' in result;
}

export function errorOf<T>(result: ApiResult<T>): ProtocolError | null {
  return !result.ok && 'error' in result ? result.error : null;
}

/** The answer and, when the server asks for patience (429), how many seconds it asks for. */
export interface Sent<T> {
  result: ApiResult<T>;
  retryAfter: number | null;
}
