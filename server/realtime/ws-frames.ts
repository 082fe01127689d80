import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/**
 * A broadcast sends the same message to every peer of a room. Through `ws.send` each peer
 * pays for its own frame header, a cork, two writes and a writev; most of the server's CPU
 * under fan-out went there (bench/ANALYSIS.md). So the frame (header and payload, one buffer)
 * is built once per message and written as it is to each peer's socket.
 *
 * That is exactly what ws writes for a binary message from a server (unmasked, one final
 * frame), and it keeps the order of everything else ws writes on the connection (pings,
 * close), since ws writes synchronously too: the Yjs endpoint has permessage-deflate off,
 * and without compression (or Blob data, which is never sent here) ws never queues a frame.
 */
export function frameOf(message: Uint8Array): Buffer {
  if (message === lastMessage && lastFrame) return lastFrame;
  const frame = header(message.length, message.length);
  frame.set(message, frame.length - message.length);
  lastMessage = message;
  lastFrame = frame;
  return frame;
}

/**
 * Above this a message is written as its header and itself, uncopied (as ws does): a board's
 * full state (megabytes) sent to each of a storm of joiners must not be copied once each.
 */
const COPY_AT_MOST = 64 * 1024;

/** A buffer of `extra` bytes after the header of a binary frame of `length` bytes. */
function header(length: number, extra: number): Buffer {
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + extra);
  frame[0] = 0x82; // FIN, binary
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  return frame;
}

/** The last message framed: a broadcast frames its message for the first peer and reuses it for the rest. */
let lastMessage: Uint8Array | null = null;
let lastFrame: Buffer | null = null;

/**
 * Writes a message to an open connection as one frame; false when the connection is not
 * open (closing: nothing more may be sent after ws's close frame), as ws.send would refuse.
 * A socket error is ws's to handle (it destroys the socket and closes the connection).
 */
export function writeFrame(ws: WebSocket, message: Uint8Array): boolean {
  // A stand-in with ws's interface (the y-websocket contract test's in-memory socket) has no
  // TCP socket under it: it gets the message through send, as ws's own would.
  if (!(ws instanceof WebSocket)) {
    (ws as { send(data: Uint8Array): void }).send(message);
    return true;
  }
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (ws.readyState !== WebSocket.OPEN || !socket || socket.destroyed) return false;
  if (message.length <= COPY_AT_MOST) {
    socket.write(frameOf(message));
    return true;
  }
  socket.cork();
  socket.write(header(message.length, 0));
  socket.write(message);
  socket.uncork();
  return true;
}
