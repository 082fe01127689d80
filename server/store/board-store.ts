import type { Identity } from '../../shared';

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
export interface BoardStore {
  readonly kind: 'embedded' | 'redis';

  /** Fails with StoreConflictError when the id exists. */
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | null>;

  putSession(tokenHash: string, session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;

  /**
   * Durably appends one Yjs update (resolves only once it would survive a crash of this
   * process). Returns the number of updates now in the log after the snapshot, so callers
   * can decide when to compact.
   */
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }>;
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

  /** Throws when the backing service is unreachable (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}
