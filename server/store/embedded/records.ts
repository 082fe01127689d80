import type { Idea } from '../../../shared';
import type { FeatureRecords, StoredRecord } from '../feature-records';
import { decoder, encoder, getJson, toJsonBytes, type BatchOp, type Db, type KeyLocks } from './level';

/** UTF-16 code-unit order: LevelDB's byte (UTF-8) order differs from it for characters beyond U+FFFF. */
function byCodeUnits(a: StoredRecord, b: StoredRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The embedded store's feature records. Hidden ideas live under `hidden:<boardId>:<ideaId>`
 * (JSON). Records live under `record:<space>:<key>` with the space URI-encoded: it then
 * never contains ':', so a space's key range (up to `record:<space>;`, ';' following ':')
 * holds exactly its own records, whatever the space and key strings are.
 *
 * This process is the database's only user, so every write runs under the in-process lock
 * of its LevelDB key: insert, compare-and-set and the hidden ideas' author check read and
 * write with no other write to that key in between. Reads take no lock, as LevelDB reads
 * are consistent.
 */
export class EmbeddedRecords implements FeatureRecords {
  constructor(
    private readonly db: Db,
    private readonly locks: KeyLocks,
  ) {}

  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> {
    const key = `hidden:${boardId}:${idea.id}`;
    return this.locks.run(key, async () => {
      const existing = await getJson<Idea>(this.db, key);
      if (existing && existing.authorId !== idea.authorId) return 'conflict';
      await this.db.put(key, toJsonBytes(idea), { sync: true });
      return 'stored';
    });
  }

  async listHiddenIdeas(boardId: string): Promise<Idea[]> {
    const out: Idea[] = [];
    // ';' follows ':': exactly this board's hidden ideas (board ids never contain ':').
    for await (const value of this.db.values({ gt: `hidden:${boardId}:`, lt: `hidden:${boardId};` })) {
      out.push(JSON.parse(decoder.decode(value)) as Idea);
    }
    return out;
  }

  async getHiddenIdeas(boardId: string, ideaIds: readonly string[]): Promise<Idea[]> {
    const found = await Promise.all([...new Set(ideaIds)].map((id) => getJson<Idea>(this.db, `hidden:${boardId}:${id}`)));
    return found.filter((idea): idea is Idea => idea !== null);
  }

  async deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> {
    let count = 0;
    const ops: BatchOp[] = [];
    for (const id of new Set(ideaIds)) {
      const key = `hidden:${boardId}:${id}`;
      if ((await this.db.get(key)) === undefined) continue;
      count += 1;
      ops.push({ type: 'del', key });
    }
    if (ops.length > 0) await this.db.batch(ops, { sync: true });
    return count;
  }

  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> {
    const dbKey = recordKey(space, key);
    return this.locks.run(dbKey, async () => {
      const existing = await this.db.get(dbKey);
      if (existing !== undefined) return { created: false, value: decoder.decode(existing) };
      await this.db.put(dbKey, encoder.encode(value), { sync: true });
      return { created: true, value };
    });
  }

  async getRecord(space: string, key: string): Promise<string | null> {
    const value = await this.db.get(recordKey(space, key));
    return value === undefined ? null : decoder.decode(value);
  }

  async listRecords(space: string): Promise<StoredRecord[]> {
    const prefix = recordKey(space, '');
    const out: StoredRecord[] = [];
    for await (const [key, value] of this.db.iterator({ gte: prefix, lt: `${prefix.slice(0, -1)};` })) {
      out.push({ key: key.slice(prefix.length), value: decoder.decode(value) });
    }
    return out.sort(byCodeUnits);
  }

  async putRecord(space: string, key: string, value: string): Promise<void> {
    const dbKey = recordKey(space, key);
    // Under the lock too, so a put can't land between a compare-and-set's read and write.
    await this.locks.run(dbKey, () => this.db.put(dbKey, encoder.encode(value), { sync: true }));
  }

  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> {
    const dbKey = recordKey(space, key);
    return this.locks.run(dbKey, async () => {
      const current = await this.db.get(dbKey);
      if (current === undefined || decoder.decode(current) !== expected) return false;
      await this.db.put(dbKey, encoder.encode(next), { sync: true });
      return true;
    });
  }

  deleteRecords(space: string, keys: string[]): Promise<number> {
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

  private locked<T>(dbKeys: string[], fn: () => Promise<T>): Promise<T> {
    const [first, ...rest] = dbKeys;
    return first === undefined ? fn() : this.locks.run(first, () => this.locked(rest, fn));
  }
}

function recordKey(space: string, key: string): string {
  return `record:${encodeURIComponent(space)}:${key}`;
}
