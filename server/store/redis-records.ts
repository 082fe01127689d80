import type { StoredRecord } from './board-store';
import { script, type Script } from './redis-scripts';
import type { Client } from './redis-store';

/** A running rewrite is re-checked this often; a purge waits for it (see purge()). */
const REWRITE_POLL_MS = 200;

/** KEYS[1] space hash; ARGV key, value → { 1 created | 0 existed, value now stored }. */
const INSERT = script(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then return { 1, ARGV[2] } end
return { 0, redis.call('HGET', KEYS[1], ARGV[1]) }`);

/** KEYS[1] space hash; ARGV key, expected, next → 1 replaced | 0 held something else (or nothing). */
const REPLACE = script(`
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`);

export interface RedisRecordsDeps {
  client: Client;
  /** The space's hash: `<prefix>records:<space>`, nothing else in the store starts `records:`. */
  spaceKey: (space: string) => string;
  runText: (s: Script, keys: string[], args: string[]) => Promise<unknown>;
}

function isRewriteRunning(err: unknown): boolean {
  return err instanceof Error && err.message.includes('already in progress');
}

/**
 * The Redis store's moderation records: one HASH per space, key → value. Fields and values
 * are binary-safe strings to Redis, so ':' and unicode need no escaping; check-then-write
 * runs in Lua, which makes it atomic across processes.
 */
export class RedisRecords {
  constructor(private readonly deps: RedisRecordsDeps) {}

  async insert(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> {
    const [created, stored] = (await this.deps.runText(INSERT, [this.deps.spaceKey(space)], [key, value])) as [number, string];
    return { created: Number(created) === 1, value: stored };
  }

  get(space: string, key: string): Promise<string | null> {
    return this.deps.client.hGet(this.deps.spaceKey(space), key);
  }

  async list(space: string): Promise<StoredRecord[]> {
    // node-redis builds this object with a null prototype, so a key "__proto__" is a plain entry.
    const all = await this.deps.client.hGetAll(this.deps.spaceKey(space));
    return Object.entries(all)
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // hashes are unordered
  }

  async put(space: string, key: string, value: string): Promise<void> {
    await this.deps.client.hSet(this.deps.spaceKey(space), key, value);
  }

  async replace(space: string, key: string, expected: string, next: string): Promise<boolean> {
    return Number(await this.deps.runText(REPLACE, [this.deps.spaceKey(space)], [key, expected, next])) === 1;
  }

  async delete(space: string, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0; // HDEL needs a field
    return this.deps.client.hDel(this.deps.spaceKey(space), [...new Set(keys)]);
  }

  /**
   * Starts an append-only file rewrite: the new file is written from the data as it is now,
   * and the old files, which still log the deleted values, are removed once it is done.
   * Resolves when a rewrite that began after this call is running or scheduled, without
   * waiting for it to finish (minutes on a large dataset; Redis completes it on its own).
   * When a rewrite is already running, though, its snapshot may predate our deletions, so
   * we wait for it to end and start another. Without AOF there is nothing to rewrite, and a
   * BGREWRITEAOF would even write the whole dataset to disk, so it is skipped then; RDB
   * snapshots are outside this (they hold whatever the dataset held when they were taken).
   */
  async purge(): Promise<void> {
    const info = await this.deps.client.info('persistence');
    if (!/^aof_enabled:1\b/m.test(info)) return;
    for (;;) {
      try {
        await this.deps.client.bgRewriteAof(); // "started", or "scheduled" behind a BGSAVE: forks after our deletions either way
        return;
      } catch (err) {
        if (!isRewriteRunning(err)) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, REWRITE_POLL_MS));
    }
  }
}
