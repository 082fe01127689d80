/**
 * Reads a Yjs v1 update's structure with lib0 varints, building no Item objects: where each
 * struct's bytes are, its id, its content's Yjs length, and the ids it builds on (origin,
 * right origin, parent). The server cuts large updates into pieces with it
 * (split.ts) and strips deleted content from stored updates (stored-answer.ts).
 * About a tenth of what Y.decodeUpdate costs; anything it does not expect throws.
 */
export interface ParsedUpdate {
  bytes: Uint8Array;
  /** Per struct, STRIDE numbers (see the S_ offsets), in the update's order. */
  structs: Float64Array;
  /** Per run of one client's structs: the client, the index of its first struct and past its last (struct indices). */
  runs: number[];
  /** Byte offset of the delete set (it runs to the end). */
  deleteSet: number;
  /** The delete set's ranges: client, clock, length per range. */
  deletes: number[];
  /** Whether the update has Skip structs (gaps: a merged update). */
  skips: boolean;
  /** The structs that build on another client's ids, ascending (the planner checks only these for what they wait for). */
  foreign: number[];
}

export const STRIDE = 12;
/** Offsets in a struct's record: its clock and Yjs length. */
export const S_CLOCK = 0;
export const S_LENGTH = 1;
/** Byte offsets of its info byte, its content, and just past it. */
export const S_START = 2;
export const S_CONTENT = 3;
export const S_END = 4;
/** Its struct ref: REF_GC, REF_DELETED, REF_SKIP or an item with content. */
export const S_REF = 5;
/** Three ids it needs, as client and clock (client -1: none, or its own client): origin, right origin, parent. */
export const S_DEPS = 6;
/** Set in S_REF's value: its parent is a root type (a new entry of a root map: a cut before it keeps an idea whole). */
export const ROOT_CHILD = 256;

export const REF_GC = 0;
export const REF_DELETED = 1;
export const REF_SKIP = 10;
const BITS5 = 0b11111;
export const ORIGIN_BITS = 0b11100000;
const HAS_ORIGIN = 0b10000000;
const HAS_RIGHT_ORIGIN = 0b01000000;
const HAS_PARENT_SUB = 0b00100000;

/** The bytes being read and the read position (module state: the reader is synchronous). */
let buf: Uint8Array = new Uint8Array(0);
let pos = 0;

function readVarUint(): number {
  let byte = buf[pos++] as number;
  if (byte < 128) return byte;
  let num = byte & 127;
  let mult = 128;
  for (;;) {
    if (pos >= buf.length) throw new Error('unexpected end of update');
    byte = buf[pos++] as number;
    num += (byte & 127) * mult;
    if (byte < 128) return num;
    mult *= 128;
    if (num > Number.MAX_SAFE_INTEGER) throw new Error('integer out of range');
  }
}

function skipString(): void {
  const length = readVarUint();
  pos += length;
  if (pos > buf.length) throw new Error('string past the end');
}

export function parseUpdate(bytes: Uint8Array): ParsedUpdate {
  buf = bytes;
  pos = 0;
  try {
    return parse();
  } finally {
    buf = new Uint8Array(0);
  }
}

function parse(): ParsedUpdate {
  const bytes = buf;
  let structs = new Float64Array(1024 * STRIDE);
  let n = 0;
  const runs: number[] = [];
  const foreign: number[] = [];
  let skips = false;
  const clients = readVarUint();
  for (let c = 0; c < clients; c++) {
    const count = readVarUint();
    const client = readVarUint();
    runs.push(client, n);
    let clock = readVarUint();
    if (count > 0 && (n + count) * STRIDE > structs.length) {
      const grown = new Float64Array(Math.max(structs.length * 2, (n + count) * STRIDE));
      grown.set(structs);
      structs = grown;
    }
    for (let s = 0; s < count; s++, n++) {
      const start = pos;
      if (pos >= bytes.length) throw new Error('unexpected end of update');
      const info = bytes[pos++] as number;
      let ref = info & BITS5;
      const at = n * STRIDE;
      // The ids it builds on, other clients' only (its own run's earlier structs come first anyway).
      structs[at + S_DEPS] = -1;
      structs[at + S_DEPS + 2] = -1;
      structs[at + S_DEPS + 4] = -1;
      if (ref === REF_GC || ref === REF_SKIP) {
        const length = readVarUint();
        if (ref === REF_SKIP) skips = true;
        setStruct(structs, at, clock, length, start, pos, ref);
        clock += length;
        continue;
      }
      if (info & HAS_ORIGIN) dependency(structs, at + S_DEPS, client);
      if (info & HAS_RIGHT_ORIGIN) dependency(structs, at + S_DEPS + 2, client);
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        if (readVarUint() === 1) {
          skipString();
          ref |= ROOT_CHILD;
        } else {
          dependency(structs, at + S_DEPS + 4, client);
        }
        if (info & HAS_PARENT_SUB) skipString();
      }
      if ((structs[at + S_DEPS] as number) >= 0 || (structs[at + S_DEPS + 2] as number) >= 0 || (structs[at + S_DEPS + 4] as number) >= 0) foreign.push(n);
      const content = pos;
      const length = skipContent(ref & BITS5);
      setStruct(structs, at, clock, length, start, content, ref);
      clock += length;
    }
    runs.push(n);
  }
  if (pos > bytes.length) throw new Error('unexpected end of update');
  const deleteSet = pos;
  const deletes = readDeletes();
  return { bytes, structs: structs.subarray(0, n * STRIDE), runs, deleteSet, deletes, skips, foreign };
}

/** The delete set from the read position to the end: client, clock, length per range. */
function readDeletes(): number[] {
  const deletes: number[] = [];
  const deleteClients = readVarUint();
  for (let c = 0; c < deleteClients; c++) {
    const client = readVarUint();
    const ranges = readVarUint();
    for (let r = 0; r < ranges; r++) deletes.push(client, readVarUint(), readVarUint());
  }
  if (pos > buf.length) throw new Error('unexpected end of update');
  return deletes;
}

/** The delete set of a v1 update whose structs end at byte `offset` (ParsedUpdate.deletes, without reading the structs). */
export function parseDeleteSet(bytes: Uint8Array, offset: number): number[] {
  buf = bytes;
  pos = offset;
  try {
    return readDeletes();
  } finally {
    buf = new Uint8Array(0);
  }
}

function setStruct(structs: Float64Array, at: number, clock: number, length: number, start: number, content: number, ref: number): void {
  structs[at + S_CLOCK] = clock;
  structs[at + S_LENGTH] = length;
  structs[at + S_START] = start;
  structs[at + S_CONTENT] = content;
  structs[at + S_END] = pos;
  structs[at + S_REF] = ref;
}

/** Reads an id into `structs[at]` (client) and `structs[at + 1]` (clock), unless it is `client`'s own. */
function dependency(structs: Float64Array, at: number, client: number): void {
  const depClient = readVarUint();
  const depClock = readVarUint();
  if (depClient === client) return;
  structs[at] = depClient;
  structs[at + 1] = depClock;
}

/** Skips one item's content and returns its Yjs length. */
function skipContent(ref: number): number {
  switch (ref) {
    case REF_DELETED:
      return readVarUint();
    case 2: {
      const length = readVarUint(); // JSON
      for (let i = 0; i < length; i++) skipString();
      return length;
    }
    case 3: // binary
      skipString();
      return 1;
    case 4: {
      // A string: its length is in UTF-16 code units (not used by Samskab's layout, so decoded as Yjs does).
      const length = readVarUint();
      if (pos + length > buf.length) throw new Error('string past the end');
      const text = new TextDecoder().decode(buf.subarray(pos, pos + length));
      pos += length;
      return text.length;
    }
    case 5: // embed
      skipString();
      return 1;
    case 6: // format
      skipString();
      skipString();
      return 1;
    case 7: {
      const typeRef = readVarUint();
      if (typeRef === 3 || typeRef === 5) skipString(); // XML element / hook name
      return 1;
    }
    case 8: {
      const length = readVarUint(); // any
      for (let i = 0; i < length; i++) skipAny();
      return length;
    }
    case 9: // subdocument
      skipString();
      skipAny();
      return 1;
    default:
      throw new Error(`unexpected struct ${ref}`);
  }
}

/** lib0's `writeAny` encoding, read without building the value. */
function skipAny(): void {
  if (pos >= buf.length) throw new Error('unexpected end of update');
  const type = buf[pos++] as number;
  switch (type) {
    case 127:
    case 126:
    case 121:
    case 120:
      return;
    case 125: {
      // varInt: continue while the high bit is set
      while (pos < buf.length && ((buf[pos++] as number) & 128) !== 0);
      return;
    }
    case 124:
      pos += 4;
      return;
    case 123:
    case 122:
      pos += 8;
      return;
    case 119:
    case 116:
      skipString();
      return;
    case 118: {
      const entries = readVarUint();
      for (let i = 0; i < entries; i++) {
        skipString();
        skipAny();
      }
      return;
    }
    case 117: {
      const length = readVarUint();
      for (let i = 0; i < length; i++) skipAny();
      return;
    }
    default:
      throw new Error(`unexpected value type ${type}`);
  }
}

export function varUintSize(n: number): number {
  let size = 1;
  for (; n >= 128; n = Math.floor(n / 128)) size++;
  return size;
}

/** Writes a varUint at `at`; returns the offset after it. */
export function putVarUint(out: Uint8Array, at: number, n: number): number {
  for (; n >= 128; n = Math.floor(n / 128)) out[at++] = (n % 128) | 128;
  out[at++] = n;
  return at;
}
