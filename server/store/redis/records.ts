import type { Idea } from '../../../shared';
import type { FeatureRecords, StoredRecord } from '../feature-records';
import { script, type RedisContext } from './connection';

/** KEYS[1] hidden hash; ARGV idea id, idea JSON, author id. 0: the id belongs to another author. */
export const PUT_HIDDEN = script(`
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  local ok, decoded = pcall(cjson.decode, existing)
  if ok and type(decoded) == 'table' and decoded.authorId ~= ARGV[3] then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`);

/** KEYS[1] space hash; ARGV key, value → { 1 created | 0 existed, value now stored }. */
const INSERT = script(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then return { 1, ARGV[2] } end
return { 0, redis.call('HGET', KEYS[1], ARGV[1]) }`);

/** KEYS[1] space hash; ARGV key, expected, next → 1 replaced | 0 held something else (or nothing). */
const REPLACE = script(`
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`);

/**
 * The Redis store's feature records (<p> = key prefix):
 *   <p>hidden:<boardId>        HASH idea id -> hidden idea (JSON), silent writing
 *   <p>records:<space>         HASH key -> record; nothing else in the store starts `records:`
 * Fields and values are binary-safe strings to Redis, so ':' and unicode need no escaping;
 * check-then-write runs in Lua, which makes it atomic across processes.
 */
export class RedisRecords implements FeatureRecords {
  constructor(private readonly redis: RedisContext) {}

  async putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> {
    const reply = await this.redis.runText(PUT_HIDDEN, [this.hiddenKey(boardId)], [idea.id, JSON.stringify(idea), idea.authorId]);
    return Number(reply) === 1 ? 'stored' : 'conflict';
  }

  async listHiddenIdeas(boardId: string): Promise<Idea[]> {
    const all = await this.redis.client.hGetAll(this.hiddenKey(boardId));
    return Object.values(all).map((json) => JSON.parse(json) as Idea);
  }

  async getHiddenIdeas(boardId: string, ideaIds: readonly string[]): Promise<Idea[]> {
    if (ideaIds.length === 0) return []; // HMGET needs a field
    const found = await this.redis.client.hmGet(this.hiddenKey(boardId), [...new Set(ideaIds)]);
    return found.flatMap((json) => (json === null ? [] : [JSON.parse(json) as Idea]));
  }

  async deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> {
    if (ideaIds.length === 0) return 0;
    return this.redis.client.hDel(this.hiddenKey(boardId), [...new Set(ideaIds)]);
  }

  async insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> {
    const [created, stored] = (await this.redis.runText(INSERT, [this.spaceKey(space)], [key, value])) as [number, string];
    return { created: Number(created) === 1, value: stored };
  }

  getRecord(space: string, key: string): Promise<string | null> {
    return this.redis.client.hGet(this.spaceKey(space), key);
  }

  async listRecords(space: string): Promise<StoredRecord[]> {
    // node-redis builds this object with a null prototype, so a key "__proto__" is a plain entry.
    const all = await this.redis.client.hGetAll(this.spaceKey(space));
    return Object.entries(all)
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // hashes are unordered
  }

  async putRecord(space: string, key: string, value: string): Promise<void> {
    await this.redis.client.hSet(this.spaceKey(space), key, value);
  }

  async replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> {
    return Number(await this.redis.runText(REPLACE, [this.spaceKey(space)], [key, expected, next])) === 1;
  }

  async deleteRecords(space: string, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0; // HDEL needs a field
    return this.redis.client.hDel(this.spaceKey(space), [...new Set(keys)]);
  }

  private hiddenKey(boardId: string): string {
    return this.redis.key(`hidden:${boardId}`);
  }

  private spaceKey(space: string): string {
    return this.redis.key(`records:${space}`);
  }
}
