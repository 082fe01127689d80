import * as Y from 'yjs';

/**
 * Folds a stored document (snapshot, then the updates appended after it) into one update.
 *
 * Both stores compact through here rather than Y.mergeUpdates: merging is superlinear in the
 * number of updates and, unlike applying to a Y.Doc with gc on, it keeps the content of
 * deleted items, so deleted text would survive compaction (a problem for erasure requests).
 */
export function foldDocument(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    // One transaction: the delete sets of all updates are garbage-collected together, and
    // observers (none here) would fire once.
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
