import type { ClassicLevel } from 'classic-level';
import type { Db } from './level';

/** UTF-8 never contains 0xff, so this sorts after every key the store can hold. */
const PAST_EVERY_KEY = Uint8Array.of(0xff);

/** The embedded store's purgeDeleted: rewrites every LevelDB file, so deleted values leave the disk. */
export class EmbeddedPurge {
  private purging: Promise<void> | null = null;
  private nextPurge: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /**
   * A manual compaction of every key: LevelDB first writes the memtable to a table and
   * drops the write-ahead log, then merges every level down, which discards overwritten
   * values and deleted ones with their tombstones. (An iterator open meanwhile pins what it
   * can see; ours are short-lived.) A call arriving while one runs queues one more run, as
   * the running one may already be past the data this caller deleted; later callers share it.
   */
  purge(): Promise<void> {
    if (this.nextPurge) return this.nextPurge;
    if (!this.purging) return this.startPurge();
    this.nextPurge = this.purging.catch(() => undefined).then(() => {
      this.nextPurge = null;
      return this.startPurge();
    });
    return this.nextPurge;
  }

  private startPurge(): Promise<void> {
    const run = this.rewriteEverything();
    this.purging = run;
    const clear = () => {
      if (this.purging === run) this.purging = null;
    };
    run.then(clear, clear);
    return run;
  }

  /**
   * LevelDB's manual compaction merges each level into the next but never rewrites the
   * deepest level holding files, and a memtable flush can land directly on level 2: a
   * deleted value and its tombstone can then sit in one bottom table forever. Two sentinel
   * keys, before and after every real key, are flushed to a table that overlaps every
   * bottom table, so the compaction has to merge (and so rewrite) all of them; the
   * sentinels are then deleted and compacted away the same way.
   */
  private async rewriteEverything(): Promise<void> {
    const sentinels = [Uint8Array.of(0x00), Uint8Array.of(0xfe)];
    const viewDb = this.db as unknown as ClassicLevel<Uint8Array, Uint8Array>;
    await viewDb.batch(sentinels.map((key) => ({ type: 'put' as const, key, value: Uint8Array.of(1) })), { keyEncoding: 'view', valueEncoding: 'view' });
    await this.db.compactRange(new Uint8Array(0), PAST_EVERY_KEY, { keyEncoding: 'view' });
    await viewDb.batch(sentinels.map((key) => ({ type: 'del' as const, key })), { keyEncoding: 'view' });
    await this.db.compactRange(new Uint8Array(0), PAST_EVERY_KEY, { keyEncoding: 'view' });
  }

}
