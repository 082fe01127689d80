import type { BoardAccess } from './board-access';
import type { Cluster } from './cluster';
import type { DocumentLog } from './document-log';
import type { DotVotes } from './dot-votes';
import type { FeatureRecords } from './feature-records';

export { StoreConflictError, type BoardAccess, type BoardRecord, type SessionRecord } from './board-access';
export type { Cluster, FeedChange, SharedConnection } from './cluster';
export type { DocumentLog, StoredDocument } from './document-log';
export type {
  Ballot, CastVoteResult, DotVotes, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally,
} from './dot-votes';
export type { FeatureRecords, StoredRecord } from './feature-records';

/**
 * Everything Samskab persists, as four parts with a contract suite each
 * (test/store/contract/): the Yjs documents (DocumentLog), who gets into which board
 * (BoardAccess), dot votes (DotVotes) and the small records features keep (FeatureRecords).
 * Three implementations pass them all: embedded LevelDB and Redis for deployments, memory
 * for tests. A feature that needs one part may take just that interface.
 */
export interface BoardStore extends DocumentLog, BoardAccess, DotVotes, FeatureRecords {
  readonly kind: 'embedded' | 'redis';
  /**
   * null: this process is the store's only user (LevelDB locks its directory; memory).
   * Otherwise several server processes share it, and this is how they share boards,
   * presence, socket.io events and rate limits (Redis).
   */
  readonly cluster: Cluster | null;

  /**
   * Makes deleted and overwritten data unreadable from the store's files, not only from its
   * API (a GDPR deletion): LevelDB compacts its tables, Redis rewrites its append-only file.
   * Call after deleting; it may take a while on a large store, and it is safe to call often.
   */
  purgeDeleted(): Promise<void>;
  /** Throws when the backing service is unreachable (used by /readyz). */
  ping(): Promise<void>;
  /** Waits for writes in flight, then lets go of the database (and, on Redis, every connection it opened). */
  close(): Promise<void>;
}
