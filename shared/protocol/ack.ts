import type { ErrorCode, ProtocolError } from './errors';

/** The one answer shape for every request: REST bodies and socket.io acknowledgements. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message } };
}
