import { createClient } from 'redis';
import { ComposedStore } from './composed-store';
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
export class RedisStore extends ComposedStore {
  readonly kind = 'redis' as const;
  readonly cluster: RedisCluster;
  private readonly purge: RedisPurge;

  private constructor(
    private readonly redis: RedisContext,
    onError: (err: Error) => void,
  ) {
    super({
      documents: new RedisDocumentLog(redis),
      access: new RedisAccess(redis),
      votes: new RedisVotes(redis),
      records: new RedisRecords(redis),
    });
    this.cluster = new RedisCluster(redis, onError);
    this.purge = new RedisPurge(redis.client);
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
    return new RedisStore(new RedisContext(client, opts.keyPrefix ?? 'samskab:'), onError);
  }

  override purgeDeleted(): Promise<void> {
    return this.purge.purge();
  }

  override async ping(): Promise<void> {
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

  override async close(): Promise<void> {
    await this.cluster.close();
    const { client } = this.redis;
    // close() waits for replies in flight; while disconnected it would wait for a
    // reconnection that may never come, so drop the socket instead.
    if (client.isReady) await client.close();
    else if (client.isOpen) client.destroy();
  }
}
