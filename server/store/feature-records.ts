import type { Idea } from '../../shared';

export interface StoredRecord {
  key: string;
  value: string;
}

/**
 * Small records features keep beside the documents, each written atomically on its own:
 * the hidden ideas of silent writing (server/workshop/hidden-ideas.ts), and named spaces of
 * string records with insert-once and compare-and-set (server/moderation/records.ts: the
 * moderation queue, public calls; poll answers, sense-making, mail tokens).
 */
export interface FeatureRecords {
  /**
   * Keeps a hidden idea (silent writing) until it is revealed. Upsert by idea id, atomic:
   * 'conflict' (and nothing written) when a hidden idea with this id has another author.
   */
  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'>;
  /** Every hidden idea of the board, in no particular order. */
  listHiddenIdeas(boardId: string): Promise<Idea[]>;
  /**
   * The hidden ideas among `ideaIds` (those that are hidden; unknown ids are left out), in no
   * particular order. Read by id: judging a new idea must not cost a read of every idea a
   * silent round has kept (hundreds in a big room).
   */
  getHiddenIdeas(boardId: string, ideaIds: readonly string[]): Promise<Idea[]>;
  /** Removes hidden ideas by id; returns how many there were. */
  deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number>;

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
}
