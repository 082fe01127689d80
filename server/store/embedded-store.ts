import { ClassicLevel } from 'classic-level';
import type { Idea } from '../../shared';
import { type Ballot, type BoardRecord, type BoardStore, type CastVoteResult, type MergeVotesResult, type RetractVoteResult, type SessionRecord, type StoredDocument, type StoredRecord, type VoteRule, type VoteSelection, type VoteTally } from './board-store';
import { StoreConflictError } from '../core/errors';
import { foldDocumentOffThread } from './compact';
import * as votes from './vote-book';
import { EmbeddedVotes } from './embedded-votes';
import { EmbeddedRecords } from './embedded-records';

/**
 * BoardStore on an embedded LevelDB (classic-level), for single-node deployments.
 *
 * Single-process by design: LevelDB takes an exclusive lock on its directory, so all
 * coordination (append ordering, compaction, client-id claims, board creation) uses
 * in-process queues and mutexes rather than anything stored in the database.
 *
 * Layout (values are raw bytes; records are UTF-8 JSON):
 *   board:<id>                      BoardRecord
 *   session:<tokenHash>             SessionRecord
 *   doc:<name>:client:<clientId>    principal id (UTF-8)
 *   doc:<name>:folded               last sequence number folded into the snapshot (decimal,
 *                                   UTF-8); log entries up to it are leftovers, never read
 *   doc:<name>:log:<seq, 16 digits> one Yjs update
 *   doc:<name>:seq                  last sequence number handed out (decimal, UTF-8)
 *   doc:<name>:snap                 compacted snapshot
 *   hidden:<boardId>:<ideaId>       a hidden idea (silent writing), JSON
 *   joincode:<code>                 board id (UTF-8)
 *   votes:<boardId>                 the board's VoteBook (vote-book.ts), JSON
 *   record:<space>:<key>            a moderation record (embedded-records.ts), UTF-8
 * <name> is URI-encoded, so it never contains ':' and one document's key range can never
 * include another's (`a` vs `a:log:x`), whatever names the server chooses.
 */

const SEQ_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits: keys sort numerically.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Db = ClassicLevel<string, Uint8Array>;
type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

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

/** classic-level hands out Buffers; callers get plain Uint8Array views, never Buffer APIs. */
function view(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toJsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export class EmbeddedStore implements BoardStore {
  readonly kind = 'embedded' as const;
  private readonly docs = new Map<string, DocState>();
  /** Per-key mutexes for check-then-write operations (board creation, client-id claims, records). */
  private readonly keyLocks = new Map<string, Promise<unknown>>();
  private readonly votes: EmbeddedVotes;
  private readonly records: EmbeddedRecords;

  private constructor(private readonly db: Db) {
    this.votes = new EmbeddedVotes(db);
    this.records = new EmbeddedRecords(db, (key, fn) => this.withKeyLock(key, fn));
  }

  static async open(dir: string): Promise<EmbeddedStore> {
    const db: Db = new ClassicLevel<string, Uint8Array>(dir, { valueEncoding: 'view' });
    await db.open();
    return new EmbeddedStore(db);
  }

  async createBoard(board: BoardRecord): Promise<void> {
    const key = `board:${board.id}`;
    await this.withKeyLock(key, async () => {
      if ((await this.db.get(key)) !== undefined) {
        throw new StoreConflictError(`board ${board.id} already exists`);
      }
      await this.db.put(key, toJsonBytes(board), { sync: true });
    });
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    return this.getJson<BoardRecord>(`board:${boardId}`);
  }

  async putSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.db.put(`session:${tokenHash}`, toJsonBytes(session), { sync: true });
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.getJson<SessionRecord>(`session:${tokenHash}`);
  }

  async listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> {
    const out: Array<{ tokenHash: string; session: SessionRecord }> = [];
    for await (const [key, value] of this.db.iterator({ gte: 'session:', lt: 'session;' })) {
      try {
        out.push({ tokenHash: key.slice('session:'.length), session: JSON.parse(new TextDecoder().decode(value)) as SessionRecord });
      } catch {
        // A corrupt session reads as missing, as getSession's would.
      }
    }
    return out;
  }

  async deleteSessions(tokenHashes: string[]): Promise<number> {
    let existed = 0;
    for (const hash of tokenHashes) if ((await this.db.get(`session:${hash}`)) !== undefined) existed++;
    if (tokenHashes.length > 0) await this.db.batch(tokenHashes.map((hash) => ({ type: 'del' as const, key: `session:${hash}` })), { sync: true });
    return existed;
  }

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
   * Snapshot and the log entries after it up to `upTo`, skipping leftovers the snapshot
   * covers. One iterator reads from one implicit LevelDB snapshot, so a compaction committing
   * meanwhile can't pair the old snapshot with the log before it. Keys sort as
   * `folded` < `log:*` < `seq` < `snap`, so the range covers all three.
   */
  private async readDocument(prefix: string, upTo: number): Promise<StoredDocument> {
    const updates: Uint8Array[] = [];
    let snapshot: Uint8Array | null = null;
    let folded = 0;
    for await (const [key, value] of this.db.iterator({ gte: `${prefix}folded`, lte: `${prefix}snap` })) {
      if (key === `${prefix}snap`) snapshot = view(value);
      else if (key === `${prefix}folded`) folded = Number(decoder.decode(value));
      else if (key.startsWith(`${prefix}log:`) && seqOf(key) > folded && seqOf(key) <= upTo) updates.push(view(value));
    }
    return { snapshot, updates };
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
      const next = await foldDocumentOffThread(snapshot, updates, `embedded:${docName}`);
      const committed = await this.enqueue(docName, state, async (counters) => {
        if (state.generation !== generation) return false; // deleted meanwhile
        // One batch: LevelDB applies it atomically, so a crash leaves either the old
        // snapshot with the full log or the new snapshot with the log after upTo.
        const ops: BatchOp[] = [
          { type: 'put', key: `${prefix}snap`, value: next },
          { type: 'put', key: `${prefix}folded`, value: encoder.encode(String(upTo)) },
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

  async claimClientId(docName: string, clientId: number, principalId: string): Promise<string> {
    const key = `${docPrefix(docName)}client:${clientId}`;
    return this.withKeyLock(key, async () => {
      const existing = await this.db.get(key);
      if (existing !== undefined) return decoder.decode(existing);
      await this.db.put(key, encoder.encode(principalId), { sync: true });
      return principalId;
    });
  }

  async putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> {
    const key = `hidden:${boardId}:${idea.id}`;
    return this.withKeyLock(key, async () => {
      const existing = await this.getJson<Idea>(key);
      if (existing && existing.authorId !== idea.authorId) return 'conflict';
      await this.db.put(key, toJsonBytes(idea), { sync: true });
      return 'stored';
    });
  }

  async listHiddenIdeas(boardId: string): Promise<Idea[]> {
    const out: Idea[] = [];
    // ';' follows ':': exactly this board's hidden ideas (board ids never contain ':').
    for await (const value of this.db.values({ gt: `hidden:${boardId}:`, lt: `hidden:${boardId};` })) {
      out.push(JSON.parse(decoder.decode(value)) as Idea);
    }
    return out;
  }

  async deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> {
    let count = 0;
    const ops: BatchOp[] = [];
    for (const id of new Set(ideaIds)) {
      const key = `hidden:${boardId}:${id}`;
      if ((await this.db.get(key)) === undefined) continue;
      count += 1;
      ops.push({ type: 'del', key });
    }
    if (ops.length > 0) await this.db.batch(ops, { sync: true });
    return count;
  }

  async claimJoinCode(code: string, boardId: string): Promise<boolean> {
    const key = `joincode:${code}`;
    return this.withKeyLock(key, async () => {
      if ((await this.db.get(key)) !== undefined) return false;
      await this.db.put(key, encoder.encode(boardId), { sync: true });
      return true;
    });
  }

  async findJoinCode(code: string): Promise<string | null> {
    const value = await this.db.get(`joincode:${code}`);
    return value === undefined ? null : decoder.decode(value);
  }

  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> {
    return this.votes.change(boardId, (book) => {
      const result = votes.castVote(book, participantId, ideaId, rule);
      return { result, changed: result.outcome === 'cast' };
    });
  }

  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> {
    return this.votes.change(boardId, (book) => {
      const result = votes.retractVote(book, participantId, ideaId, scope);
      return { result, changed: result.outcome === 'retracted' };
    });
  }

  async getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> {
    return votes.tallyOf((await this.votes.read(boardId)).p[participantId], scope);
  }

  async voteTotals(boardId: string): Promise<Record<string, number>> {
    return { ...(await this.votes.read(boardId)).t };
  }

  async listVotes(boardId: string): Promise<Ballot[]> {
    return votes.ballotsOf((await this.votes.read(boardId)).p);
  }

  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> {
    return this.votes.change(boardId, (book) => ({ result: votes.mergeVotes(book, targetId, sourceIds, rule), changed: true }));
  }

  async clearVotes(boardId: string, which: VoteSelection): Promise<void> {
    await this.votes.change(boardId, (book) => ({ result: votes.clearVotes(book, which), changed: true }));
  }

  // Public calls and moderation: see embedded-records.ts.
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> { return this.records.insert(space, key, value); }
  getRecord(space: string, key: string): Promise<string | null> { return this.records.get(space, key); }
  listRecords(space: string): Promise<StoredRecord[]> { return this.records.list(space); }
  putRecord(space: string, key: string, value: string): Promise<void> { return this.records.put(space, key, value); }
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> { return this.records.replace(space, key, expected, next); }
  deleteRecords(space: string, keys: string[]): Promise<number> { return this.records.delete(space, keys); }
  purgeDeleted(): Promise<void> { return this.records.purge(); }

  async ping(): Promise<void> {
    if (this.db.status !== 'open') throw new Error(`embedded store is ${this.db.status}`);
  }

  async close(): Promise<void> {
    // Let queued appends and commits finish so nothing acknowledged-in-flight is cut off.
    await Promise.all([...this.docs.values()].map((state) => state.tail));
    await this.votes.idle();
    await Promise.all([...this.keyLocks.values()].map((p) => p.catch(() => undefined)));
    await this.db.close();
  }

  private async getJson<T>(key: string): Promise<T | null> {
    const bytes = await this.db.get(key);
    // Records are only ever written by this store, from typed values.
    return bytes === undefined ? null : (JSON.parse(decoder.decode(bytes)) as T);
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

  private async withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.keyLocks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.keyLocks.set(key, settled);
    try {
      return await run;
    } finally {
      // Only the last waiter removes the entry, so the map doesn't grow with every key seen.
      if (this.keyLocks.get(key) === settled) this.keyLocks.delete(key);
    }
  }
}
