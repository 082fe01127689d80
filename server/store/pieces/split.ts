import {
  ORIGIN_BITS,
  REF_DELETED,
  ROOT_CHILD,
  S_CLOCK,
  S_CONTENT,
  S_DEPS,
  S_END,
  S_LENGTH,
  S_REF,
  S_START,
  STRIDE,
  parseUpdate,
  putVarUint,
  varUintSize,
  type ParsedUpdate,
} from './parse';

/**
 * A board's whole state is one Yjs update of megabytes (4.6 MB for 10,000 ideas), and a
 * browser applies one WebSocket message in one main-thread task: half a second and more
 * of a frozen page. So the server cuts it into pieces of at most PIECE_BYTES, each a valid
 * v1 update that any Yjs client applies in order, one task each.
 *
 * A piece holds, per client, a run of whole structs in clock order (a struct is never
 * cut: its id is implicit in its place in the run, its bytes carry absolute ids, so they
 * are copied as they are). Yjs parks a struct whose origin, right origin or parent it does
 * not have yet in its pending structs, and merges and retries them on every later update
 * (expensive for megabytes), so the pieces are planned in dependency order: a struct goes
 * into a piece only once every struct it builds on is in that piece or an earlier one.
 * A valid document's structs are causally ordered, so that never blocks. The delete set
 * goes last, when everything it names has arrived (Yjs would park it too, and retry it
 * with every later update). Cuts are put before a new entry of a root map when one is
 * near, so an idea arrives with all its fields.
 */
export const PIECE_BYTES = 512 * 1024;

/** Where the pieces may end early to keep an idea whole (a share of the bound). */
const SOFT_SHARE = 7 / 8;

/**
 * The first pieces are smaller (an eighth, a quarter, a half of the bound): a browser
 * applies them before its JIT has warmed up to Yjs, and with the first ideas it mounts the
 * board's notes, so the same bytes cost it most at the start (measured: the first of
 * 512 KB pieces took 2-3 times as long as the later ones).
 */
export const RAMP = 3;

function rampedLimit(maxBytes: number, piece: number, ramp: number): number {
  return maxBytes / 2 ** Math.max(0, ramp - piece);
}

/**
 * The pieces of `update`, in order: `update` itself when it fits in one. `cut` marks
 * structs (by index in `parsed`) to write with their content removed, as a deletion
 * marker (stored-answer.ts: what Yjs's gc would have removed).
 */
export function splitUpdate(update: Uint8Array, maxBytes = PIECE_BYTES, ramp = RAMP): Uint8Array[] {
  if (update.length <= maxBytes) return [update];
  const parsed = parseUpdate(update);
  // A merged update with gaps (Skip structs) holds structs Yjs parks anyway: not worth cutting.
  if (parsed.skips) return [update];
  return writePieces(parsed, planPieces(parsed, maxBytes, null, ramp), null);
}

/** Per piece, its segments as run index, first struct, past the last struct; the delete set goes in the last piece. */
export type Plan = number[][];

/** The byte size of struct `i` as it will be written. */
function structSize(p: ParsedUpdate, i: number, cut: Uint8Array | null): number {
  const at = i * STRIDE;
  const s = p.structs;
  if (cut && cut[i]) return (s[at + S_CONTENT] as number) - (s[at + S_START] as number) + varUintSize(s[at + S_LENGTH] as number);
  return (s[at + S_END] as number) - (s[at + S_START] as number);
}

/**
 * A cold server plans the stored snapshot before the first piece can go out, so this runs
 * before the JIT has optimised it: struct by struct (160,000 for 10,000 ideas) it took
 * 20-45 ms of a cold board's first answer. So only the structs that build on another
 * client's ids (`foreign`) or are written without their content (`cut`) are planned one by
 * one; between them nothing can wait, and the structs that fit in the open piece are found
 * by their byte offsets (under 1 ms).
 * `ramp`: how many pieces start smaller (see RAMP).
 */
export function planPieces(p: ParsedUpdate, maxBytes: number, cut: Uint8Array | null, ramp = RAMP): Plan {
  const { structs, runs, foreign } = p;
  const runCount = runs.length / 3;
  const runOf = new Map<number, number>();
  /** Per run: the next struct to place, the clock up to which its structs are placed, where its structs end, and the first struct in the open piece (-1: none). */
  const cursor = new Float64Array(runCount);
  const placed = new Float64Array(runCount);
  const ends = new Float64Array(runCount);
  const startOf = new Float64Array(runCount).fill(-1);
  /** Runs with structs in the open piece. */
  const open: number[] = [];
  /** The structs written without their content, ascending; per run, where in `foreign` and `cuts` its next such struct is. */
  const cuts = cut ? marked(cut) : [];
  const foreignAt = new Float64Array(runCount);
  const cutAt = new Float64Array(runCount);
  /** Per run, pairs of a run waiting for it and the clock it waits for. */
  const waiters: number[][] = [];
  for (let r = 0; r < runCount; r++) {
    const first = runs[r * 3 + 1] as number;
    const past = runs[r * 3 + 2] as number;
    // Yjs reads only the last run of a client named twice (no encoder writes that): kept as it is, whole.
    if (runOf.has(runs[r * 3] as number)) return [wholePlan(p)];
    runOf.set(runs[r * 3] as number, r);
    cursor[r] = first;
    const last = (past - 1) * STRIDE;
    placed[r] = past > first ? (structs[first * STRIDE + S_CLOCK] as number) : 0;
    ends[r] = past > first ? (structs[last + S_CLOCK] as number) + (structs[last + S_LENGTH] as number) : 0;
    waiters.push([]);
    foreignAt[r] = firstAtOrAfter(foreign, first);
    cutAt[r] = firstAtOrAfter(cuts, first);
  }
  const deleteBytes = p.bytes.length - p.deleteSet;
  const pieces: Plan = [];
  const empty = varUintSize(runCount) + 1;
  let limit = rampedLimit(maxBytes, 0, ramp);
  let soft = limit * SOFT_SHARE;
  let size = empty;
  const ready: number[] = [];
  for (let r = runCount - 1; r >= 0; r--) ready.push(r);
  next: for (;;) {
    const r = ready.pop();
    if (r === undefined) break;
    const past = runs[r * 3 + 2] as number;
    let i = cursor[r] as number;
    while (i < past) {
      const at = i * STRIDE;
      let f = foreignAt[r] as number;
      while (f < foreign.length && (foreign[f] as number) < i) f++;
      foreignAt[r] = f;
      const nextForeign = f < foreign.length ? Math.min(foreign[f] as number, past) : past;
      let c = cutAt[r] as number;
      while (c < cuts.length && (cuts[c] as number) < i) c++;
      cutAt[r] = c;
      const stretch = c < cuts.length ? Math.min(cuts[c] as number, nextForeign) : nextForeign;
      const started = (startOf[r] as number) >= 0;
      if (i < stretch && started && size > empty) {
        // Up to the next struct that builds on another client's ids (or is written without
        // its content), nothing can wait and every struct is written as its bytes are: place
        // at once what fits in the open piece, found by the structs' byte offsets.
        const k = fitting(structs, i, stretch, size, limit, soft);
        if (k > i) {
          size += (structs[(k - 1) * STRIDE + S_END] as number) - (structs[at + S_START] as number);
          placed[r] = (structs[(k - 1) * STRIDE + S_CLOCK] as number) + (structs[(k - 1) * STRIDE + S_LENGTH] as number);
          i = k;
          cursor[r] = k;
          continue;
        }
      }
      // The run, and the clock in it, that struct i waits for: an id it builds on that is in this update but not placed yet.
      let blocker = -1;
      let waitClock = 0;
      for (let d = i === nextForeign ? at + S_DEPS : at + STRIDE; d < at + STRIDE; d += 2) {
        const client = structs[d] as number;
        if (client < 0) continue;
        const b = runOf.get(client);
        if (b === undefined) continue; // from an earlier update
        const clock = structs[d + 1] as number;
        if (clock >= (placed[b] as number) && clock < (ends[b] as number)) {
          blocker = b;
          waitClock = clock;
          break;
        }
      }
      if (blocker >= 0) {
        (waiters[blocker] as number[]).push(r, waitClock);
        break;
      }
      const header = started ? 0 : varUintSize(past - (runs[r * 3 + 1] as number)) + varUintSize(runs[r * 3] as number) + varUintSize(structs[at + S_CLOCK] as number);
      const bytes = structSize(p, i, cut) + header;
      const full = size + bytes > limit || (size >= soft && ((structs[at + S_REF] as number) & ROOT_CHILD) !== 0);
      if (full && size > empty) {
        // The next piece starts with what waited for this run, then this run goes on.
        cursor[r] = i;
        closePiece(pieces, open, startOf, cursor);
        size = empty;
        limit = rampedLimit(maxBytes, pieces.length, ramp);
        soft = limit * SOFT_SHARE;
        ready.push(r);
        wake(r, waiters, placed, ready);
        continue next;
      }
      if (!started) {
        startOf[r] = i;
        open.push(r);
      }
      size += bytes;
      placed[r] = (structs[at + S_CLOCK] as number) + (structs[at + S_LENGTH] as number);
      i++;
      cursor[r] = i;
    }
    wake(r, waiters, placed, ready);
  }
  // Only an update whose structs do not follow their causal order gets here with structs
  // left: they go as they are, and Yjs parks what it cannot apply yet.
  for (let r = 0; r < runCount; r++) {
    const past = runs[r * 3 + 2] as number;
    if ((cursor[r] as number) < past) {
      if ((startOf[r] as number) < 0) {
        startOf[r] = cursor[r] as number;
        open.push(r);
      }
      cursor[r] = past;
    }
  }
  closePiece(pieces, open, startOf, cursor);
  const last = pieces[pieces.length - 1];
  const lastSize = last ? pieceSize(p, last, cut, 1) : 0;
  // The delete set rides with the last structs when it fits, else it is a piece of its own.
  if (!last || lastSize - 1 + deleteBytes > maxBytes) pieces.push([]);
  return pieces;
}

/** The indices of the marked structs, ascending. */
function marked(cut: Uint8Array): number[] {
  const list: number[] = [];
  for (let i = 0; i < cut.length; i++) if (cut[i]) list.push(i);
  return list;
}

/** The index of the first value in ascending `list` at or after `value` (the list's length: none). */
function firstAtOrAfter(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The first struct of [from, to) (one run's, written whole: their bytes follow each other)
 * that does not go into the open piece of `size` bytes: the first that passes `limit`, or
 * the first new entry of a root map once the piece has `soft` bytes (`to`: all go in).
 */
function fitting(structs: Float64Array, from: number, to: number, size: number, limit: number, soft: number): number {
  const base = size - (structs[from * STRIDE + S_START] as number);
  // Struct k passes the limit when base + its end > limit: the ends grow with k.
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (base + (structs[mid * STRIDE + S_END] as number) > limit) high = mid;
    else low = mid + 1;
  }
  const overLimit = low;
  // From the first struct that starts with the piece at `soft` bytes on, a root map's new entry ends it.
  low = from;
  high = overLimit;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (base + (structs[mid * STRIDE + S_START] as number) >= soft) high = mid;
    else low = mid + 1;
  }
  for (let k = low; k < overLimit; k++) if (((structs[k * STRIDE + S_REF] as number) & ROOT_CHILD) !== 0) return k;
  return overLimit;
}

/** Ends the open piece: its segments in run order (none: no piece); no run is open afterwards. */
function closePiece(pieces: Plan, open: number[], startOf: Float64Array, cursor: Float64Array): void {
  const segments: number[] = [];
  for (const r of open.sort((a, b) => a - b)) {
    const from = startOf[r] as number;
    if ((cursor[r] as number) > from) segments.push(r, from, cursor[r] as number);
    startOf[r] = -1;
  }
  open.length = 0;
  if (segments.length > 0) pieces.push(segments);
}

/** Moves the runs that waited for a struct of run `r` now placed to `ready`. */
function wake(r: number, waiters: number[][], placed: Float64Array, ready: number[]): void {
  const list = waiters[r] as number[];
  if (list.length === 0) return;
  const still: number[] = [];
  for (let w = 0; w < list.length; w += 2) {
    if ((list[w + 1] as number) < (placed[r] as number)) ready.push(list[w] as number);
    else still.push(list[w] as number, list[w + 1] as number);
  }
  waiters[r] = still;
}

/** A plan of one piece with every struct: the update written whole. */
export function wholePlan(p: ParsedUpdate): number[] {
  const segments: number[] = [];
  for (let r = 0; r < p.runs.length; r += 3) if ((p.runs[r + 2] as number) > (p.runs[r + 1] as number)) segments.push(r / 3, p.runs[r + 1] as number, p.runs[r + 2] as number);
  return segments;
}

/** The byte size of a piece's update, with `deleteBytes` for its delete set. */
function pieceSize(p: ParsedUpdate, segments: number[], cut: Uint8Array | null, deleteBytes: number): number {
  let size = varUintSize(segments.length / 3) + deleteBytes;
  for (let g = 0; g < segments.length; g += 3) {
    const r = segments[g] as number;
    const from = segments[g + 1] as number;
    const to = segments[g + 2] as number;
    size += varUintSize(to - from) + varUintSize(p.runs[r * 3] as number) + varUintSize(p.structs[from * STRIDE + S_CLOCK] as number);
    if (!cut) size += (p.structs[(to - 1) * STRIDE + S_END] as number) - (p.structs[from * STRIDE + S_START] as number);
    else for (let i = from; i < to; i++) size += structSize(p, i, cut);
  }
  return size;
}

/** The pieces' updates; the last carries the delete set. */
export function writePieces(p: ParsedUpdate, plan: Plan, cut: Uint8Array | null): Uint8Array[] {
  const { bytes, structs, runs } = p;
  return plan.map((segments, index) => {
    const deletes = index === plan.length - 1 ? bytes.subarray(p.deleteSet) : new Uint8Array([0]);
    const out = new Uint8Array(pieceSize(p, segments, cut, deletes.length));
    let at = putVarUint(out, 0, segments.length / 3);
    for (let g = 0; g < segments.length; g += 3) {
      const r = segments[g] as number;
      const from = segments[g + 1] as number;
      const to = segments[g + 2] as number;
      at = putVarUint(out, at, to - from);
      at = putVarUint(out, at, runs[r * 3] as number);
      at = putVarUint(out, at, structs[from * STRIDE + S_CLOCK] as number);
      // Copied in stretches between the structs written without their content.
      let copyFrom = structs[from * STRIDE + S_START] as number;
      if (cut) {
        for (let i = from; i < to; i++) {
          if (!cut[i]) continue;
          const start = structs[i * STRIDE + S_START] as number;
          out.set(bytes.subarray(copyFrom, start), at);
          at += start - copyFrom;
          out[at++] = ((bytes[start] as number) & ORIGIN_BITS) | REF_DELETED;
          const content = structs[i * STRIDE + S_CONTENT] as number;
          out.set(bytes.subarray(start + 1, content), at);
          at += content - start - 1;
          at = putVarUint(out, at, structs[i * STRIDE + S_LENGTH] as number);
          copyFrom = structs[i * STRIDE + S_END] as number;
        }
      }
      const end = structs[(to - 1) * STRIDE + S_END] as number;
      out.set(bytes.subarray(copyFrom, end), at);
      at += end - copyFrom;
    }
    out.set(deletes, at);
    at += deletes.length;
    if (at !== out.length) throw new Error('a piece was not written to its size');
    return out;
  });
}
