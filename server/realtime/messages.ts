import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { YMessage } from '../../shared';

/** Encoders for the messages the server sends on the Yjs socket (shared/protocol/yjs-messages.ts). */

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The update inside a sync message made by encodeUpdateMessage (a view, not a copy). */
export function updateOfMessage(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // YMessage.Sync
  decoding.readVarUint(decoder); // the sync step
  return decoding.readVarUint8Array(decoder);
}

export function encodeSavedMessage(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Saved);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  return encoding.toUint8Array(encoder);
}

export function encodeErrorMessage(code: string, message: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Error);
  encoding.writeVarString(encoder, code);
  encoding.writeVarString(encoder, message);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update naming no clients: a no-op that keeps y-websocket's 30 s watchdog fed. */
export const KEEPALIVE_MESSAGE = encodeAwarenessMessage(new Uint8Array([0]));
