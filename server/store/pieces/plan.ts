import { createHash } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { REF_DELETED, REF_GC, S_CLOCK, S_END, S_LENGTH, S_REF, S_START, STRIDE, parseDeleteSet, parseUpdate, putVarUint, varUintSize } from './parse';
import { PIECE_BYTES, planPieces } from './split';

/**
 * A snapshot's pieces, planned when the snapshot is written and kept beside it by the store.
 *
 * Why: a new device on a cold board is first answered with the stored snapshot cut into
 * pieces (split.ts). Cutting reads the snapshot struct by struct, 70-100 ms of a cold
 * process for a 10,000-idea board, and nothing goes out before it is done. The cut depends
 * only on the snapshot's bytes, so the compaction that writes a snapshot plans it on its
 * worker thread (compact.ts), and the store keeps the plan with it, written and deleted
 * together. A load then writes the pieces by copying byte ranges, with no struct read.
 *
 * The plan also says what a new device's answer must know of the snapshot without reading
 * it (realtime/stored-answer.ts): the clock ranges it holds and those it holds without
 * content. It names its snapshot by SHA-256 (3 ms for 4.6 MB): a plan that does not match
 * (a snapshot written without one, a later format) is ignored, and the caller cuts the
 * snapshot as before. It is a few kilobytes, against the snapshot's megabytes.
 */

/** Per client, sorted and merged clock ranges [from, to). */
export type Ranges = Map<number, Array<[number, number]>>;

/** A run of one client's structs in a piece: `count` structs, clocks [clock, end), bytes [from, to) of the snapshot. */
export interface Segment {
  client: number;
  count: number;
  clock: number;
  end: number;
  from: number;
  to: number;
}

/** The snapshot's pieces written from a plan, and what the plan says of it. */
export interface PlannedSnapshot {
  /** Valid v1 updates, in order; the last carries the snapshot's delete set. */
  pieces: Uint8Array[];
  /** Per piece, the runs it holds. */
  segments: Segment[][];
  /** The clock ranges the snapshot holds without content (gc'd or deleted structs). */
  bare: Ranges;
  /** The snapshot's delete set: client, clock, length per range. */
  deletes: number[];
}

const VERSION = 1;
/** An empty delete set: what every piece but the last carries. */
const NO_DELETES = new Uint8Array([0]);

function digest(snapshot: Uint8Array): Uint8Array {
  return createHash('sha256').update(snapshot).digest();
}

/**
 * The plan of `snapshot`'s pieces of at most `maxBytes` (as split.ts plans them for a new
 * device), or null when it has none: it fits in one piece, or it has gaps (a merged update,
 * sent whole). Throws on bytes it cannot read, as parseUpdate does.
 */
export function planSnapshot(snapshot: Uint8Array, maxBytes = PIECE_BYTES): Uint8Array | null {
  if (snapshot.length <= maxBytes) return null;
  const parsed = parseUpdate(snapshot);
  if (parsed.skips) return null;
  const { structs, runs } = parsed;
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, VERSION);
  encoding.writeVarUint8Array(out, digest(snapshot));
  encoding.writeVarUint(out, maxBytes);
  encoding.writeVarUint(out, parsed.deleteSet);
  const plan = planPieces(parsed, maxBytes, null);
  encoding.writeVarUint(out, plan.length);
  for (const segments of plan) {
    encoding.writeVarUint(out, segments.length / 3);
    for (let g = 0; g < segments.length; g += 3) {
      const r = segments[g] as number;
      const first = segments[g + 1] as number;
      const past = segments[g + 2] as number;
      const last = (past - 1) * STRIDE;
      encoding.writeVarUint(out, runs[r * 3] as number);
      encoding.writeVarUint(out, past - first);
      encoding.writeVarUint(out, structs[first * STRIDE + S_CLOCK] as number);
      encoding.writeVarUint(out, (structs[last + S_CLOCK] as number) + (structs[last + S_LENGTH] as number));
      encoding.writeVarUint(out, structs[first * STRIDE + S_START] as number);
      encoding.writeVarUint(out, structs[last + S_END] as number);
    }
  }
  const bare = bareRanges(parsed.structs, runs);
  encoding.writeVarUint(out, bare.size);
  for (const [client, list] of bare) {
    encoding.writeVarUint(out, client);
    encoding.writeVarUint(out, list.length);
    for (const [from, to] of list) {
      encoding.writeVarUint(out, from);
      encoding.writeVarUint(out, to - from);
    }
  }
  return encoding.toUint8Array(out);
}

/** Per client, the merged clock ranges of structs without content. */
function bareRanges(structs: Float64Array, runs: number[]): Ranges {
  const ranges: Ranges = new Map();
  for (let r = 0; r < runs.length; r += 3) {
    const client = runs[r] as number;
    for (let i = runs[r + 1] as number; i < (runs[r + 2] as number); i++) {
      const ref = (structs[i * STRIDE + S_REF] as number) & 31;
      if (ref !== REF_GC && ref !== REF_DELETED) continue;
      const from = structs[i * STRIDE + S_CLOCK] as number;
      const to = from + (structs[i * STRIDE + S_LENGTH] as number);
      let list = ranges.get(client);
      if (!list) ranges.set(client, (list = []));
      const previous = list[list.length - 1];
      if (previous && previous[1] === from) previous[1] = to;
      else list.push([from, to]);
    }
  }
  for (const list of ranges.values()) list.sort((a, b) => a[0] - b[0]);
  return ranges;
}

/**
 * `snapshot`'s pieces written from `plan` (planSnapshot's, for pieces of `maxBytes`), or
 * null when the plan is not this snapshot's, not for that size, or cannot be read.
 */
export function readPlannedSnapshot(snapshot: Uint8Array, plan: Uint8Array, maxBytes = PIECE_BYTES): PlannedSnapshot | null {
  try {
    const input = decoding.createDecoder(plan);
    if (decoding.readVarUint(input) !== VERSION) return null;
    if (!Buffer.from(decoding.readVarUint8Array(input)).equals(digest(snapshot))) return null;
    if (decoding.readVarUint(input) !== maxBytes) return null;
    const deleteSet = decoding.readVarUint(input);
    if (deleteSet > snapshot.length) return null;
    const segments: Segment[][] = [];
    for (let pieces = decoding.readVarUint(input); pieces > 0; pieces--) {
      const piece: Segment[] = [];
      for (let count = decoding.readVarUint(input); count > 0; count--) {
        const segment: Segment = {
          client: decoding.readVarUint(input),
          count: decoding.readVarUint(input),
          clock: decoding.readVarUint(input),
          end: decoding.readVarUint(input),
          from: decoding.readVarUint(input),
          to: decoding.readVarUint(input),
        };
        if (segment.from > segment.to || segment.to > deleteSet) return null;
        piece.push(segment);
      }
      segments.push(piece);
    }
    const bare: Ranges = new Map();
    for (let clients = decoding.readVarUint(input); clients > 0; clients--) {
      const client = decoding.readVarUint(input);
      const list: Array<[number, number]> = [];
      for (let count = decoding.readVarUint(input); count > 0; count--) {
        const from = decoding.readVarUint(input);
        list.push([from, from + decoding.readVarUint(input)]);
      }
      bare.set(client, list);
    }
    const deletes = parseDeleteSet(snapshot, deleteSet);
    const pieces = segments.map((piece, index) => writePiece(snapshot, piece, index === segments.length - 1 ? snapshot.subarray(deleteSet) : NO_DELETES));
    return { pieces, segments, bare, deletes };
  } catch {
    return null;
  }
}

/** One piece: its runs' headers, their structs' bytes copied as they are, then `deletes`. */
function writePiece(snapshot: Uint8Array, segments: Segment[], deletes: Uint8Array): Uint8Array {
  let size = varUintSize(segments.length) + deletes.length;
  for (const s of segments) size += varUintSize(s.count) + varUintSize(s.client) + varUintSize(s.clock) + s.to - s.from;
  const out = new Uint8Array(size);
  let at = putVarUint(out, 0, segments.length);
  for (const s of segments) {
    at = putVarUint(out, at, s.count);
    at = putVarUint(out, at, s.client);
    at = putVarUint(out, at, s.clock);
    out.set(snapshot.subarray(s.from, s.to), at);
    at += s.to - s.from;
  }
  out.set(deletes, at);
  return out;
}
