import type { Idea } from '../../shared';
import { type Ballot, type BoardRecord, type BoardStore, type CastVoteResult, type MergeVotesResult, type RetractVoteResult, type SessionRecord, type StoredDocument, type StoredRecord, type VoteRule, type VoteSelection, type VoteTally } from './board-store';
import { StoreConflictError } from '../core/errors';
import { foldDocument, withPlan } from './compact';
import * as votes from './vote-book';

/** One document: snapshot, and the log after it as (sequence, update) in order. */
interface MemoryDocument {
  snapshot: Uint8Array | null;
  /** The snapshot's piece plan, replaced with it. */
  plan: Uint8Array | null;
  log: Array<{ seq: number; update: Uint8Array }>;
  seq: number;
  clients: Map<number, string>;
  compacting: boolean;
  /** Bumped on delete, so a compaction that started before cannot write the content back. */
  generation: number;
}

/**
 * What a MemoryStore holds. Kept apart from the store so a test can "reopen" a store on the
 * same data (the contract suite closes a store and opens another on its data).
 */
export class MemoryData {
  readonly boards = new Map<string, BoardRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly documents = new Map<string, MemoryDocument>();
  readonly hidden = new Map<string, Map<string, Idea>>();
  readonly joinCodes = new Map<string, string>();
  readonly votes = new Map<string, votes.VoteBook>();
  readonly records = new Map<string, Map<string, string>>();
}

/** Bytes handed out are copies: a caller that changes them must not change the store. */
const copy = (bytes: Uint8Array): Uint8Array => bytes.slice();
const clone = <T>(value: T): T => structuredClone(value);

/**
 * BoardStore in memory: for tests of a room driven without ports, and for pure-logic tests
 * that need a store. It passes the same contract suite as the embedded and Redis stores
 * (test/store/memory.test.ts). Nothing survives the process, so it is never a deployment's
 * store; every method still answers asynchronously, like a real one, so callers' ordering
 * assumptions are exercised.
 */
export class MemoryStore implements BoardStore {
  readonly kind = 'embedded' as const;
  /** One process: nothing here is seen by another. */
  readonly cluster = null;
  private closed = false;

  constructor(private readonly data = new MemoryData()) {}

  // BoardAccess
  async createBoard(board: BoardRecord): Promise<void> {
    this.open();
    if (this.data.boards.has(board.id)) throw new StoreConflictError(`board ${board.id} already exists`);
    this.data.boards.set(board.id, clone(board));
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    this.open();
    const board = this.data.boards.get(boardId);
    return board ? clone(board) : null;
  }

  async putSession(tokenHash: string, session: SessionRecord): Promise<void> {
    this.open();
    this.data.sessions.set(tokenHash, clone(session));
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    this.open();
    const session = this.data.sessions.get(tokenHash);
    return session ? clone(session) : null;
  }

  async listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> {
    this.open();
    return [...this.data.sessions].map(([tokenHash, session]) => ({ tokenHash, session: clone(session) }));
  }

  async deleteSessions(tokenHashes: string[]): Promise<number> {
    this.open();
    let existed = 0;
    for (const hash of tokenHashes) if (this.data.sessions.delete(hash)) existed += 1;
    return existed;
  }

  async claimJoinCode(code: string, boardId: string): Promise<boolean> {
    this.open();
    if (this.data.joinCodes.has(code)) return false;
    this.data.joinCodes.set(code, boardId);
    return true;
  }

  async findJoinCode(code: string): Promise<string | null> {
    this.open();
    return this.data.joinCodes.get(code) ?? null;
  }

  // DocumentLog
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> {
    return this.appendUpdates(docName, [update]);
  }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> {
    this.open();
    const doc = this.document(docName);
    for (const update of updates) doc.log.push({ seq: ++doc.seq, update: copy(update) });
    return { logLength: doc.log.length };
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    this.open();
    const doc = this.data.documents.get(docName);
    if (!doc) return { snapshot: null, updates: [], plan: null };
    return { snapshot: doc.snapshot ? copy(doc.snapshot) : null, updates: doc.log.map((entry) => copy(entry.update)), plan: doc.plan ? copy(doc.plan) : null };
  }

  async compactDocument(docName: string): Promise<{ compacted: number }> {
    this.open();
    const doc = this.document(docName);
    if (doc.compacting || doc.log.length === 0) return { compacted: 0 };
    doc.compacting = true;
    try {
      const { generation } = doc;
      const upTo = doc.seq;
      const folded = doc.log.length;
      await Promise.resolve(); // appends may land while it folds, as with a real store
      const { snapshot: next, plan } = withPlan(foldDocument(doc.snapshot, doc.log.filter((entry) => entry.seq <= upTo).map((entry) => entry.update)));
      await Promise.resolve();
      if (doc.generation !== generation || this.data.documents.get(docName) !== doc) return { compacted: 0 };
      doc.snapshot = next;
      doc.plan = plan;
      doc.log = doc.log.filter((entry) => entry.seq > upTo);
      return { compacted: folded };
    } finally {
      doc.compacting = false;
    }
  }

  async deleteDocument(docName: string): Promise<void> {
    this.open();
    const doc = this.data.documents.get(docName);
    if (!doc) return;
    doc.generation += 1;
    this.data.documents.delete(docName);
  }

  async claimClientId(docName: string, clientId: number, principalId: string): Promise<string> {
    this.open();
    const { clients } = this.document(docName);
    if (!clients.has(clientId)) clients.set(clientId, principalId);
    return clients.get(clientId) as string;
  }

  // FeatureRecords: hidden ideas
  async putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> {
    this.open();
    const ideas = getOrCreate(this.data.hidden, boardId, () => new Map<string, Idea>());
    const existing = ideas.get(idea.id);
    if (existing && existing.authorId !== idea.authorId) return 'conflict';
    ideas.set(idea.id, clone(idea));
    return 'stored';
  }

  async listHiddenIdeas(boardId: string): Promise<Idea[]> {
    this.open();
    return [...(this.data.hidden.get(boardId)?.values() ?? [])].map(clone);
  }

  async getHiddenIdeas(boardId: string, ideaIds: readonly string[]): Promise<Idea[]> {
    this.open();
    const ideas = this.data.hidden.get(boardId);
    return [...new Set(ideaIds)].flatMap((id) => {
      const idea = ideas?.get(id);
      return idea ? [clone(idea)] : [];
    });
  }

  async deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> {
    this.open();
    const ideas = this.data.hidden.get(boardId);
    let count = 0;
    for (const id of new Set(ideaIds)) if (ideas?.delete(id)) count += 1;
    return count;
  }

  // DotVotes
  async castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> {
    return votes.castVote(this.book(boardId), participantId, ideaId, rule);
  }

  async retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> {
    return votes.retractVote(this.book(boardId), participantId, ideaId, scope);
  }

  async getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> {
    return votes.tallyOf(this.book(boardId).p[participantId], scope);
  }

  async voteTotals(boardId: string): Promise<Record<string, number>> {
    return { ...this.book(boardId).t };
  }

  async listVotes(boardId: string): Promise<Ballot[]> {
    return votes.ballotsOf(this.book(boardId).p);
  }

  async mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> {
    return votes.mergeVotes(this.book(boardId), targetId, sourceIds, rule);
  }

  async clearVotes(boardId: string, which: VoteSelection): Promise<void> {
    votes.clearVotes(this.book(boardId), which);
  }

  // FeatureRecords: record spaces
  async insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> {
    const records = this.space(space);
    const existing = records.get(key);
    if (existing !== undefined) return { created: false, value: existing };
    records.set(key, value);
    return { created: true, value };
  }

  async getRecord(space: string, key: string): Promise<string | null> {
    return this.space(space).get(key) ?? null;
  }

  async listRecords(space: string): Promise<StoredRecord[]> {
    // Array.prototype.sort compares strings by UTF-16 code units, the contract's order.
    return [...this.space(space)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
  }

  async putRecord(space: string, key: string, value: string): Promise<void> {
    this.space(space).set(key, value);
  }

  async replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> {
    const records = this.space(space);
    if (records.get(key) !== expected) return false;
    records.set(key, next);
    return true;
  }

  async deleteRecords(space: string, keys: string[]): Promise<number> {
    const records = this.space(space);
    let count = 0;
    for (const key of new Set(keys)) if (records.delete(key)) count += 1;
    return count;
  }

  // The whole store
  /** Nothing is kept anywhere but in these maps: what is deleted is gone. */
  async purgeDeleted(): Promise<void> {
    this.open();
  }

  async ping(): Promise<void> {
    this.open();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private open(): void {
    if (this.closed) throw new Error('memory store is closed');
  }

  private document(docName: string): MemoryDocument {
    return getOrCreate(this.data.documents, docName, () => ({
      snapshot: null, plan: null, log: [], seq: 0, clients: new Map(), compacting: false, generation: 0,
    }));
  }

  private book(boardId: string): votes.VoteBook {
    this.open();
    return getOrCreate(this.data.votes, boardId, votes.emptyVoteBook);
  }

  private space(space: string): Map<string, string> {
    this.open();
    return getOrCreate(this.data.records, space, () => new Map<string, string>());
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
