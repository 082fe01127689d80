import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import type { StoredDocument } from '../store/board-store';
import { PIECE_BYTES, splitUpdate } from './update-split';

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
 * for new devices (update-split.ts: pieces in dependency order, each integrating whole),
 * applied one piece per transaction, with a turn of the event loop whenever TURN_MS have
 * passed. Nothing else sees the document until the load is done (the room is not handed
 * out before), and Yjs reaches the same state whatever the grouping. A snapshot the
 * splitter cannot read is applied whole, as before.
 */
export async function applyStoredState(doc: Y.Doc, stored: StoredDocument, turnMs = TURN_MS, prepared: readonly Uint8Array[] | null = null): Promise<void> {
  if (prepared) return applyPieces(doc, prepared, turnMs);
  const pieces = stored.snapshot ? snapshotPieces(stored.snapshot) : [];
  let since = performance.now();
  for (const piece of pieces) {
    Y.applyUpdate(doc, piece);
    if (performance.now() - since >= turnMs) {
      await nextTurn();
      since = performance.now();
    }
  }
  // The log: usually a few hundred small updates, in one transaction (linear to apply).
  if (stored.updates.length > 0) {
    Y.transact(doc, () => {
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
  }
}

/**
 * The stored state as the load already cut it for new devices (stored-answer.ts): the
 * snapshot in pieces, the log an update each, with the content of deleted items left out
 * as a document that garbage-collects leaves it out anyway. Applied as they are, so the
 * snapshot is not parsed a second time (a tenth of a second on a cold 10,000-idea board).
 */
async function applyPieces(doc: Y.Doc, pieces: readonly Uint8Array[], turnMs: number): Promise<void> {
  let since = performance.now();
  for (const piece of pieces) {
    Y.applyUpdate(doc, piece);
    if (performance.now() - since >= turnMs) {
      await nextTurn();
      since = performance.now();
    }
  }
}

function snapshotPieces(snapshot: Uint8Array): Uint8Array[] {
  // A small board is applied at once: cutting it costs a parse and gains nothing.
  if (snapshot.length <= 2 * PIECE_BYTES) return [snapshot];
  try {
    // No ramp: the first pieces need not be small here, nothing renders them.
    return splitUpdate(snapshot, PIECE_BYTES, 0);
  } catch {
    return [snapshot];
  }
}
