import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { YMessage, YSyncStep } from '../../shared';
import type { StoredDocument } from '../store/board-store';

/**
 * A new device's first sync answered from the stored bytes while the server still loads
 * them into the room. The stored log keeps the content of items deleted after it was
 * written (a hidden idea's text, the original of a moderator's edit), which a document
 * with gc on never sends to anyone. So every stored update is rewritten here with the
 * content of each item the stored delete sets cover replaced by a deletion marker, as
 * Yjs's own gc does; updates with nothing to hide are sent as they are.
 *
 * This reads Yjs's v1 update encoding directly (lib0 varints, no Item objects): about
 * 0.1 s for a 10,000-idea board, where Y.decodeUpdate takes most of a second and applying
 * it about as long. Anything it does not expect throws, and the caller then answers from
 * the loaded room as before. The log is sent one message per stored update: merging them
 * would cost the server more (Y.mergeUpdates) than the client saves by applying one.
 */
export interface StoredAnswer {
  /**
   * Sync update messages, to send in order. None is a sync step 2: the step 2 that answers
   * the device comes from the room once it is loaded, so y-websocket's "synced" still means
   * everything, what load hooks wrote included.
   */
  messages: Uint8Array[];
  /** Yjs state vector (v1) of what the messages carry, for the diff once the room is loaded. */
  stateVector: Uint8Array;
  bytes: number;
}

const REF_GC = 0;
const REF_DELETED = 1;
const REF_SKIP = 10;
const BITS5 = 0b11111;
const ORIGIN_BITS = 0b11100000;
const HAS_ORIGIN = 0b10000000;
const HAS_RIGHT_ORIGIN = 0b01000000;
const HAS_PARENT_SUB = 0b00100000;

/**
 * Where the items that carry content are in one update, so they can be rewritten without
 * it: per item, in `items`, its clock, length, and the offsets of its info byte, its
 * content and just past it; per run of one client's items, in `runs`, the client and the
 * index of its first and past its last item (flat numbers: a 10,000-idea board has 150,000 items).
 */
interface ParsedUpdate {
  bytes: Uint8Array;
  items: number[];
  runs: number[];
}

const ITEM = 5;

type Ranges = Map<number, Array<[number, number]>>;

export function prepareStoredAnswer(stored: StoredDocument): StoredAnswer {
  const deleted: Ranges = new Map();
  const present: Ranges = new Map();
  const parsed = [stored.snapshot, ...stored.updates]
    .filter((u): u is Uint8Array => u !== null && u.length > 0)
    .map((update) => parse(update, deleted, present));
  const hidden = normalise(deleted);
  const messages = parsed.map((update) => updateMessage(redact(update, hidden)));
  return { messages, stateVector: stateVectorOf(present), bytes: messages.reduce((sum, m) => sum + m.length, 0) };
}

function parse(bytes: Uint8Array, deleted: Ranges, present: Ranges): ParsedUpdate {
  const decoder = decoding.createDecoder(bytes);
  const items: number[] = [];
  const runs: number[] = [];
  const clients = decoding.readVarUint(decoder);
  for (let c = 0; c < clients; c++) {
    const structs = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    runs.push(client, items.length);
    let clock = decoding.readVarUint(decoder);
    let from = clock;
    for (let s = 0; s < structs; s++) {
      const start = decoder.pos;
      const info = decoding.readUint8(decoder);
      const ref = info & BITS5;
      if (ref === REF_GC || ref === REF_SKIP) {
        const length = decoding.readVarUint(decoder);
        if (ref === REF_SKIP) {
          addRange(present, client, from, clock);
          from = clock + length;
        }
        clock += length;
        continue;
      }
      if (info & HAS_ORIGIN) skipId(decoder);
      if (info & HAS_RIGHT_ORIGIN) skipId(decoder);
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        if (decoding.readVarUint(decoder) === 1) skipString(decoder);
        else skipId(decoder);
        if (info & HAS_PARENT_SUB) skipString(decoder);
      }
      const content = decoder.pos;
      const length = skipContent(decoder, ref);
      if (ref !== REF_DELETED) items.push(clock, length, start, content, decoder.pos);
      clock += length;
    }
    addRange(present, client, from, clock);
    runs.push(items.length);
  }
  const deleteClients = decoding.readVarUint(decoder);
  for (let c = 0; c < deleteClients; c++) {
    const client = decoding.readVarUint(decoder);
    const runs = decoding.readVarUint(decoder);
    for (let r = 0; r < runs; r++) {
      const clock = decoding.readVarUint(decoder);
      addRange(deleted, client, clock, clock + decoding.readVarUint(decoder));
    }
  }
  return { bytes, items, runs };
}

/** Skips one item's content and returns its Yjs length. */
function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case REF_DELETED:
      return decoding.readVarUint(decoder);
    case 2: {
      const length = decoding.readVarUint(decoder); // JSON
      for (let i = 0; i < length; i++) skipString(decoder);
      return length;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // string: its length is in UTF-16 code units
      return decoding.readVarString(decoder).length;
    case 5: // embed
      skipString(decoder);
      return 1;
    case 6: // format
      skipString(decoder);
      skipString(decoder);
      return 1;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) skipString(decoder); // XML element / hook name
      return 1;
    }
    case 8: {
      const length = decoding.readVarUint(decoder); // any
      for (let i = 0; i < length; i++) skipAny(decoder);
      return length;
    }
    case 9: // subdocument
      skipString(decoder);
      skipAny(decoder);
      return 1;
    default:
      throw new Error(`unexpected struct ${ref}`);
  }
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

function skipString(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  decoder.pos += length;
  if (decoder.pos > decoder.arr.length) throw new Error('string past the end');
}

/** lib0's `writeAny` encoding, read without building the value. */
function skipAny(decoder: decoding.Decoder): void {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127:
    case 126:
    case 121:
    case 120:
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      decoder.pos += 4;
      return;
    case 123:
    case 122:
      decoder.pos += 8;
      return;
    case 119:
    case 116:
      skipString(decoder);
      return;
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let i = 0; i < entries; i++) {
        skipString(decoder);
        skipAny(decoder);
      }
      return;
    }
    case 117: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) skipAny(decoder);
      return;
    }
    default:
      throw new Error(`unexpected value type ${type}`);
  }
}

function redact(update: ParsedUpdate, hidden: Ranges): Uint8Array {
  const { bytes, items, runs } = update;
  const cut: number[] = [];
  for (let r = 0; r < runs.length; r += 3) {
    const ranges = hidden.get(runs[r] as number);
    if (!ranges) continue;
    let next = 0;
    for (let i = runs[r + 1] as number; i < (runs[r + 2] as number); i += ITEM) {
      const from = items[i] as number;
      const to = from + (items[i + 1] as number);
      while (next < ranges.length && (ranges[next] as [number, number])[1] <= from) next++;
      const range = ranges[next];
      if (!range || range[0] >= to) continue;
      // Part of an item deleted (text, arrays: not in Samskab's layout) would need splitting it.
      if (range[0] > from || range[1] < to) throw new Error('a partly deleted item');
      cut.push(i);
    }
  }
  if (cut.length === 0) return bytes;
  let size = bytes.length;
  for (const i of cut) size += varUintSize(items[i + 1] as number) - ((items[i + 4] as number) - (items[i + 3] as number));
  const out = new Uint8Array(size);
  let from = 0;
  let at = 0;
  const copy = (to: number) => {
    out.set(bytes.subarray(from, to), at);
    at += to - from;
  };
  for (const i of cut) {
    const start = items[i + 2] as number;
    copy(start);
    out[at++] = ((bytes[start] as number) & ORIGIN_BITS) | REF_DELETED;
    from = start + 1;
    copy(items[i + 3] as number);
    for (let length = items[i + 1] as number; ; length = Math.floor(length / 128)) {
      if (length < 128) {
        out[at++] = length;
        break;
      }
      out[at++] = (length & 127) | 128;
    }
    from = items[i + 4] as number;
  }
  copy(bytes.length);
  return out;
}

function varUintSize(n: number): number {
  let size = 1;
  for (; n >= 128; n = Math.floor(n / 128)) size++;
  return size;
}

function addRange(ranges: Ranges, client: number, from: number, to: number): void {
  if (to <= from) return;
  let list = ranges.get(client);
  if (!list) ranges.set(client, (list = []));
  list.push([from, to]);
}

/** Sorted, merged ranges per client. */
function normalise(ranges: Ranges): Ranges {
  const out: Ranges = new Map();
  for (const [client, list] of ranges) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [from, to] of list) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    out.set(client, merged);
  }
  return out;
}

/** Per client, the clock up to which the updates hold every struct from 0 on, with no gap. */
function stateVectorOf(present: Ranges): Uint8Array {
  const clocks: Array<[number, number]> = [];
  for (const [client, list] of normalise(present)) {
    const first = list[0];
    if (first && first[0] === 0) clocks.push([client, first[1]]);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.length);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YMessage.Sync);
  encoding.writeVarUint(encoder, YSyncStep.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
