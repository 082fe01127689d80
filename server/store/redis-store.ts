import { createClient } from 'redis';
import type { Idea } from '../../shared';
import type { BoardRecord, SessionRecord } from './board-access';
import type { BoardStore } from './board-store';
import type { StoredDocument } from './document-log';
import type { Ballot, CastVoteResult, MergeVotesResult, RetractVoteResult, VoteRule, VoteSelection, VoteTally } from './dot-votes';
import type { StoredRecord } from './feature-records';
import { RedisAccess } from './redis/access';
import { RedisCluster } from './redis/cluster';
import { RedisContext, type Client } from './redis/connection';
import { RedisDocumentLog } from './redis/document-log';
import { RedisPurge } from './redis/purge';
import { RedisRecords } from './redis/records';
import { RedisVotes } from './redis/votes';

const PING_TIMEOUT_MS = 2_000;

export interface RedisStoreOptions {
  keyPrefix?: string;
  /** Shown by CLIENT LIST, so operators (and tests) can tell this connection apart. */
  clientName?: string;
  /** Connection errors (the client keeps reconnecting by itself); default: ignored. */
  onError?: (err: Error) => void;
}

/**
 * BoardStore on Redis, for multi-process deployments: one part per interface (redis/), on
 * one connection and key prefix, plus the Cluster through which the processes sharing it
 * act as one server. Every invariant holds across processes because Redis enforces it
 * (scripts, SET NX), never memory.
 *
 * Layout (<p> = key prefix, default `samskab:`):
 *   <p>board:<id>, <p>session:<tokenHash>, <p>joincode:<code>   redis/access.ts
 *   <p>doc:<name>:{log,snap,clients,lock,folded}                  redis/document-log.ts
 *   <p>votes:<boardId>, <p>votetotals:<boardId>                   redis/votes.ts
 *   <p>hidden:<boardId>, <p>records:<space>                       redis/records.ts
 *   <p>presence:<boardId> (pub/sub channel)                       redis/cluster.ts
 *   <p>rl:<kind>:… (rate limit counters, via cluster.sharedCounters)
 */
export class RedisStore implements BoardStore {
  readonly kind = 'redis' as const;
  readonly cluster: RedisCluster;
  private readonly redis: RedisContext;
  private readonly documents: RedisDocumentLog;
  private readonly access: RedisAccess;
  private readonly votes: RedisVotes;
  private readonly records: RedisRecords;
  private readonly purge: RedisPurge;

  private constructor(client: Client, prefix: string, onError: (err: Error) => void) {
    this.redis = new RedisContext(client, prefix);
    this.cluster = new RedisCluster(this.redis, onError);
    this.documents = new RedisDocumentLog(this.redis);
    this.access = new RedisAccess(this.redis);
    this.votes = new RedisVotes(this.redis);
    this.records = new RedisRecords(this.redis);
    this.purge = new RedisPurge(client);
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

  // DocumentLog
  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.documents.appendUpdate(docName, update); }
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> { return this.documents.appendUpdates(docName, updates); }
  loadDocument(docName: string): Promise<StoredDocument> { return this.documents.loadDocument(docName); }
  compactDocument(docName: string): Promise<{ compacted: number }> { return this.documents.compactDocument(docName); }
  deleteDocument(docName: string): Promise<void> { return this.documents.deleteDocument(docName); }
  claimClientId(docName: string, clientId: number, principalId: string): Promise<string> { return this.documents.claimClientId(docName, clientId, principalId); }

  // BoardAccess
  createBoard(board: BoardRecord): Promise<void> { return this.access.createBoard(board); }
  getBoard(boardId: string): Promise<BoardRecord | null> { return this.access.getBoard(boardId); }
  putSession(tokenHash: string, session: SessionRecord): Promise<void> { return this.access.putSession(tokenHash, session); }
  getSession(tokenHash: string): Promise<SessionRecord | null> { return this.access.getSession(tokenHash); }
  listSessions(): Promise<Array<{ tokenHash: string; session: SessionRecord }>> { return this.access.listSessions(); }
  deleteSessions(tokenHashes: string[]): Promise<number> { return this.access.deleteSessions(tokenHashes); }
  claimJoinCode(code: string, boardId: string): Promise<boolean> { return this.access.claimJoinCode(code, boardId); }
  findJoinCode(code: string): Promise<string | null> { return this.access.findJoinCode(code); }

  // DotVotes
  castVote(boardId: string, participantId: string, ideaId: string, rule: VoteRule): Promise<CastVoteResult> { return this.votes.castVote(boardId, participantId, ideaId, rule); }
  retractVote(boardId: string, participantId: string, ideaId: string, scope: string): Promise<RetractVoteResult> { return this.votes.retractVote(boardId, participantId, ideaId, scope); }
  getVotes(boardId: string, participantId: string, scope: string): Promise<VoteTally> { return this.votes.getVotes(boardId, participantId, scope); }
  voteTotals(boardId: string): Promise<Record<string, number>> { return this.votes.voteTotals(boardId); }
  listVotes(boardId: string): Promise<Ballot[]> { return this.votes.listVotes(boardId); }
  mergeVotes(boardId: string, targetId: string, sourceIds: string[], rule: VoteRule): Promise<MergeVotesResult> { return this.votes.mergeVotes(boardId, targetId, sourceIds, rule); }
  clearVotes(boardId: string, which: VoteSelection): Promise<void> { return this.votes.clearVotes(boardId, which); }

  // FeatureRecords
  putHiddenIdea(boardId: string, idea: Idea): Promise<'stored' | 'conflict'> { return this.records.putHiddenIdea(boardId, idea); }
  listHiddenIdeas(boardId: string): Promise<Idea[]> { return this.records.listHiddenIdeas(boardId); }
  deleteHiddenIdeas(boardId: string, ideaIds: string[]): Promise<number> { return this.records.deleteHiddenIdeas(boardId, ideaIds); }
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }> { return this.records.insertRecord(space, key, value); }
  getRecord(space: string, key: string): Promise<string | null> { return this.records.getRecord(space, key); }
  listRecords(space: string): Promise<StoredRecord[]> { return this.records.listRecords(space); }
  putRecord(space: string, key: string, value: string): Promise<void> { return this.records.putRecord(space, key, value); }
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean> { return this.records.replaceRecord(space, key, expected, next); }
  deleteRecords(space: string, keys: string[]): Promise<number> { return this.records.deleteRecords(space, keys); }

  purgeDeleted(): Promise<void> { return this.purge.purge(); }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis ping timed out')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.redis.client.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.cluster.close();
    const { client } = this.redis;
    // close() waits for replies in flight; while disconnected it would wait for a
    // reconnection that may never come, so drop the socket instead.
    if (client.isReady) await client.close();
    else if (client.isOpen) client.destroy();
  }
}
