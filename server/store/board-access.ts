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

/**
 * Who gets into which board: the boards that exist with the hashes of their capability
 * links, the sessions handed out on them (by token hash), and the short join codes that
 * lead to a board. Each is written once by its creator and first wins; only sessions change.
 */
export interface BoardAccess {
  /** Fails with StoreConflictError when the id exists. */
  createBoard(board: BoardRecord): Promise<void>;
  getBoard(boardId: string): Promise<BoardRecord | null>;

  putSession(tokenHash: string, session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  /** Every session of the installation with the hash it is kept under (housekeeping, GDPR). */
  listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>>;
  /** Removes sessions by token hash; returns how many existed. */
  deleteSessions(tokenHashes: string[]): Promise<number>;

  /** Binds a join code to a board, first wins (codes are unique per installation). */
  claimJoinCode(code: string, boardId: string): Promise<boolean>;
  findJoinCode(code: string): Promise<string | null>;
}

/** Defined in the core (HTTP and socket answers map it to a retryable refusal); the stores throw it. */
export { StoreConflictError } from '../core/errors';
