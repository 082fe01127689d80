import { LIMITS } from '../../../shared';
import { script } from './connection';

/**
 * Lua scripts of the Redis document log: append, load, compaction commit and lock,
 * client-id claims. Each runs atomically in Redis, which is what keeps the log, the
 * snapshot and the claims consistent across processes.
 */

/**
 * Lua: the whole log (KEYS[2]) into `out` after its first `head` slots, the last stream id
 * in out[head]. LOAD and LOAD_AFTER differ only in what comes before it.
 */
const READ_LOG = (head: number) => `
local entries = redis.call('XRANGE', KEYS[2], '-', '+')
for i, entry in ipairs(entries) do
  out[i + ${head}] = entry[2][2]
  out[${head}] = entry[1]
end
return out`;

/** KEYS: snap, log, plan. Reply: { snapshot | nil, plan | nil, last stream id | nil, update1, update2, ... }. */
export const LOAD = script(`
local out = { redis.call('GET', KEYS[1]), redis.call('GET', KEYS[3]), false }${READ_LOG(3)}`);

/**
 * Writes the snapshot and its piece plan (none: ARGV[5] empty) and trims the folded entries
 * only if our lock is still held. Records the last folded id, so a follower whose cursor is
 * older knows it missed trimmed entries. KEYS: lock, snap, log, folded, plan.
 */
export const COMMIT = script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
redis.call('SET', KEYS[2], ARGV[2])
if ARGV[5] == '' then redis.call('DEL', KEYS[5]) else redis.call('SET', KEYS[5], ARGV[5]) end
redis.call('SET', KEYS[4], ARGV[4])
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[3])
return redis.call('XLEN', KEYS[3])`);

export const UNLOCK = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

export const CLAIM = script(`
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
return redis.call('HGET', KEYS[1], ARGV[1])`);

/**
 * The log after `ARGV[1]`, only while that is still the folded id (the snapshot is the one
 * the caller's last compaction wrote): { last stream id | nil, update1, ... }; nil otherwise.
 * KEYS: folded, log. Entries up to the folded id were trimmed by that compaction.
 */
export const LOAD_AFTER = script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local out = { false }${READ_LOG(1)}`);

/**
 * KEYS[1] a document's log stream; ARGV the updates, appended in order → the log's length.
 * Other processes follow the stream itself (redis/cluster.ts), so this is all they need.
 */
export const APPEND_UPDATES = script(`
for i = 1, #ARGV do redis.call('XADD', KEYS[1], '*', 'u', ARGV[i]) end
return redis.call('XLEN', KEYS[1])`);

/*
 * A script blocks Redis while it runs and its call is held whole in the query buffer
 * (client-query-buffer-limit, 1 GiB by default), so a backlog, say after an outage, goes
 * in calls of bounded size; one update (up to LIMITS.messageBytes) always fits.
 */
const APPEND_MAX_UPDATES = 1_000;
const APPEND_MAX_BYTES = 4 * LIMITS.messageBytes;

/** Splits a batch into APPEND_UPDATES calls, in order; an empty batch is one empty call. */
export function appendChunks<T extends { byteLength: number }>(updates: T[]): T[][] {
  const chunks: T[][] = [[]];
  let bytes = 0;
  for (const update of updates) {
    let chunk = chunks[chunks.length - 1]!;
    if (chunk.length > 0 && (chunk.length >= APPEND_MAX_UPDATES || bytes + update.byteLength > APPEND_MAX_BYTES)) {
      chunk = [];
      chunks.push(chunk);
      bytes = 0;
    }
    chunk.push(update);
    bytes += update.byteLength;
  }
  return chunks;
}
