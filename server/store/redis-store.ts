import { randomBytes } from 'node:crypto';
import { createClient, RESP_TYPES } from 'redis';
import type { Idea } from '../../shared';
import { type Ballot, type BoardRecord, type BoardStore, type CastVoteResult, type MergeVotesResult, type RetractVoteResult, type SessionRecord, type StoredDocument, type StoredRecord, type VoteRule, type VoteSelection, type VoteTally } from './board-store';
import { StoreConflictError } from '../core/errors';
import { foldDocumentOffThread, foldOntoKept, KEPT_FOLDS } from './compact';
import {
  APPEND_UPDATES, appendChunks, CAST_VOTE, CLAIM, CLEAR_VOTES, COMMIT, LOAD, LOAD_AFTER, MERGE_VOTES, PUT_HIDDEN, RETRACT_VOTE, UNLOCK, type Script,
} from './redis-scripts';
import { ballotsOf, decodeCounts, tallyOf } from './vote-book';
import { RedisFeed } from './redis-feed';
import { RedisRecords } from './redis-records';
import { asBuffer, view } from './redis-bytes';

/**
 * BoardStore on Redis, for multi-process deployments: every invariant (append order,
 * snapshot/log consistency, one compaction at a time, first-wins client ids) holds across
 * processes because it is enforced by Redis (scripts, SET NX), never in memory.
 *
 * Layout (<p> = key prefix, default `samskab:`):
 *   <p>board:<id>              BoardRecord (JSON)
 *   <p>session:<tokenHash>     SessionRecord (JSON)
 *   <p>doc:<name>:log          STREAM of updates, field `u` = raw update bytes
 *   <p>doc:<name>:snap         compacted snapshot (raw bytes)
 *   <p>doc:<name>:clients      HASH clientId -> principal id
 *   <p>doc:<name>:lock         compaction lock (random token, PX 30 s)
 *   <p>doc:<name>:folded       id of the last log entry folded into the snapshot
 *   <p>presence:<boardId>      pub/sub channel: awareness between processes (redis-feed.ts)
 *   <p>hidden:<boardId>        HASH idea id -> hidden idea (JSON), silent writing
 *   <p>joincode:<code>         board id
 *   <p>votes:<boardId>         HASH participant id -> JSON { "<scope>/<ideaId>": count }
 *   <p>votetotals:<boardId>    HASH idea id -> total votes
 *   <p>records:<space>         HASH key -> moderation record (redis-records.ts)
 * No suffix is a suffix of another, so two document names can never map to the same key.
 *
 * Binary safety: node-redis decodes bulk strings as UTF-8 strings unless a command runs on
 * a client built with withTypeMapping({ [BLOB_STRING]: Buffer }). Even then `multi().exec()`
 * is NOT binary safe in redis@5.12 (the EXEC reply, which carries every result, is decoded
 * without the mapping), so all binary reads go through single commands / Lua scripts on
 * `this.bin`. test/store/redis.test.ts and the contract's byte round-trip guard this.
 */

const LOCK_TTL_MS = 30_000;
const PING_TIMEOUT_MS = 2_000;

export type Client = ReturnType<typeof createClient>;

/** A vote script's tally: JSON (from Lua's cjson, where an empty table is `{}`). */
function tallyFromJson(json: string): VoteTally {
  const votes = decodeCounts(json);
  let used = 0;
  for (const count of Object.values(votes)) used += count;
  return { votes, used };
}

export function binaryClient(client: Client) {
  return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
}
type BinaryClient = ReturnType<typeof binaryClient>;

export interface RedisStoreOptions {
  keyPrefix?: string;
  /** Shown by CLIENT LIST, so operators (and tests) can tell this connection apart. */
  clientName?: string;
  /** Connection errors (the client keeps reconnecting by itself); default: ignored. */
  onError?: (err: Error) => void;
}

/** Zero-copy: Buffer args are sent as raw bytes, never re-encoded. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The smallest stream id greater than `id`, for XTRIM MINID (which keeps ids >= it). */
function nextStreamId(id: string): string {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match) throw new Error(`redis store: bad stream id ${id}`);
  return `${match[1]}-${BigInt(match[2] ?? '0') + 1n}`;
}

interface LoadedLog extends StoredDocument {
  lastId: string | null;
}

export class RedisStore implements BoardStore {
  readonly kind = 'redis' as const;
  readonly cluster: RedisFeed;
  private readonly bin: BinaryClient;
  private readonly records: RedisRecords;

  private constructor(
    private readonly client: Client,
    private readonly prefix: string,
    onError: (err: Error) => void,
  ) {
    this.bin = binaryClient(client);
    this.cluster = new RedisFeed({
      client,
      prefix,
      docKeys: (docName) => this.docKeys(docName),
      run: (s, keys, args) => this.run(s, keys, args),
      onError,
    });
    this.records = new RedisRecords({ client, spaceKey: (space) => this.key(`records:${space}`), runText: (s, keys, args) => this.runText(s, keys, args) });
  }

  /**
   * A connection for socket.io's Redis adapter. It queues commands while Redis is away:
   * the adapter retries a failed read at once, so with this store's fail-fast connection it
   * would spin and starve the event loop during an outage.
   */
  async createAdapterClient(): Promise<Client> {
    const client = this.client.duplicate({ name: 'samskab-socketio', disableOfflineQueue: false });
    client.on('error', () => undefined); // reconnects by itself; outages are reported by the main connection
    await client.connect();
    this.extraClients.push(client);
    return client;
  }
  private readonly extraClients: Client[] = [];

  /** The prefix of every key of this installation (rate limit counters live under it too). */
  get keyPrefix(): string {
    return this.prefix;
  }

  static async connect(url: string, opts: RedisStoreOptions = {}): Promise<RedisStore> {
    const client: Client = createClient({
      url,
      name: opts.clientName ?? 'samskab',
      // Fail commands while disconnected instead of queueing them in memory: an append
      // must not be acknowledged late (or pile up) during an outage; callers see the error.
      disableOfflineQueue: true,
    });
    // Without a listener an 'error' event would crash the process; reconnection is automatic.
    const onError = (err: Error) => opts.onError?.(err);
    client.on('error', onError);
    await client.connect();
    return new RedisStore(client, opts.keyPrefix ?? 'samskab:', onError);
  }

  async createBoard(board: BoardRecord): Promise<void> {
    const reply = await this.client.set(this.key(`board:${board.id}`), JSON.stringify(board), {
      condition: 'NX',
    });
    if (reply === null) throw new StoreConflictError(`board ${board.id} already exists`);
  }

  async getBoard(boardId: string): Promise<BoardRecord | null> {
    return this.getJson<BoardRecord>(this.key(`board:${boardId}`));
  }

  async putSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.client.set(this.key(`session:${tokenHash}`), JSON.stringify(session));
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.getJson<SessionRecord>(this.key(`session:${tokenHash}`));
  }

  async listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> {
    const prefix = this.key('session:');
    const keys: string[] = [];
    for await (const batch of this.client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      keys.push(...(Array.isArray(batch) ? batch : [batch]).map(String));
    }
    const out: Array<{ tokenHash: string; session: SessionRecord }> = [];
    for (let i = 0; i < keys.length; i += 500) {
      const slice = keys.slice(i, i + 500);
      const values = await this.client.mGet(slice);
      values.forEach((value, j) => {
        if (value === null) return;
        try {
          out.push({ tokenHash: slice[j]!.slice(prefix.length), session: JSON.parse(String(value)) as SessionRecord });
        } catch {
          // A corrupt session reads as missing.
        }
      });
    }
    return out;
  }

  async deleteSessions(tokenHashes: string[]): Promise<number> {
    return tokenHashes.length === 0 ? 0 : Number(await this.client.del(tokenHashes.map((hash) => this.key(`session:${hash}`))));
  }

  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.appendUpdates(docName, [update]); }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> {
    const keys = [this.docKeys(docName).log];
    let reply: unknown;
    // One after another: a failed chunk must not leave a later one stored before it.
    for (const chunk of appendChunks(updates.map(toBuffer))) reply = await this.run(APPEND_UPDATES, keys, chunk);
    return { logLength: Number(reply) };
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const { snapshot, updates } = await this.loadLog(docName);
    return { snapshot, updates };
  }

  async compactDocument(docName: string): Promise<{ compacted: number }> {
    const keys = this.docKeys(docName);
    const token = randomBytes(16).toString('hex');
    const locked = await this.client.set(keys.lock, token, {
      condition: 'NX',
      expiration: { type: 'PX', value: LOCK_TTL_MS },
    });
    if (locked === null) return { compacted: 0 }; // another process is compacting
    try {
      const kept = `redis:${keys.snap}`;
      // When the snapshot is still the one our last commit wrote, the fold worker kept its
      // document: read and send only the log, never the whole snapshot.
      const tail = await this.loadAfter(docName);
      if (tail && tail.updates.length === 0) return { compacted: 0 };
      let folded = tail ? await foldOntoKept(kept, tail.updates) : null;
      let { updates, lastId } = tail ?? { updates: [], lastId: null };
      if (!folded) {
        const log = await this.loadLog(docName);
        ({ updates, lastId } = log);
        if (updates.length === 0 || lastId === null) return { compacted: 0 };
        folded = await foldDocumentOffThread(log.snapshot, updates, kept);
      }
      if (lastId === null) return { compacted: 0 };
      const remaining = await this.run(COMMIT, [keys.lock, keys.snap, keys.log, keys.folded], [token, toBuffer(folded), nextStreamId(lastId), lastId]);
      // -1: the lock expired (fold took > 30 s) or the document was deleted meanwhile; a
      // newer compaction may have committed, so writing ours could drop its entries.
      if (Number(remaining) < 0) return { compacted: 0 };
      this.committedFolds.delete(docName);
      this.committedFolds.set(docName, lastId);
      for (const old of this.committedFolds.keys()) if (this.committedFolds.size > KEPT_FOLDS) this.committedFolds.delete(old);
      return { compacted: updates.length };
    } finally {
      await this.run(UNLOCK, [keys.lock], [token]).catch(() => undefined);
    }
  }
  /** Per document, the last log id this store's last compaction folded (and committed). */
  private readonly committedFolds = new Map<string, string>();

  /** The log after our last committed fold, if the snapshot is still that fold's; else null. */
  private async loadAfter(docName: string): Promise<{ updates: Uint8Array[]; lastId: string | null } | null> {
    const folded = this.committedFolds.get(docName);
    if (folded === undefined) return null;
    const keys = this.docKeys(docName);
    const reply = await this.run(LOAD_AFTER, [keys.folded, keys.log], [folded]);
    if (!Array.isArray(reply)) return null;
    const [lastId, ...updates] = reply as unknown[];
    return {
      updates: updates.map((u) => view(asBuffer(u, 'update'))),
      lastId: lastId === null ? null : asBuffer(lastId, 'stream id').toString('latin1'),
    };
  }

  async deleteDocument(docName: string): Promise<void> {
    const keys = this.docKeys(docName);
    // Deleting the lock too makes a compaction in flight fail its COMMIT check, so it
    // cannot write the deleted content back as a snapshot.
    await this.client.del([keys.snap, keys.log, keys.clients, keys.lock, keys.folded]);
  }

  async claimClientId(docName: string, clientId: number, principalId: string): Promise<string> {
    const owner = await this.run(CLAIM, [this.docKeys(docName).clients], [String(clientId), principalId]);
    return asBuffer(owner, 'client owner').toString('utf8');
  }

  async putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> {
    const reply = await this.runText(PUT_HIDDEN, [this.key(`hidden:${boardId}`)], [idea.id, JSON.stringify(idea), idea.authorId]);
    return Number(reply) === 1 ? 'stored' : 'conflict';
  }

  async listHiddenIdeas(boardId: string): Promise<Idea[]> {
    const all = await this.client.hGetAll(this.key(`hidden:${boardId}`));
    return Object.values(all).map((json) => JSON.parse(json) as Idea);
  }

  async deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> {
    if (ideaIds.length === 0) return 0;
    return this.client.hDel(this.key(`hidden:${boardId}`), [...new Set(ideaIds)]);
  }

  async claimJoinCode(code: string, boardId: string): Promise<boolean> {
    return (await this.client.set(this.key(`joincode:${code}`), boardId, { condition: 'NX' })) !== null;
  }

  async findJoinCode(code: string): Promise<string | null> {
    return this.client.get(this.key(`joincode:${code}`));
  }

  async castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> {
    const args = [participantId, ideaId, rule.scope, String(rule.budget), String(rule.maxPerIdea)];
    const [code, json, total] = (await this.runText(CAST_VOTE, this.voteKeys(boardId), args)) as [number, string, number];
    const outcome = code === 1 ? 'cast' : code === -1 ? 'budget' : 'maxPerIdea';
    return { outcome, mine: tallyFromJson(json), total: Number(total) };
  }

  async retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> {
    const [code, json, total] = (await this.runText(RETRACT_VOTE, this.voteKeys(boardId), [participantId, ideaId, scope])) as [number, string, number];
    return { outcome: code === 1 ? 'retracted' : 'none', mine: tallyFromJson(json), total: Number(total) };
  }

  async getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> {
    const raw = await this.client.hGet(this.key(`votes:${boardId}`), participantId);
    return tallyOf(raw ? decodeCounts(raw) : undefined, scope);
  }

  async voteTotals(boardId: string): Promise<Record<string, number>> {
    const all = await this.client.hGetAll(this.key(`votetotals:${boardId}`));
    const totals = Object.create(null) as Record<string, number>; // ids may be "__proto__"
    for (const [id, count] of Object.entries(all)) if (Number(count) > 0) totals[id] = Number(count);
    return totals;
  }

  async listVotes(boardId: string): Promise<Ballot[]> {
    const all = await this.client.hGetAll(this.key(`votes:${boardId}`));
    const participants = Object.create(null) as Record<string, Record<string, number>>; // ids may be "__proto__"
    for (const [participantId, json] of Object.entries(all)) participants[participantId] = decodeCounts(json);
    return ballotsOf(participants);
  }

  async mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> {
    const args = [targetId, rule.scope, String(rule.budget), String(rule.maxPerIdea), ...sourceIds];
    const [total, moved, refunded] = (await this.runText(MERGE_VOTES, this.voteKeys(boardId), args)) as number[];
    return { total: Number(total), moved: Number(moved), refunded: Number(refunded) };
  }

  async clearVotes(boardId: string, which: VoteSelection): Promise<void> {
    const args = 'all' in which ? ['all'] : 'scope' in which ? ['scope', which.scope] : ['ideas', ...which.ideaIds];
    await this.runText(CLEAR_VOTES, this.voteKeys(boardId), args);
  }

  // Public calls and moderation: see redis-records.ts.
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> { return this.records.insert(space, key, value); }
  getRecord(space: string, key: string): Promise<string | null> { return this.records.get(space, key); }
  listRecords(space: string): Promise<StoredRecord[]> { return this.records.list(space); }
  putRecord(space: string, key: string, value: string): Promise<void> { return this.records.put(space, key, value); }
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> { return this.records.replace(space, key, expected, next); }
  deleteRecords(space: string, keys: string[]): Promise<number> { return this.records.delete(space, keys); }
  purgeDeleted(): Promise<void> { return this.records.purge(); }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis ping timed out')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.cluster.close();
    // Let socket.io's fire-and-forget publishes finish: destroying would reject them, and
    // nobody is there to catch it. While Redis is away there is nothing to wait for.
    for (const client of this.extraClients.splice(0)) {
      if (client.isReady) await client.close().catch(() => undefined);
      else if (client.isOpen) client.destroy();
    }
    // close() waits for replies in flight; while disconnected it would wait for a
    // reconnection that may never come, so drop the socket instead.
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }

  private key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }

  private docKeys(docName: string) {
    const base = this.key(`doc:${docName}:`);
    return { log: `${base}log`, snap: `${base}snap`, clients: `${base}clients`, lock: `${base}lock`, folded: `${base}folded` };
  }

  private async getJson<T>(key: string): Promise<T | null> {
    const raw = await this.client.get(key);
    // Records are only ever written by this store, from typed values.
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  /** Snapshot and log in one script, so they always come from the same moment. */
  private async loadLog(docName: string): Promise<LoadedLog> {
    const keys = this.docKeys(docName);
    const reply = await this.run(LOAD, [keys.snap, keys.log], []);
    if (!Array.isArray(reply) || reply.length < 2) throw new Error('redis store: bad LOAD reply');
    const [snap, lastId, ...updates] = reply as unknown[];
    return {
      snapshot: snap === null ? null : view(asBuffer(snap, 'snapshot')),
      updates: updates.map((u) => view(asBuffer(u, 'update'))),
      lastId: lastId === null ? null : asBuffer(lastId, 'stream id').toString('latin1'),
    };
  }

  private voteKeys(boardId: string): string[] {
    return [this.key(`votes:${boardId}`), this.key(`votetotals:${boardId}`)];
  }

  /** Like run(), on the string-decoding client: for scripts that answer in text and numbers. */
  private async runText(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await this.client.eval(s.source, { keys, arguments: args });
    }
  }

  /** EVALSHA, falling back to EVAL once per connection when Redis hasn't cached the script. */
  private async run(s: Script, keys: string[], args: (string | Buffer)[]): Promise<unknown> {
    try {
      return await this.bin.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await this.bin.eval(s.source, { keys, arguments: args });
    }
  }
}
