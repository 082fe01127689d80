import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * Applying a large board spends much of its time reading strings: every Yjs item of a
 * Y.Map carries its key ("text", "position", …), and every idea field its value. Yjs reads
 * each with lib0's `readVarString`, one `TextDecoder.decode` call per string, and that call
 * costs far more than its few bytes (a binding into the engine). Keys, ids, positions and
 * most values are short ASCII, which this decoder turns into a string directly; anything
 * else (longer, or any byte ≥ 0x80, so Danish text with æ, ø, å) still goes to lib0.
 * The result is the same document: test/unit/fast-decoder.test.ts.
 *
 * Yjs takes the decoder class as an argument of `applyUpdateV2`, so this is a subclass of
 * its own v1 decoder (the encoding every y-websocket message uses), not a patch of Yjs or lib0.
 *
 * Measured on a 10,000-idea board (4.6 MB), applied ten times in one page, alternating:
 * Chromium 174–181 ms per apply with lib0's reads, 123–138 ms with these. In Node the two are
 * even (its TextDecoder call is cheaper), so the server keeps plain `Y.applyUpdate`.
 */

/** Longer strings pay TextDecoder's fixed cost once against many bytes. */
const SHORT = 48;
/** Keys are few and repeated (every idea has the same dozen): read once, then shared. */
const KEY_MAX = 16;
const KEYS_KEPT = 1024;
const keys = new Map<number, string>();

/** lib0's `readVarString`, with short ASCII strings read without TextDecoder. */
export function readVarStringFast(decoder: decoding.Decoder): string {
  const start = decoder.pos;
  const length = decoding.readVarUint(decoder);
  const { arr, pos } = decoder;
  const end = pos + length;
  if (length <= SHORT && end <= arr.length) {
    let text = '';
    let i = pos;
    for (; i < end; i++) {
      const byte = arr[i] as number;
      if (byte >= 0x80) break;
      text += String.fromCharCode(byte);
    }
    if (i === end) {
      decoder.pos = end;
      return text;
    }
  }
  // Not short ASCII: lib0 reads it from the start (its UTF-8 rules and errors included).
  decoder.pos = start;
  return decoding.readVarString(decoder);
}

/** lib0's `readAny` (same tags, same order), with its strings and object keys read as above. */
export function readAnyFast(decoder: decoding.Decoder): unknown {
  const tag = decoding.readUint8(decoder);
  switch (tag) {
    case 127:
      return undefined;
    case 126:
      return null;
    case 125:
      return decoding.readVarInt(decoder);
    case 124:
      return decoding.readFloat32(decoder);
    case 123:
      return decoding.readFloat64(decoder);
    case 122:
      return decoding.readBigInt64(decoder);
    case 121:
      return false;
    case 120:
      return true;
    case 119:
      return readVarStringFast(decoder);
    case 118: {
      const length = decoding.readVarUint(decoder);
      const object: Record<string, unknown> = {};
      for (let i = 0; i < length; i++) {
        const key = readVarStringFast(decoder);
        object[key] = readAnyFast(decoder);
      }
      return object;
    }
    case 117: {
      const length = decoding.readVarUint(decoder);
      const array: unknown[] = [];
      for (let i = 0; i < length; i++) array.push(readAnyFast(decoder));
      return array;
    }
    case 116:
      return decoding.readVarUint8Array(decoder);
    default:
      // What lib0's lookup table does with an unknown tag: no reader, so a TypeError.
      throw new TypeError(`Unknown Yjs value tag ${tag}`);
  }
}

/**
 * A short string that recurs (a Y.Map key): the same string object each time, so 150,000
 * items of a 10,000-idea board share a dozen key strings instead of holding one each. Looked
 * up by a hash of its bytes and checked byte for byte.
 */
export function readKeyFast(decoder: decoding.Decoder): string {
  const start = decoder.pos;
  const length = decoding.readVarUint(decoder);
  const { arr, pos } = decoder;
  const end = pos + length;
  if (length > KEY_MAX || end > arr.length) {
    decoder.pos = start;
    return readVarStringFast(decoder);
  }
  let hash = length;
  for (let i = pos; i < end; i++) hash = (Math.imul(hash, 31) + (arr[i] as number)) | 0;
  const known = keys.get(hash);
  if (known !== undefined && known.length === length) {
    let same = true;
    for (let i = 0; i < length; i++) {
      if (known.charCodeAt(i) !== arr[pos + i]) {
        same = false;
        break;
      }
    }
    if (same) {
      decoder.pos = end;
      return known;
    }
  }
  decoder.pos = start;
  const text = readVarStringFast(decoder);
  // Only ASCII round-trips through charCodeAt; a board's keys always are.
  if (text.length === length) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    keys.set(hash, text);
  }
  return text;
}

export class FastUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  /** In v1 this reads an item's key (parentSub), a parent type's name, and Y.Text content. */
  override readString(): string {
    return readKeyFast(this.restDecoder);
  }

  override readKey(): string {
    return readKeyFast(this.restDecoder);
  }

  override readAny(): unknown {
    return readAnyFast(this.restDecoder);
  }
}

/** `Y.applyUpdate` (a v1 update, as y-websocket and the store carry), read with the decoder above. */
export function applyUpdate(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdateV2(doc, update, origin, FastUpdateDecoderV1);
}
