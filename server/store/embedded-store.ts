import { ClassicLevel } from 'classic-level';
import { ComposedStore } from './composed-store';
import { EmbeddedAccess } from './embedded/access';
import { EmbeddedDocumentLog } from './embedded/document-log';
import { KeyLocks, type Db } from './embedded/level';
import { EmbeddedPurge } from './embedded/purge';
import { EmbeddedRecords } from './embedded/records';
import { EmbeddedVotes } from './embedded/votes';

/**
 * BoardStore on an embedded LevelDB (classic-level), for single-node deployments: one part
 * per interface (embedded/), on one database. Single-process by design: LevelDB takes an
 * exclusive lock on its directory, so all coordination uses in-process queues and locks
 * (KeyLocks, shared by the parts so close() waits for every locked write), and there is no
 * cluster.
 *
 * Layout (values are raw bytes; records are UTF-8 JSON):
 *   board:<id>                      BoardRecord                       embedded/access.ts
 *   session:<tokenHash>             SessionRecord                     embedded/access.ts
 *   joincode:<code>                 board id (UTF-8)                  embedded/access.ts
 *   doc:<name>:…                    a Yjs document                    embedded/document-log.ts
 *   votes:<boardId>                 the board's VoteBook (JSON)       embedded/votes.ts
 *   hidden:<boardId>:<ideaId>       a hidden idea (silent writing)    embedded/records.ts
 *   record:<space>:<key>            a feature record (UTF-8)          embedded/records.ts
 */
export class EmbeddedStore extends ComposedStore {
  readonly kind = 'embedded' as const;
  readonly cluster = null;
  private readonly documents: EmbeddedDocumentLog;
  private readonly votes: EmbeddedVotes;
  private readonly purge: EmbeddedPurge;

  private constructor(
    private readonly db: Db,
    private readonly locks: KeyLocks,
  ) {
    const documents = new EmbeddedDocumentLog(db, locks);
    const votes = new EmbeddedVotes(db);
    super({ documents, votes, access: new EmbeddedAccess(db, locks), records: new EmbeddedRecords(db, locks) });
    this.documents = documents;
    this.votes = votes;
    this.purge = new EmbeddedPurge(db);
  }

  /**
   * `compression: false` is for tests that search the files byte for byte (is a deleted
   * text really gone from disk?): LevelDB's Snappy blocks store repeated bytes as references,
   * so a text can be on disk without its bytes being contiguous. Deletion and compaction work
   * the same either way; production keeps LevelDB's default (Snappy on).
   */
  static async open(dir: string, options: { compression?: boolean } = {}): Promise<EmbeddedStore> {
    const db: Db = new ClassicLevel<string, Uint8Array>(dir, { valueEncoding: 'view', compression: options.compression ?? true });
    await db.open();
    return new EmbeddedStore(db, new KeyLocks());
  }

  override purgeDeleted(): Promise<void> {
    return this.purge.purge();
  }

  override async ping(): Promise<void> {
    if (this.db.status !== 'open') throw new Error(`embedded store is ${this.db.status}`);
  }

  override async close(): Promise<void> {
    // Let queued appends and commits finish so nothing acknowledged-in-flight is cut off.
    await this.documents.idle();
    await this.votes.idle();
    await this.locks.idle();
    await this.db.close();
  }
}
