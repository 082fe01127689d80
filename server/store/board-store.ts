import type { Idea, Identity } from '../../shared';

/** A board's durable record: who may do what. Content lives in its Yjs document. */
export interface BoardRecord {
  id: string;
  createdAt: number;
  template: string;
  /** Copy of the title at creation, for listings; the document's `board` map is authoritative. */
  title: string;
  /** SHA-256 (hex) of each capability token; the raw tokens are never stored. */
  tokenHashes: { facilitator: string; participant: string; observer: string };
}

export interface SessionRecord {
  identity: Identity;
  createdAt: number;
}

/** A Yjs document as stored: a compacted snapshot plus the updates appended after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * Everything Samskab persists. Two implementations (embedded LevelDB, Redis) pass one
 * contract suite (test/store/contract.ts). Document names are opaque strings chosen by the
 * server (`board:<id>` today); stores must treat them as keys, never as paths.
 */
/** What changed in a followed document: a snapshot when the follower fell behind a compaction, then updates. */
export interface FeedChange {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * How several server processes share boards (Redis only; the embedded store is for one
 * process). Each process that holds a board follows its update log from where it loaded it,
 * so every process sees every update exactly as stored, with no gap; presence travels over
 * publish/subscribe.
 */
export interface ClusterFeed {
  /**
   * Loads a document and from then on calls `onChange`, in order, with everything appended
   * to its log by any process (this one's own updates included: applying them again is a
   * no-op in Yjs). A follower that falls behind a compaction gets the snapshot again.
   */
  follow(docName: string, onChange: (change: FeedChange) => void): Promise<StoredDocument>;
  unfollow(docName: string): void;
  /** Presence of this process's connections, for the other processes on the board. */
  publishPresence(boardId: string, awarenessUpdate: Uint8Array): void;
  /** Presence from other processes (never this process's own); returns the unsubscribe. */
  subscribePresence(boardId: string, onUpdate: (awarenessUpdate: Uint8Array) => void): () => void;
}

export interface BoardStore {
  readonly kind: 'embedded' | 'redis';
  /** Present when several processes may share this store. */
  readonly cluster?: ClusterFeed;

  /** Fails with StoreConflictError when the id exists. */
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | null>;

  putSession(tokenHash: string, session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  /** Every session of the installation with the hash it is kept under (housekeeping, GDPR). */
  listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>>;
  /** Removes sessions by token hash; returns how many existed. */
  deleteSessions(tokenHashes: string[]): Promise<number>;

  /**
   * Durably appends one Yjs update (resolves only once it would survive a crash of this
   * process). Returns the number of updates now in the log after the snapshot, so callers
   * can decide when to compact.
   */
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }>;
  /**
   * appendUpdate for several updates at once, in one store call (a very large batch may be
   * split into several), in their order. Resolves once all are durable, with the log length
   * after the last; on failure some may be stored already, and appending them again is
   * harmless (Yjs ignores what it knows). An empty batch reads the log length.
   */
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }>;
  /** Snapshot and log, read consistently: never a snapshot without the updates after it. */
  loadDocument(docName: string): Promise<StoredDocument>;
  /**
   * Folds the log into a new snapshot (by applying it to a Y.Doc, never Y.mergeUpdates) and
   * only then drops the folded updates. Updates appended meanwhile stay in the log. Safe to
   * call concurrently: one compaction runs at a time per document.
   */
  compactDocument(docName: string): Promise<{ compacted: number }>;
  /** Removes a document entirely (snapshot and log). */
  deleteDocument(docName: string): Promise<void>;

  /**
   * Binds a Yjs client id to the principal (participant id) that first writes with it, so
   * nobody can forge another's structs. Atomic: returns the owner after the call, which is
   * `principalId` when it won or the existing owner otherwise.
   */
  claimClientId(docName: string, clientId: number, principalId: string): Promise<string>;

  // Live workshops: silent writing, join codes, dot votes (server/workshop/).

  /**
   * Keeps a hidden idea (silent writing) until it is revealed. Upsert by idea id, atomic:
   * 'conflict' (and nothing written) when a hidden idea with this id has another author.
   */
  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'>;
  /** Every hidden idea of the board, in no particular order. */
  listHiddenIdeas(boardId: string): Promise<Idea[]>;
  /** Removes hidden ideas by id; returns how many there were. */
  deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number>;

  /** Binds a join code to a board, first wins (codes are unique per installation). */
  claimJoinCode(code: string, boardId: string): Promise<boolean>;
  findJoinCode(code: string): Promise<string | null>;

  /**
   * One vote, checked and counted atomically (no two casts of one participant can both
   * pass the budget check): refused with 'budget' when the participant has used
   * `rule.budget` votes in `rule.scope`, with 'maxPerIdea' when they have that many on this idea.
   */
  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult>;
  /** Takes one of the participant's votes on the idea back ('none' when they had none). */
  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult>;
  getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally>;
  /** idea id → total votes (ideas without votes left out). */
  voteTotals(boardId: string): Promise<Record<string, number>>;
  /** Every participant's votes on the board, one entry per (participant, scope, idea); for backups. */
  listVotes(boardId: string): Promise<Ballot[]>;
  /** Moves every participant's votes on the sources to the target, atomically (see vote-book.ts). */
  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult>;
  /** Removes votes: all of them, those cast in one scope, or those on some ideas. */
  clearVotes(boardId: string, which: VoteSelection): Promise<void>;

  // Public calls and moderation (server/moderation/): small JSON records beside the documents.

  /**
   * Creates a record unless its key exists, atomically. Returns whether it created it and
   * the value now stored (the existing one when it was there already): a resend with the
   * same key never creates a second record.
   */
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }>;
  getRecord(space: string, key: string): Promise<string | null>;
  /** Every record of a space, ordered by key (code-unit order). */
  listRecords(space: string): Promise<StoredRecord[]>;
  /** Sets a record whatever it held. */
  putRecord(space: string, key: string, value: string): Promise<void>;
  /**
   * Replaces a record only while it still holds `expected` (atomic compare-and-set, also
   * across processes): of two moderators deciding one item at once, exactly one wins.
   */
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean>;
  /** Removes records; returns how many existed. */
  deleteRecords(space: string, keys: string[]): Promise<number>;
  /**
   * Makes deleted and overwritten data unreadable from the store's files, not only from its
   * API (a GDPR deletion): LevelDB compacts its tables, Redis rewrites its append-only file.
   * Call after deleting; it may take a while on a large store, and it is safe to call often.
   */
  purgeDeleted(): Promise<void>;

  /** Throws when the backing service is unreachable (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoredRecord {
  key: string;
  value: string;
}

/**
 * Votes are budgeted per scope: the question the idea belonged to when the vote was cast
 * ('' for ideas without a question).
 */
export interface VoteRule {
  scope: string;
  budget: number;
  maxPerIdea: number;
}

/** Votes of one participant on one idea, cast in one scope (a backup's view of the vote book). */
export interface Ballot {
  participantId: string;
  /** The question the idea had when the votes were cast ('' for none). */
  scope: string;
  ideaId: string;
  count: number;
}

/** One participant's votes in one scope. */
export interface VoteTally {
  /** idea id → votes (only ideas with votes). */
  votes: Record<string, number>;
  used: number;
}

export interface CastVoteResult {
  outcome: 'cast' | 'budget' | 'maxPerIdea';
  mine: VoteTally;
  /** The idea's total after the call. */
  total: number;
}

export interface RetractVoteResult {
  outcome: 'retracted' | 'none';
  mine: VoteTally;
  total: number;
}

export interface MergeVotesResult {
  /** The target's total after the merge. */
  total: number;
  /** Votes moved onto the target, and votes given back to their participants' budgets. */
  moved: number;
  refunded: number;
}

export type VoteSelection = { all: true } | { scope: string } | { ideaIds: string[] };

/** Defined in the core (HTTP and socket answers map it), re-exported where the stores throw it. */
export { StoreConflictError } from '../core/errors';
