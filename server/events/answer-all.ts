import { ErrorCode, LIMITS, fail, type ProtocolError } from '../../shared';
import type { SamskabSocket } from '../core/socket-types';

/**
 * socket.io's own cap on one frame. Payloads up to LIMITS.eventBytes are allowed; between
 * that and this cap the server still reads the frame and answers TOO_LARGE. A frame over it
 * is cut off by the transport (the connection closes), as any server must bound memory.
 */
export const FRAME_CAP_BYTES = 4 * LIMITS.eventBytes;

/**
 * Every request gets an answer: an event the server does not know, a payload over the limit
 * and a command without an acknowledgement callback never reach a handler, and are answered
 * with a named error — in the acknowledgement when the client sent one, otherwise as a
 * `server:error` event (docs/PROTOCOL.md §11). Runs before every event's handler.
 */
export function answerEveryRequest(socket: SamskabSocket): void {
  socket.use((packet, next) => {
    const [event, ...args] = packet as unknown as [string, ...unknown[]];
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: unknown) => void) : null;
    const refusal = refusalFor(socket, event, args, ack !== null);
    if (!refusal) return next();
    if (ack) ack(fail(refusal.code, refusal.message));
    else socket.emit('server:error', refusal);
  });
}

function refusalFor(socket: SamskabSocket, event: string, payload: unknown[], hasAck: boolean): ProtocolError | null {
  if (socket.listenerCount(event as never) === 0) {
    return { code: ErrorCode.NOT_FOUND, message: `Unknown event "${String(event).slice(0, 100)}".` };
  }
  const bytes = payloadBytes(payload);
  if (bytes > LIMITS.eventBytes) {
    return { code: ErrorCode.TOO_LARGE, message: `The payload is ${bytes} bytes; the limit is ${LIMITS.eventBytes}.` };
  }
  if (!hasAck) {
    return { code: ErrorCode.BAD_REQUEST, message: `"${event}" needs an acknowledgement callback as its last argument; it was not run.` };
  }
  return null;
}

/** The payload's size as JSON, binary attachments counted by their length. */
function payloadBytes(payload: unknown[]): number {
  if (payload.length === 0) return 0;
  let binary = 0;
  const json = JSON.stringify(payload, function (this: Record<string, unknown>, key, value: unknown) {
    // The holder's own value: Buffer's toJSON has already run on `value`.
    const original = this[key];
    if (ArrayBuffer.isView(original) || original instanceof ArrayBuffer) {
      binary += original.byteLength;
      return 0;
    }
    return value;
  });
  return Buffer.byteLength(json ?? '') + binary;
}
