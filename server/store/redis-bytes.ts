/** Byte handling shared by the Redis store and its feed (replies arrive as Buffers on the binary client). */

export function view(bytes: Buffer): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function asBuffer(value: unknown, what: string): Buffer {
  if (!Buffer.isBuffer(value)) throw new Error(`redis store: expected bytes for ${what}`);
  return value;
}
