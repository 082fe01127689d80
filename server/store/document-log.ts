/** A Yjs document as stored: a compacted snapshot plus the updates appended after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /**
   * How to cut the snapshot into pieces without reading it (pieces/plan.ts), made by the
   * compaction that wrote the snapshot and stored with it. Absent or null when there is
   * none; a reader checks that it is this snapshot's before using it.
   */
  plan?: Uint8Array | null;
}

/**
 * The Yjs documents: one append-only log of updates per document, folded now and then into
 * a snapshot, and who wrote with which Yjs client id. Document names are opaque strings
 * chosen by the server (`board:<id>` today); stores treat them as keys, never as paths.
 */
export interface DocumentLog {
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
  /** Removes a document entirely (snapshot, log and client-id claims). */
  deleteDocument(docName: string): Promise<void>;
  /**
   * Binds a Yjs client id to the principal (participant id) that first writes with it, so
   * nobody can forge another's structs. Atomic: returns the owner after the call, which is
   * `principalId` when it won or the existing owner otherwise. Kept per document, and
   * deleted with it.
   */
  claimClientId(docName: string, clientId: number, principalId: string): Promise<string>;
}
