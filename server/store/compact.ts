import { Worker } from 'node:worker_threads';
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

/**
 * foldDocument on a worker thread. Folding a 10,000-idea board takes about a second of CPU;
 * on the main thread that would freeze every connection of the process while it runs (the
 * benchmark measured a 1.1 s event-loop stall). Falls back to the main thread if a worker
 * cannot be started.
 */
export async function foldDocumentOffThread(snapshot: Uint8Array | null, updates: Uint8Array[]): Promise<Uint8Array> {
  const worker = foldWorker();
  if (!worker) return foldDocument(snapshot, updates);
  return worker.run(snapshot, updates).catch(() => foldDocument(snapshot, updates));
}

let shared: FoldWorker | null | undefined;

function foldWorker(): FoldWorker | null {
  if (shared === undefined) {
    try {
      shared = new FoldWorker();
    } catch {
      shared = null;
    }
  }
  return shared;
}

interface Job {
  resolve(folded: Uint8Array): void;
  reject(error: Error): void;
}

/** One long-lived worker, jobs in order; it does not keep the process alive when idle. */
class FoldWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;

  constructor() {
    // The worker is TypeScript like the rest of the server: its entry registers tsx first.
    this.worker = new Worker(new URL('./fold-worker-boot.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (message: { id: number; folded?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(message.id);
      this.jobs.delete(message.id);
      if (this.jobs.size === 0) this.worker.unref();
      if (message.folded) job?.resolve(message.folded);
      else job?.reject(new Error(message.error ?? 'fold failed'));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => {
      this.failAll(new Error('fold worker exited'));
      shared = undefined; // start a new one next time
    });
  }

  run(snapshot: Uint8Array | null, updates: Uint8Array[]): Promise<Uint8Array> {
    const id = this.nextId++;
    this.worker.ref(); // a compaction in flight must finish before the process may exit
    const packed = pack(snapshot, updates);
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...packed }, [packed.bytes.buffer as ArrayBuffer]);
    });
  }

  private failAll(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}

/**
 * Every part copied once into one transferable buffer. Posting the parts themselves would
 * structured-clone each one's whole backing store, and stores hand out views into shared
 * buffers: 10,000 such views cost more than the fold saves.
 */
export function pack(snapshot: Uint8Array | null, updates: Uint8Array[]): { bytes: Uint8Array; lengths: number[] } {
  const parts = snapshot ? [snapshot, ...updates] : updates;
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, lengths: [snapshot ? snapshot.length : -1, ...updates.map((u) => u.length)] };
}

/** The inverse of pack(), without copying. */
export function unpack(bytes: Uint8Array, lengths: number[]): { snapshot: Uint8Array | null; updates: Uint8Array[] } {
  let offset = 0;
  const take = (length: number) => {
    const part = bytes.subarray(offset, offset + length);
    offset += length;
    return part;
  };
  const [snapshotLength = -1, ...updateLengths] = lengths;
  const snapshot = snapshotLength >= 0 ? take(snapshotLength) : null;
  return { snapshot, updates: updateLengths.map(take) };
}
