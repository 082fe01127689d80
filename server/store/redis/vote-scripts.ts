import { script } from './connection';

/**
 * Lua scripts of the Redis dot votes. Each runs atomically in Redis, so no two casts can
 * both pass a budget check, across processes. They implement exactly the rules of
 * vote-book.ts (the embedded and memory stores'), and test/store/contract/dot-votes.ts
 * holds all three to the same behaviour.
 */

/**
 * Shared by the vote scripts. KEYS[1]: HASH participant id → JSON { "<scope>/<ideaId>": count };
 * KEYS[2]: HASH idea id → total. Fields split at their last '/', which ids never contain.
 */
const VOTE_PRELUDE = `
local function split(field)
  local at = string.find(field, '/[^/]*$')
  return string.sub(field, 1, at - 1), string.sub(field, at + 1)
end
local function load(pid)
  local raw = redis.call('HGET', KEYS[1], pid)
  if raw then return cjson.decode(raw) end
  return {}
end
local function save(pid, mine)
  if next(mine) == nil then redis.call('HDEL', KEYS[1], pid)
  else redis.call('HSET', KEYS[1], pid, cjson.encode(mine)) end
end
local function tally(mine, scope)
  local votes, used = {}, 0
  for field, count in pairs(mine) do
    local s, id = split(field)
    if s == scope then votes[id] = (votes[id] or 0) + count; used = used + count end
  end
  return cjson.encode(votes), used
end
local function onIdea(mine, id)
  local c = 0
  for field, count in pairs(mine) do
    local _, i = split(field)
    if i == id then c = c + count end
  end
  return c
end
local function total(id)
  return tonumber(redis.call('HGET', KEYS[2], id) or '0')
end
`;

/** ARGV participant, idea, scope, budget, maxPerIdea → { 1 cast | -1 budget | -2 maxPerIdea, tally JSON, total }. */
export const CAST_VOTE = script(`${VOTE_PRELUDE}
local pid, id, scope = ARGV[1], ARGV[2], ARGV[3]
local mine = load(pid)
local _, used = tally(mine, scope)
local outcome = 1
if used >= tonumber(ARGV[4]) then outcome = -1
elseif onIdea(mine, id) >= tonumber(ARGV[5]) then outcome = -2 end
if outcome == 1 then
  local field = scope .. '/' .. id
  mine[field] = (mine[field] or 0) + 1
  save(pid, mine)
  redis.call('HINCRBY', KEYS[2], id, 1)
end
local json = tally(mine, scope)
return { outcome, json, total(id) }`);

/** ARGV participant, idea, scope → { 1 retracted | 0 none, tally JSON, total }. */
export const RETRACT_VOTE = script(`${VOTE_PRELUDE}
local pid, id, scope = ARGV[1], ARGV[2], ARGV[3]
local mine = load(pid)
local field = scope .. '/' .. id
if not mine[field] then
  field = nil
  for f, _ in pairs(mine) do
    local _, i = split(f)
    if i == id then field = f; break end
  end
end
local outcome = 0
if field and mine[field] and mine[field] > 0 then
  outcome = 1
  mine[field] = mine[field] - 1
  if mine[field] <= 0 then mine[field] = nil end
  save(pid, mine)
  if redis.call('HINCRBY', KEYS[2], id, -1) <= 0 then redis.call('HDEL', KEYS[2], id) end
end
local json = tally(mine, scope)
return { outcome, json, total(id) }`);

/** ARGV target, scope, budget, maxPerIdea, source ids… → { target total, moved, refunded }. */
export const MERGE_VOTES = script(`${VOTE_PRELUDE}
local target, scope, budget, max = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local sources = {}
for i = 5, #ARGV do sources[ARGV[i]] = true end
local moved, refunded = 0, 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local pid, mine = all[i], cjson.decode(all[i + 1])
  local carried, drop = 0, {}
  for f, c in pairs(mine) do
    local _, id = split(f)
    if sources[id] then carried = carried + c; drop[#drop + 1] = f end
  end
  for _, f in ipairs(drop) do mine[f] = nil end
  if carried > 0 then
    local field = nil
    for f, _ in pairs(mine) do
      local _, id = split(f)
      if id == target then field = f; break end
    end
    field = field or (scope .. '/' .. target)
    local s = split(field)
    local _, used = tally(mine, s)
    local add = math.max(0, math.min(carried, max - onIdea(mine, target), math.max(0, budget - used)))
    if add > 0 then mine[field] = (mine[field] or 0) + add end
    moved, refunded = moved + add, refunded + carried - add
    save(pid, mine)
  end
end
for id, _ in pairs(sources) do redis.call('HDEL', KEYS[2], id) end
if moved > 0 then redis.call('HINCRBY', KEYS[2], target, moved) end
return { total(target), moved, refunded }`);

/** ARGV 'all' | 'scope' <scope> | 'ideas' <id>… ; totals are recounted from what is left. */
export const CLEAR_VOTES = script(`${VOTE_PRELUDE}
local mode = ARGV[1]
if mode == 'all' then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
local ids = {}
for i = 2, #ARGV do ids[ARGV[i]] = true end
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[2])
for i = 1, #all, 2 do
  local pid, mine = all[i], cjson.decode(all[i + 1])
  local drop = {}
  for f, _ in pairs(mine) do
    local s, id = split(f)
    if (mode == 'scope' and s == ARGV[2]) or (mode == 'ideas' and ids[id]) then drop[#drop + 1] = f end
  end
  for _, f in ipairs(drop) do mine[f] = nil end
  if #drop > 0 then save(pid, mine) end
  for f, c in pairs(mine) do
    local _, id = split(f)
    redis.call('HINCRBY', KEYS[2], id, c)
  end
end
return 1`);
