import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { planSnapshot } from './pieces/plan';

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
 *
 * With a `key` (one per stored document), the worker keeps the document it folded last
 * time: when the snapshot read now is byte for byte what it produced then, it applies only
 * the new updates to it instead of reading the whole board again (a compaction then costs
 * its updates and one encode, not the board). A snapshot that differs (another process
 * compacted, the document was deleted) is folded from scratch, so the result is the same.
 */
export async function foldDocumentOffThread(snapshot: Uint8Array | null, updates: Uint8Array[], key?: string): Promise<Folded> {
  const worker = foldWorker();
  if (!worker) return withPlan(foldDocument(snapshot, updates));
  return worker.run(snapshot, updates, key).catch(() => withPlan(foldDocument(snapshot, updates)));
}

/**
 * Folds `updates` onto the document the worker kept for `key`, for a store that knows by
 * other means (Redis: the snapshot's folded id is the one its last commit wrote) that the
 * stored snapshot is what that document produced, so it need not read the snapshot at all.
 * Null when no document is kept for `key`: read the snapshot and use foldDocumentOffThread.
 */
export async function foldOntoKept(key: string, updates: Uint8Array[]): Promise<Folded | null> {
  const worker = foldWorker();
  if (!worker) return null;
  return worker.onto(key, updates).catch(() => null);
}

/**
 * What a compaction commits: the new snapshot, and its piece plan (pieces/plan.ts) or null
 * when it has none. The worker plans the snapshot where it made it, so the bytes never
 * travel back to it.
 */
export interface Folded {
  snapshot: Uint8Array;
  plan: Uint8Array | null;
}

/**
 * The piece plan of a snapshot a compaction is about to commit, or null when it has none or
 * cannot be made: a snapshot without a plan is still served (the load cuts it itself), so
 * planning never fails a compaction.
 */
export function planSnapshotSafely(snapshot: Uint8Array): Uint8Array | null {
  try {
    return planSnapshot(snapshot);
  } catch {
    return null;
  }
}

/** A snapshot folded on this thread (no worker), planned here too. */
export function withPlan(snapshot: Uint8Array): Folded {
  return { snapshot, plan: planSnapshotSafely(snapshot) };
}

/** Documents the worker keeps for the next compaction (each costs the board's size in memory, twice). */
export const KEPT_FOLDS = 2;

/** How folds went, for tests and the bench: onto a kept document, or from the snapshot. */
export const foldStats = { kept: 0, full: 0 };

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
  resolve(folded: Folded): void;
  reject(error: Error): void;
}

/** What the worker answers (fold-worker.ts). */
export interface FoldReply {
  id: number;
  folded?: Uint8Array;
  error?: string;
  /** Asked to reuse a document it no longer keeps: send the snapshot. */
  notKept?: boolean;
  /** With `folded`: its piece plan, null when it has none. */
  plan?: Uint8Array | null;
}

/** What the worker is asked (fold-worker.ts). `reuse`: `bytes` holds only updates, for the kept document `key`. */
export interface FoldJob {
  id: number;
  bytes: Uint8Array;
  lengths: number[];
  key?: string;
  reuse?: boolean;
}

/** One long-lived worker, jobs in order; it does not keep the process alive when idle. */
class FoldWorker {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, Job & { fallback: (() => void) | null }>();
  private nextId = 0;
  /** Per key, the last snapshot the worker produced (its kept document's state), oldest first. */
  private readonly produced = new Map<string, Uint8Array>();

  constructor() {
    // The worker is TypeScript like the rest of the server: its entry registers tsx first.
    this.worker = new Worker(new URL('./fold-worker-boot.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (message: FoldReply) => {
      const job = this.jobs.get(message.id);
      this.jobs.delete(message.id);
      if (this.jobs.size === 0) this.worker.unref();
      if (message.folded) job?.resolve({ snapshot: message.folded, plan: message.plan ?? null });
      else if (message.notKept && job?.fallback) job.fallback();
      else job?.reject(new Error(message.error ?? 'fold failed'));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => {
      this.failAll(new Error('fold worker exited'));
      shared = undefined; // start a new one next time
    });
  }

  run(snapshot: Uint8Array | null, updates: Uint8Array[], key?: string): Promise<Folded> {
    const last = key === undefined ? undefined : this.produced.get(key);
    const reuse = last !== undefined && snapshot !== null && sameBytes(last, snapshot);
    const folded = new Promise<Folded>((resolve, reject) => {
      const full = () => {
        foldStats.full += 1;
        this.post({ resolve, reject, fallback: null }, pack(snapshot, updates), key, false);
      };
      if (!reuse) return full();
      const kept = (result: Folded) => {
        foldStats.kept += 1;
        resolve(result);
      };
      this.post({ resolve: kept, reject, fallback: full }, pack(null, updates), key, true);
    });
    if (key === undefined) return folded;
    return folded.then(
      (result) => this.remember(key, result),
      (error: unknown) => {
        this.produced.delete(key);
        throw error;
      },
    );
  }

  /** foldOntoKept: null (nothing sent) when no document is kept for `key`. */
  onto(key: string, updates: Uint8Array[]): Promise<Folded | null> {
    if (!this.produced.has(key)) return Promise.resolve(null);
    return new Promise<Folded | null>((resolve, reject) => {
      const forget = () => this.produced.delete(key);
      const kept = (result: Folded) => {
        foldStats.kept += 1;
        resolve(this.remember(key, result));
      };
      const failed = (error: Error) => {
        forget();
        reject(error);
      };
      const notKept = () => {
        forget();
        resolve(null);
      };
      this.post({ resolve: kept, reject: failed, fallback: notKept }, pack(null, updates), key, true);
    });
  }

  private remember(key: string, result: Folded): Folded {
    this.produced.delete(key);
    this.produced.set(key, result.snapshot);
    for (const old of this.produced.keys()) if (this.produced.size > KEPT_FOLDS) this.produced.delete(old);
    return result;
  }

  private post(job: Job & { fallback: (() => void) | null }, packed: { bytes: Uint8Array; lengths: number[] }, key: string | undefined, reuse: boolean): void {
    const id = this.nextId++;
    this.worker.ref(); // a compaction in flight must finish before the process may exit
    this.jobs.set(id, job);
    const message: FoldJob = { id, ...packed, ...(key === undefined ? {} : { key, reuse }) };
    this.worker.postMessage(message, [packed.bytes.buffer as ArrayBuffer]);
  }

  private failAll(error: Error): void {
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
    this.produced.clear();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
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
