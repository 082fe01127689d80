import type { DocumentLog, StoredDocument } from '../document-log';
import { foldDocumentOffThread } from '../compact';
import { decoder, encoder, view, type BatchOp, type Db, type KeyLocks } from './level';

/*
 * Layout of one document (<name> URI-encoded, so it never contains ':' and one document's
 * key range can never include another's, `a` vs `a:log:x`, whatever names the server chooses):
 *   doc:<name>:client:<clientId>    principal id (UTF-8)
 *   doc:<name>:folded               last sequence number folded into the snapshot (decimal,
 *                                   UTF-8); log entries up to it are leftovers, never read
 *   doc:<name>:log:<seq, 16 digits> one Yjs update
 *   doc:<name>:plan                 the snapshot's piece plan (pieces/plan.ts), written and deleted with it
 *   doc:<name>:seq                  last sequence number handed out (decimal, UTF-8)
 *   doc:<name>:snap                 compacted snapshot
 */

const SEQ_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits: keys sort numerically.

interface PendingAppend {
  updates: Uint8Array[];
  resolve: (result: { logLength: number }) => void;
  reject: (err: unknown) => void;
}

/** In-process state of one document; the serial queue owns every write to its keys. */
interface DocState {
  /** Tail of the document's serial queue: appends, compaction commits and deletion. */
  tail: Promise<void>;
  pending: PendingAppend[];
  flushQueued: boolean;
  compacting: boolean;
  /** Loaded lazily (first queued task) from the keys on disk. */
  counters: { committedSeq: number; logLength: number } | null;
  /** Bumped by deleteDocument so a compaction that started before cannot resurrect data. */
  generation: number;
}

function docPrefix(docName: string): string {
  return `doc:${encodeURIComponent(docName)}:`;
}

function logKey(prefix: string, seq: number): string {
  return `${prefix}log:${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

function seqOf(logKeyName: string): number {
  return Number(logKeyName.slice(-SEQ_DIGITS));
}

/**
 * The embedded store's documents. Single-process by design (LevelDB locks its directory),
 * so append ordering, compaction and client-id claims are coordinated by in-process queues
 * and locks, never by anything stored in the database.
 */
export class EmbeddedDocumentLog implements DocumentLog {
  private readonly docs = new Map<string, DocState>();

  constructor(
    private readonly db: Db,
    private readonly locks: KeyLocks,
  ) {}

  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.appendUpdates(docName, [update]); }

  appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> {
    const state = this.docState(docName);
    return new Promise((resolve, reject) => {
      state.pending.push({ updates, resolve, reject });
      if (!state.flushQueued) {
        state.flushQueued = true;
        this.enqueue(docName, state, () => this.flush(docName, state)).catch((err: unknown) => {
          // Only reachable when loading the counters failed: fail the waiting appends.
          state.flushQueued = false;
          for (const item of state.pending.splice(0)) item.reject(err);
        });
      }
    });
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    return this.readDocument(docPrefix(docName), Number.MAX_SAFE_INTEGER);
  }

  /**
   * The swap is one small synced batch in the document's queue (the new snapshot and the
   * sequence number it covers), so appends wait for nothing bigger; the folded log entries
   * are cleared after it, by key range on LevelDB's own thread. Until then (or after a crash
   * in between) they are leftovers every reader skips.
   */
  async compactDocument(docName: string): Promise<{ compacted: number }> {
    const state = this.docState(docName);
    // A second concurrent compaction would fold the same entries again: skip instead.
    if (state.compacting) return { compacted: 0 };
    state.compacting = true;
    try {
      const prefix = docPrefix(docName);
      // Read the boundary inside the queue: every seq <= upTo is committed to disk.
      const { upTo, generation } = await this.enqueue(docName, state, async (counters) => ({
        upTo: counters.committedSeq,
        generation: state.generation,
      }));
      const { snapshot, updates } = await this.readDocument(prefix, upTo);
      if (updates.length === 0) return { compacted: 0 };
      // The fold runs outside the queue so appends keep flowing while it works.
      const { snapshot: next, plan } = await foldDocumentOffThread(snapshot, updates, `embedded:${docName}`);
      const committed = await this.enqueue(docName, state, async (counters) => {
        if (state.generation !== generation) return false; // deleted meanwhile
        // One batch: LevelDB applies it atomically, so a crash leaves either the old
        // snapshot with the full log or the new snapshot with the log after upTo.
        const ops: BatchOp[] = [
          { type: 'put', key: `${prefix}snap`, value: next },
          { type: 'put', key: `${prefix}folded`, value: encoder.encode(String(upTo)) },
          plan ? { type: 'put', key: `${prefix}plan`, value: plan } : { type: 'del', key: `${prefix}plan` },
        ];
        await this.db.batch(ops, { sync: true });
        counters.logLength -= updates.length;
        return true;
      });
      if (!committed) return { compacted: 0 };
      // Sequence numbers never go back, not even after deleteDocument, so this range can
      // only hold entries the snapshot covers.
      await this.db.clear({ gte: `${prefix}log:`, lte: logKey(prefix, upTo) });
      return { compacted: updates.length };
    } finally {
      state.compacting = false;
    }
  }

  async deleteDocument(docName: string): Promise<void> {
    const state = this.docState(docName);
    await this.enqueue(docName, state, async (counters) => {
      const prefix = docPrefix(docName);
      const ops: BatchOp[] = [];
      // ';' follows ':' in ASCII: this range is exactly the document's keys.
      for await (const key of this.db.keys({ gte: prefix, lt: `${prefix.slice(0, -1)};` })) {
        ops.push({ type: 'del', key });
      }
      if (ops.length > 0) await this.db.batch(ops, { sync: true });
      state.generation += 1;
      // committedSeq stays: a compaction's clear of the old entries must never reach new ones.
      counters.logLength = 0;
    });
  }

  claimClientId(docName: string, clientId: number, principalId: string): Promise<string> {
    const key = `${docPrefix(docName)}client:${clientId}`;
    return this.locks.run(key, async () => {
      const existing = await this.db.get(key);
      if (existing !== undefined) return decoder.decode(existing);
      await this.db.put(key, encoder.encode(principalId), { sync: true });
      return principalId;
    });
  }

  /** Resolves once every queued append and commit has finished (before the database closes). */
  async idle(): Promise<void> {
    await Promise.all([...this.docs.values()].map((state) => state.tail));
  }

  /**
   * Snapshot and the log entries after it up to `upTo`, skipping leftovers the snapshot
   * covers. One iterator reads from one implicit LevelDB snapshot, so a compaction committing
   * meanwhile can't pair the old snapshot with the log before it. Keys sort as
   * `folded` < `log:*` < `plan` < `seq` < `snap`, so the range covers all of them.
   */
  private async readDocument(prefix: string, upTo: number): Promise<StoredDocument> {
    const updates: Uint8Array[] = [];
    let snapshot: Uint8Array | null = null;
    let plan: Uint8Array | null = null;
    let folded = 0;
    for await (const [key, value] of this.db.iterator({ gte: `${prefix}folded`, lte: `${prefix}snap` })) {
      if (key === `${prefix}snap`) snapshot = view(value);
      else if (key === `${prefix}plan`) plan = view(value);
      else if (key === `${prefix}folded`) folded = Number(decoder.decode(value));
      else if (key.startsWith(`${prefix}log:`) && seqOf(key) > folded && seqOf(key) <= upTo) updates.push(view(value));
    }
    return { snapshot, updates, plan };
  }

  private docState(docName: string): DocState {
    let state = this.docs.get(docName);
    if (!state) {
      state = { tail: Promise.resolve(), pending: [], flushQueued: false, compacting: false, counters: null, generation: 0 };
      this.docs.set(docName, state);
    }
    return state;
  }

  /** Runs `task` after every earlier task of this document, with its counters loaded. */
  private enqueue<T>(
    docName: string,
    state: DocState,
    task: (counters: NonNullable<DocState['counters']>) => Promise<T>,
  ): Promise<T> {
    const run = state.tail.then(async () => {
      state.counters ??= await this.readCounters(docName);
      return task(state.counters);
    });
    state.tail = run.then(() => undefined, () => undefined);
    return run;
  }

  private async readCounters(docName: string): Promise<NonNullable<DocState['counters']>> {
    const prefix = docPrefix(docName);
    const stored = await this.db.get(`${prefix}seq`);
    const foldedBytes = await this.db.get(`${prefix}folded`);
    const folded = foldedBytes === undefined ? 0 : Number(decoder.decode(foldedBytes));
    let committedSeq = Math.max(folded, stored === undefined ? 0 : Number(decoder.decode(stored)));
    let logLength = 0;
    for await (const key of this.db.keys({ gte: `${prefix}log:`, lt: `${prefix}log;` })) {
      if (seqOf(key) > folded) logLength += 1;
      committedSeq = Math.max(committedSeq, seqOf(key));
    }
    return { committedSeq, logLength };
  }

  /**
   * Group commit: every append that queued up while the previous write was syncing goes
   * into one synced batch, so a burst costs one fsync instead of one per update, while
   * sequence numbers still follow call order.
   */
  private async flush(docName: string, state: DocState): Promise<void> {
    state.flushQueued = false;
    const batch = state.pending.splice(0);
    const counters = state.counters;
    if (!counters) throw new Error('counters not loaded'); // enqueue() loads them first
    const prefix = docPrefix(docName);
    let seq = counters.committedSeq;
    const ops: BatchOp[] = [];
    for (const item of batch) for (const value of item.updates) ops.push({ type: 'put', key: logKey(prefix, ++seq), value });
    ops.push({ type: 'put', key: `${prefix}seq`, value: encoder.encode(String(seq)) });
    try {
      // Empty batches only ask for the log length: nothing to write.
      if (ops.length > 1) await this.db.batch(ops, { sync: true });
    } catch (err) {
      for (const item of batch) item.reject(err);
      return;
    }
    let logLength = counters.logLength;
    counters.logLength += seq - counters.committedSeq;
    counters.committedSeq = seq;
    for (const item of batch) {
      logLength += item.updates.length;
      item.resolve({ logLength });
    }
  }
}
