import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import type { StoredDocument } from '../store/board-store';
import { PIECE_BYTES, splitUpdate } from '../store/pieces/split';
import { readPlannedSnapshot } from '../store/pieces/plan';

/** How long applying a board may hold the event loop before it lets a turn pass. */
const TURN_MS = 25;

/**
 * Applies a board's stored state (its snapshot, then its log) to the room's new document.
 *
 * Why in pieces: Yjs applies a 10,000-idea snapshot (4.6 MB) in 0.4-0.9 s on a cold
 * process, and while it does the event loop stands still: the stored state already queued
 * for new devices stops flowing (a socket's buffered bytes go out only between turns, so a
 * device still applying the first pieces was left waiting for the rest until the load had
 * ended), and every other board of the process waits too. So a large snapshot is cut as
 * for new devices (store/pieces/split.ts: pieces in dependency order, each integrating
 * whole; with the plan stored beside it, store/pieces/plan.ts, copied out without a read),
 * applied as many to a transaction as fit in TURN_MS (one at least), with a turn of the
 * event loop between transactions. Nothing else sees the document until the load is done
 * (the room is not handed out before), and Yjs reaches the same state whatever the
 * grouping. A snapshot the splitter cannot read is applied whole, as before.
 */
export async function applyStoredState(doc: Y.Doc, stored: StoredDocument, turnMs = TURN_MS, prepared: readonly Uint8Array[] | null = null): Promise<void> {
  if (prepared) return applyInTurns(doc, prepared, turnMs);
  const pieces = stored.snapshot ? snapshotPieces(stored.snapshot, stored.plan ?? null) : [];
  // The log (usually a few hundred small updates) follows the snapshot, many to a transaction.
  await applyInTurns(doc, [...pieces, ...stored.updates], turnMs);
}

/**
 * Applies updates in order, as many to a transaction as fit in `turnMs` (one at least),
 * with a turn of the event loop between transactions. `prepared` above is the stored
 * state as the load already cut it for new devices (stored-answer.ts): the snapshot in
 * pieces, the log an update each, without the content of deleted items (which a document
 * that garbage-collects drops anyway), so the snapshot is not parsed a second time (a
 * tenth of a second on a cold 10,000-idea board).
 */
async function applyInTurns(doc: Y.Doc, updates: readonly Uint8Array[], turnMs: number): Promise<void> {
  let next = 0;
  while (next < updates.length) {
    const until = performance.now() + turnMs;
    Y.transact(doc, () => {
      do Y.applyUpdate(doc, updates[next++] as Uint8Array);
      while (next < updates.length && performance.now() < until);
    });
    if (next < updates.length) await nextTurn();
  }
}

function snapshotPieces(snapshot: Uint8Array, plan: Uint8Array | null): Uint8Array[] {
  // A small board is applied at once: cutting it costs a parse and gains nothing.
  if (snapshot.length <= 2 * PIECE_BYTES) return [snapshot];
  // Cut at compaction (store/pieces/plan.ts): the pieces are copied out, nothing is parsed.
  const planned = plan ? readPlannedSnapshot(snapshot, plan) : null;
  if (planned) return planned.pieces;
  try {
    // No ramp: the first pieces need not be small here, nothing renders them.
    return splitUpdate(snapshot, PIECE_BYTES, 0);
  } catch {
    return [snapshot];
  }
}
