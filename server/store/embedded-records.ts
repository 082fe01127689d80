import type { ClassicLevel } from 'classic-level';
import type { StoredRecord } from './board-store';

type Db = ClassicLevel<string, Uint8Array>;
/** EmbeddedStore's per-key mutex, shared so close() waits for record writes too. */
export type KeyLock = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 never contains 0xff, so this sorts after every key the store can hold. */
const PAST_EVERY_KEY = Uint8Array.of(0xff);

/** UTF-16 code-unit order: LevelDB's byte (UTF-8) order differs from it for characters beyond U+FFFF. */
function byCodeUnits(a: StoredRecord, b: StoredRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The embedded store's moderation records, under `record:<space>:<key>` with the space
 * URI-encoded: it then never contains ':', so a space's key range (up to `record:<space>;`,
 * ';' following ':') holds exactly its own records, whatever the space and key strings are.
 *
 * This process is the database's only user, so every write of a record runs under the
 * in-process lock of its LevelDB key: insert and compare-and-set read and write with no
 * other write to that record in between. Reads take no lock, as LevelDB reads are consistent.
 */
export class EmbeddedRecords {
  private purging: Promise<void> | null = null;
  private nextPurge: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly lock: KeyLock,
  ) {}

  insert(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> {
    const dbKey = recordKey(space, key);
    return this.lock(dbKey, async () => {
      const existing = await this.db.get(dbKey);
      if (existing !== undefined) return { created: false, value: decoder.decode(existing) };
      await this.db.put(dbKey, encoder.encode(value), { sync: true });
      return { created: true, value };
    });
  }

  async get(space: string, key: string): Promise<string | null> {
    const value = await this.db.get(recordKey(space, key));
    return value === undefined ? null : decoder.decode(value);
  }

  async list(space: string): Promise<StoredRecord[]> {
    const prefix = recordKey(space, '');
    const out: StoredRecord[] = [];
    for await (const [key, value] of this.db.iterator({ gte: prefix, lt: `${prefix.slice(0, -1)};` })) {
      out.push({ key: key.slice(prefix.length), value: decoder.decode(value) });
    }
    return out.sort(byCodeUnits);
  }

  async put(space: string, key: string, value: string): Promise<void> {
    const dbKey = recordKey(space, key);
    // Under the lock too, so a put can't land between a compare-and-set's read and write.
    await this.lock(dbKey, () => this.db.put(dbKey, encoder.encode(value), { sync: true }));
  }

  replace(space: string, key: string, expected: string, next: string): Promise<boolean> {
    const dbKey = recordKey(space, key);
    return this.lock(dbKey, async () => {
      const current = await this.db.get(dbKey);
      if (current === undefined || decoder.decode(current) !== expected) return false;
      await this.db.put(dbKey, encoder.encode(next), { sync: true });
      return true;
    });
  }

  delete(space: string, keys: string[]): Promise<number> {
    // Sorted and deduplicated: nested locks taken in one global order cannot deadlock.
    const dbKeys = [...new Set(keys.map((key) => recordKey(space, key)))].sort();
    return this.locked(dbKeys, async () => {
      const values = await this.db.getMany(dbKeys);
      const existing = dbKeys.filter((_, i) => values[i] !== undefined);
      // One batch: all of them go, or (on a crash) none.
      if (existing.length > 0) await this.db.batch(existing.map((key) => ({ type: 'del' as const, key })), { sync: true });
      return existing.length;
    });
  }

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

  private locked<T>(dbKeys: string[], fn: () => Promise<T>): Promise<T> {
    const [first, ...rest] = dbKeys;
    return first === undefined ? fn() : this.lock(first, () => this.locked(rest, fn));
  }
}

function recordKey(space: string, key: string): string {
  return `record:${encodeURIComponent(space)}:${key}`;
}
