import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { foldDocument, KEPT_FOLDS, planSnapshotSafely, unpack, type FoldJob, type FoldReply } from './compact';

/**
 * The thread behind foldDocumentOffThread (compact.ts): folds stored documents off the event
 * loop, and plans the pieces of each snapshot it makes (pieces/plan.ts).
 *
 * Off the event loop is not yet off the serving path: where the server has one core (a
 * container limit, taskset, a busy host) the fold takes that core's time from the thread
 * that answers clients, about a second for a 10,000-idea board. So the thread runs at the
 * lowest priority, set by its entry (fold-worker-boot.mjs) before it loads anything.
 */

/** The documents folded last, by key, oldest first (compact.ts decides when one may be reused). */
const kept = new Map<string, Y.Doc>();

function keep(key: string, doc: Y.Doc): void {
  kept.get(key)?.destroy();
  kept.delete(key);
  kept.set(key, doc);
  for (const [old, oldDoc] of kept) {
    if (kept.size <= KEPT_FOLDS) break;
    oldDoc.destroy();
    kept.delete(old);
  }
}

function fold(job: FoldJob): FoldReply {
  const { snapshot, updates } = unpack(job.bytes, job.lengths);
  if (job.key === undefined) return { id: job.id, folded: foldDocument(snapshot, updates) };
  let doc = job.reuse ? kept.get(job.key) : undefined;
  if (job.reuse && !doc) return { id: job.id, notKept: true };
  // The kept document leaves the cache while it changes: a throw halfway must not leave it half-applied.
  kept.delete(job.key);
  doc ??= new Y.Doc({ gc: true });
  const target = doc;
  try {
    target.transact(() => {
      if (snapshot) Y.applyUpdate(target, snapshot);
      for (const update of updates) Y.applyUpdate(target, update);
    });
    const folded = Y.encodeStateAsUpdate(target);
    keep(job.key, target);
    return { id: job.id, folded };
  } catch (error) {
    target.destroy();
    throw error;
  }
}

parentPort?.on('message', (job: FoldJob) => {
  try {
    const reply = fold(job);
    // The new snapshot is planned here, where its bytes are (the compaction commits both).
    if (reply.folded) reply.plan = planSnapshotSafely(reply.folded);
    const transfer = [reply.folded, reply.plan].filter((b): b is Uint8Array => b instanceof Uint8Array).map((b) => b.buffer as ArrayBuffer);
    parentPort?.postMessage(reply, transfer);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies FoldReply);
  }
});
