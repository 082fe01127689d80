import type { createClient } from 'redis';
import type { StoredDocument } from './document-log';

/** What changed in a followed document: a snapshot when the follower fell behind a compaction, then updates. */
export interface FeedChange {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** A connection to the Redis that several processes share (node-redis). */
export type SharedConnection = ReturnType<typeof createClient>;

/**
 * What a store shared by several server processes gives them so they act as one server
 * (Redis). A store only one process can open (embedded LevelDB, which locks its directory;
 * memory) has none: its `cluster` is null, and socket.io rooms, presence and rate limits
 * stay in that process.
 *
 * Each process that holds a board follows its update log from where it loaded it, so every
 * process sees every update exactly as stored, with no gap; presence travels over
 * publish/subscribe; socket.io's adapter and the rate limiters get connections of their own.
 */
export interface Cluster {
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

  /**
   * Tells the other processes that an idea id of a board is now kept for its author (silent
   * writing, a contribution), so a room judging a new idea there knows it without asking the
   * store. Fire-and-forget: a lost message is covered by `subscribeReservations`' `onGap`.
   */
  publishReservation(boardId: string, ideaId: string, authorId: string): void;
  /**
   * Reservations other processes publish for a board (never this process's own). Resolves
   * once the subscription is active: whatever is published from then on is heard, until
   * `onGap` says messages may have been lost ('lost': the connection dropped) and later that
   * the subscription is active again ('back'). Returns the unsubscribe.
   */
  subscribeReservations(
    boardId: string,
    onReserved: (ideaId: string, authorId: string) => void,
    onGap: (state: 'lost' | 'back') => void,
  ): Promise<() => void>;

  /**
   * A new connection for socket.io's Redis adapter, so events reach sockets held by every
   * process. It queues commands while Redis is away (the adapter retries a failed read at
   * once, and would spin on a fail-fast connection). Closed with the store.
   */
  adapterConnection(): Promise<SharedConnection>;
  /**
   * Where rate limits are counted so they hold across processes: a connection of their own
   * (closed with the store) and the key prefix of this installation to count under.
   */
  sharedCounters(): Promise<{ client: SharedConnection; keyPrefix: string }>;
}
