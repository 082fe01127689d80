import * as encoding from 'lib0/encoding';
import type { StoredDocument } from '../store/board-store';
import { encodeUpdateMessage } from './messages';
import { PIECE_BYTES, planPieces, wholePlan, writePieces } from '../store/pieces/split';
import { REF_DELETED, REF_GC, REF_SKIP, S_CLOCK, S_LENGTH, S_REF, STRIDE, parseUpdate, type ParsedUpdate } from '../store/pieces/parse';
import { readPlannedSnapshot, type PlannedSnapshot, type Ranges } from '../store/pieces/plan';

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
 * would cost the server more (Y.mergeUpdates) than the client saves by applying one. An
 * update over PIECE_BYTES (the snapshot, megabytes on a large board) is sent as several
 * pieces in dependency order (store/pieces/split.ts), so a browser applies it in several tasks.
 *
 * A snapshot stored with its piece plan (store/pieces/plan.ts, made at compaction) is not
 * read at all: its pieces are copied out of it, and only a piece holding content that the
 * log's delete sets cover is read and rewritten.
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
  /**
   * Per client, the sorted clock ranges whose content the messages do not carry: what the
   * stored delete sets cover, and the structs stored without content (gc'd, deleted).
   */
  withoutContent: Ranges;
  /** Whether every struct the messages carry is below the state vector (no struct after a gap). */
  gapless: boolean;
}

export type { Ranges };

export function prepareStoredAnswer(stored: StoredDocument, pieceBytes = PIECE_BYTES): StoredAnswer {
  const deleted: Ranges = new Map();
  const present: Ranges = new Map();
  const bare: Ranges = new Map();
  const planned = stored.snapshot && stored.plan ? readPlannedSnapshot(stored.snapshot, stored.plan, pieceBytes) : null;
  if (planned) noteSnapshot(planned, deleted, present, bare);
  const parsed = [planned ? null : stored.snapshot, ...stored.updates]
    .filter((u): u is Uint8Array => u !== null && u.length > 0)
    .map((update) => read(update, deleted, present, bare));
  const hidden = normalise(deleted);
  const messages: Uint8Array[] = planned ? plannedMessages(planned, hidden) : [];
  for (const update of parsed) {
    const cut = hiddenStructs(update, hidden);
    // A merged update (with gaps) is not cut: it is small, a log entry, never the snapshot.
    if (!cut && (update.bytes.length <= pieceBytes || update.skips)) messages.push(encodeUpdateMessage(update.bytes));
    else for (const piece of writePieces(update, update.skips ? [wholePlan(update)] : planPieces(update, pieceBytes, cut), cut)) messages.push(encodeUpdateMessage(piece));
  }
  const held = normalise(present);
  const gapless = [...held.values()].every((list) => list.length === 1 && (list[0] as [number, number])[0] === 0);
  for (const [client, list] of deleted) for (const [from, to] of list) addRange(bare, client, from, to);
  const bytes = messages.reduce((sum, m) => sum + m.length, 0);
  return { messages, stateVector: stateVectorOf(held), bytes, withoutContent: normalise(bare), gapless };
}

/** Parses one stored update and notes its deletes, the clock ranges it holds and those it holds without content. */
function read(bytes: Uint8Array, deleted: Ranges, present: Ranges, bare: Ranges): ParsedUpdate {
  const parsed = parseUpdate(bytes);
  const { structs, runs, deletes } = parsed;
  for (let r = 0; r < runs.length; r += 3) {
    const client = runs[r] as number;
    let from = -1;
    let to = -1;
    for (let i = runs[r + 1] as number; i < (runs[r + 2] as number); i++) {
      const clock = structs[i * STRIDE + S_CLOCK] as number;
      const end = clock + (structs[i * STRIDE + S_LENGTH] as number);
      const ref = (structs[i * STRIDE + S_REF] as number) & 31;
      if (ref === REF_SKIP) {
        addRange(present, client, from, to);
        from = -1;
        continue;
      }
      if (ref === REF_GC || ref === REF_DELETED) addRange(bare, client, clock, end);
      if (from < 0) from = clock;
      to = end;
    }
    addRange(present, client, from, to);
  }
  for (let d = 0; d < deletes.length; d += 3) addRange(deleted, deletes[d] as number, deletes[d + 1] as number, (deletes[d + 1] as number) + (deletes[d + 2] as number));
  return parsed;
}

/** What `read` notes of an update, for a snapshot known from its plan. */
function noteSnapshot(planned: PlannedSnapshot, deleted: Ranges, present: Ranges, bare: Ranges): void {
  for (const piece of planned.segments) for (const s of piece) addRange(present, s.client, s.clock, s.end);
  for (const [client, list] of planned.bare) for (const [from, to] of list) addRange(bare, client, from, to);
  const { deletes } = planned;
  for (let d = 0; d < deletes.length; d += 3) addRange(deleted, deletes[d] as number, deletes[d + 1] as number, (deletes[d + 1] as number) + (deletes[d + 2] as number));
}

/**
 * A planned snapshot's pieces as messages. A piece holding an item with content in the
 * `hidden` ranges (deleted by the log since the snapshot) is read and rewritten without
 * that content, as one piece; every other piece goes as it was copied.
 */
function plannedMessages(planned: PlannedSnapshot, hidden: Ranges): Uint8Array[] {
  const withContent = subtract(hidden, planned.bare);
  return planned.pieces.flatMap((piece, index) => {
    const segments = planned.segments[index] ?? [];
    if (!segments.some((s) => overlaps(withContent.get(s.client), s.clock, s.end))) return [encodeUpdateMessage(piece)];
    const parsed = parseUpdate(piece);
    const cut = hiddenStructs(parsed, hidden);
    return (cut ? writePieces(parsed, [wholePlan(parsed)], cut) : [piece]).map(encodeUpdateMessage);
  });
}

/** Per client, what of `ranges` is not in `minus` (both sorted and merged). */
function subtract(ranges: Ranges, minus: Ranges): Ranges {
  const out: Ranges = new Map();
  for (const [client, list] of ranges) {
    const holes = minus.get(client) ?? [];
    const kept: Array<[number, number]> = [];
    let h = 0;
    for (const [start, to] of list) {
      let from = start;
      while (h < holes.length && (holes[h] as [number, number])[1] <= from) h++;
      for (let k = h; k < holes.length && from < to; k++) {
        const [holeFrom, holeTo] = holes[k] as [number, number];
        if (holeFrom >= to) break;
        if (holeFrom > from) kept.push([from, holeFrom]);
        from = Math.max(from, holeTo);
      }
      if (from < to) kept.push([from, to]);
    }
    if (kept.length > 0) out.set(client, kept);
  }
  return out;
}

/** Whether sorted `ranges` meet [from, to). */
function overlaps(ranges: Array<[number, number]> | undefined, from: number, to: number): boolean {
  if (!ranges) return false;
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ranges[mid] as [number, number])[1] <= from) low = mid + 1;
    else high = mid;
  }
  const range = ranges[low];
  return range !== undefined && range[0] < to;
}

/** Per struct, 1 for an item with content that the delete sets cover (null: none). */
function hiddenStructs(update: ParsedUpdate, hidden: Ranges): Uint8Array | null {
  const { structs, runs } = update;
  let cut: Uint8Array | null = null;
  for (let r = 0; r < runs.length; r += 3) {
    const ranges = hidden.get(runs[r] as number);
    if (!ranges) continue;
    let next = 0;
    for (let i = runs[r + 1] as number; i < (runs[r + 2] as number); i++) {
      const ref = (structs[i * STRIDE + S_REF] as number) & 31;
      if (ref === REF_GC || ref === REF_DELETED || ref === REF_SKIP) continue;
      const from = structs[i * STRIDE + S_CLOCK] as number;
      const to = from + (structs[i * STRIDE + S_LENGTH] as number);
      while (next < ranges.length && (ranges[next] as [number, number])[1] <= from) next++;
      const range = ranges[next];
      if (!range || range[0] >= to) continue;
      // Part of an item deleted (text, arrays: not in Samskab's layout) would need splitting it.
      if (range[0] > from || range[1] < to) throw new Error('a partly deleted item');
      cut ??= new Uint8Array(structs.length / STRIDE);
      cut[i] = 1;
    }
  }
  return cut;
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

/** Per client, the clock up to which the updates hold every struct from 0 on, with no gap (`held`: normalised). */
function stateVectorOf(held: Ranges): Uint8Array {
  const clocks: Array<[number, number]> = [];
  for (const [client, list] of held) {
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

