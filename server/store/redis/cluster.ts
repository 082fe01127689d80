import { randomBytes } from 'node:crypto';
import type { Cluster, FeedChange } from '../cluster';
import type { StoredDocument } from '../document-log';
import { asBuffer, script, view, type Client, type RedisContext } from './connection';

/**
 * Every update after `cursor` in a document's log, read atomically with the compaction
 * marker: if a compaction folded (and trimmed) entries this follower never read, the reply
 * carries the snapshot (and its piece plan) too, so nothing is ever skipped. Reply: { gap 0|1,
 * new cursor, snapshot | nil, plan | nil, update1, update2, ... }. KEYS: log, snap, folded,
 * plan. ARGV: cursor.
 */
const FEED_READ = script(`
local function older(a, b)
  local am, as = string.match(a, '^(%d+)-(%d+)$')
  local bm, bs = string.match(b, '^(%d+)-(%d+)$')
  if tonumber(am) ~= tonumber(bm) then return tonumber(am) < tonumber(bm) end
  return tonumber(as) < tonumber(bs)
end
local folded = redis.call('GET', KEYS[3])
local out = { 0, ARGV[1], false, false }
local from = '(' .. ARGV[1]
if folded and older(ARGV[1], folded) then
  out[1] = 1
  out[2] = folded
  out[3] = redis.call('GET', KEYS[2])
  out[4] = redis.call('GET', KEYS[4])
  from = '-'
end
local entries = redis.call('XRANGE', KEYS[1], from, '+')
for i, entry in ipairs(entries) do
  out[i + 4] = entry[2][2]
  out[2] = entry[1]
end
return out`);

/** How long one blocking read waits before it looks again (it is woken early when follows change). */
const BLOCK_MS = 5_000;
const RETRY_MS = 500;

interface Follow {
  cursor: string;
  logKey: string;
  onChange: (change: FeedChange) => void;
}


/**
 * The Redis store's Cluster. One blocking XREAD per process watches every followed log
 * (a dedicated connection, since a blocked connection serves nobody else); when it reports
 * entries, FEED_READ fetches them from the follower's cursor. Presence and reservations use
 * pub/sub on another dedicated connection, each message tagged with this process's id to
 * skip echoes.
 * socket.io's adapter and the rate limiters get connections of their own, closed here too.
 */
export class RedisCluster implements Cluster {
  private readonly follows = new Map<string, Follow>();
  private readonly instance = randomBytes(8);
  private reader: Client | null = null;
  private readerId: number | null = null;
  private subscriber: Client | null = null;
  private readonly gapListeners = new Set<(state: 'lost' | 'back') => void>();
  private readonly extraClients: Client[] = [];
  private looping = false;
  private closed = false;

  constructor(
    private readonly redis: RedisContext,
    private readonly onError: (err: Error) => void,
  ) {}

  async follow(docName: string, onChange: (change: FeedChange) => void): Promise<StoredDocument> {
    const first = await this.read(docName, '0-0');
    this.follows.set(docName, { cursor: first.cursor, logKey: this.redis.docKeys(docName).log, onChange });
    await this.ensureReader();
    this.wake();
    return { snapshot: first.snapshot, updates: first.updates, plan: first.plan };
  }

  unfollow(docName: string): void {
    if (this.follows.delete(docName)) this.wake();
  }

  publishPresence(boardId: string, awarenessUpdate: Uint8Array): void {
    const message = Buffer.concat([this.instance, awarenessUpdate]);
    this.redis.client.publish(this.channel(boardId), message).catch((err: Error) => this.onError(err));
  }

  subscribePresence(boardId: string, onUpdate: (awarenessUpdate: Uint8Array) => void): () => void {
    const channel = this.channel(boardId);
    const listener = (message: Buffer) => {
      if (message.length < this.instance.length || message.subarray(0, this.instance.length).equals(this.instance)) return;
      onUpdate(view(message.subarray(this.instance.length)));
    };
    void this.ensureSubscriber()
      .then((sub) => sub.subscribe(channel, listener, true))
      .catch((err: Error) => this.onError(err));
    return () => {
      void this.subscriber?.unsubscribe(channel, listener, true).catch(() => undefined);
    };
  }

  publishReservation(boardId: string, ideaId: string, authorId: string): void {
    const message = Buffer.concat([this.instance, Buffer.from(JSON.stringify([ideaId, authorId]))]);
    this.redis.client.publish(this.reservationChannel(boardId), message).catch((err: Error) => this.onError(err));
  }

  async subscribeReservations(
    boardId: string,
    onReserved: (ideaId: string, authorId: string) => void,
    onGap: (state: 'lost' | 'back') => void,
  ): Promise<() => void> {
    const channel = this.reservationChannel(boardId);
    const listener = (message: Buffer) => {
      if (message.length < this.instance.length || message.subarray(0, this.instance.length).equals(this.instance)) return;
      const parsed = safeJson(message.subarray(this.instance.length).toString('utf8'));
      if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') onReserved(parsed[0], parsed[1]);
    };
    this.gapListeners.add(onGap);
    try {
      const subscriber = await this.ensureSubscriber();
      await subscriber.subscribe(channel, listener, true);
    } catch (err) {
      this.gapListeners.delete(onGap);
      throw err;
    }
    return () => {
      this.gapListeners.delete(onGap);
      void this.subscriber?.unsubscribe(channel, listener, true).catch(() => undefined);
    };
  }

  adapterConnection(): Promise<Client> {
    return this.extraConnection('samskab-socketio');
  }

  async sharedCounters(): Promise<{ client: Client; keyPrefix: string }> {
    return { client: await this.extraConnection('samskab-limits'), keyPrefix: this.redis.prefix };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.follows.clear();
    for (const connection of [this.reader, this.subscriber]) {
      if (connection?.isOpen) connection.destroy();
    }
    // Let socket.io's fire-and-forget publishes finish: destroying would reject them, and
    // nobody is there to catch it. While Redis is away there is nothing to wait for.
    for (const client of this.extraClients.splice(0)) {
      if (client.isReady) await client.close().catch(() => undefined);
      else if (client.isOpen) client.destroy();
    }
  }

  /**
   * A connection that queues commands while Redis is away (socket.io's adapter retries a
   * failed read at once, so with the store's fail-fast connection it would spin and starve
   * the event loop during an outage).
   */
  private async extraConnection(name: string): Promise<Client> {
    const client = this.redis.client.duplicate({ name, disableOfflineQueue: false });
    client.on('error', () => undefined); // reconnects by itself; outages are reported by the main connection
    await client.connect();
    this.extraClients.push(client);
    return client;
  }

  private channel(boardId: string): string {
    return `${this.redis.prefix}presence:${boardId}`;
  }

  private reservationChannel(boardId: string): string {
    return `${this.redis.prefix}reserved:${boardId}`;
  }

  private async read(docName: string, cursor: string): Promise<FeedChange & { cursor: string; plan: Uint8Array | null }> {
    const keys = this.redis.docKeys(docName);
    const reply = await this.redis.run(FEED_READ, [keys.log, keys.snap, keys.folded, keys.plan], [cursor]);
    if (!Array.isArray(reply) || reply.length < 4) throw new Error('redis feed: bad FEED_READ reply');
    const [, next, snapshot, plan, ...updates] = reply as unknown[];
    return {
      cursor: asBuffer(next, 'stream id').toString('latin1'),
      snapshot: snapshot === null ? null : view(asBuffer(snapshot, 'snapshot')),
      plan: plan === null ? null : view(asBuffer(plan, 'plan')),
      updates: updates.map((u) => view(asBuffer(u, 'update'))),
    };
  }

  private async ensureReader(): Promise<void> {
    if (this.reader || this.closed) return;
    const reader = this.redis.client.duplicate({ name: 'samskab-feed', disableOfflineQueue: false });
    reader.on('error', (err: Error) => this.onError(err));
    this.reader = reader;
    await reader.connect();
    this.readerId = await reader.clientId();
    reader.on('ready', () => {
      // A new connection after an outage: ask for its id again, and catch up on every log.
      void reader.clientId().then((id) => (this.readerId = id), () => undefined);
    });
    if (!this.looping) void this.loop();
  }

  private async ensureSubscriber(): Promise<Client> {
    if (!this.subscriber) {
      const subscriber = this.redis.client.duplicate({ name: 'samskab-presence', disableOfflineQueue: false });
      subscriber.on('error', (err: Error) => this.onError(err));
      // Pub/sub keeps nothing for a connection that is away: whoever relies on hearing every
      // message (reservations) is told when messages may have been lost, and when node-redis
      // has subscribed again after reconnecting (it does so before 'ready').
      let lost = false;
      const gap = (state: 'lost' | 'back') => {
        for (const listener of [...this.gapListeners]) listener(state);
      };
      subscriber.on('reconnecting', () => {
        if (lost) return;
        lost = true;
        gap('lost');
      });
      subscriber.on('ready', () => {
        if (!lost) return;
        lost = false;
        gap('back');
      });
      this.subscriber = subscriber;
      await subscriber.connect();
    }
    return this.subscriber;
  }

  /** Interrupts the blocking read so it starts again with the current set of logs. */
  private wake(): void {
    if (this.readerId === null) return;
    this.redis.client.sendCommand(['CLIENT', 'UNBLOCK', String(this.readerId)]).catch(() => undefined);
  }

  private async loop(): Promise<void> {
    this.looping = true;
    let caughtUp = true;
    while (!this.closed && this.reader) {
      try {
        if (!caughtUp) {
          for (const docName of [...this.follows.keys()]) await this.pull(docName);
          caughtUp = true;
        }
        if (this.follows.size === 0) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        const byLog = new Map([...this.follows].map(([docName, f]) => [f.logKey, docName]));
        const reply = await this.reader.xRead(
          [...this.follows.values()].map((f) => ({ key: f.logKey, id: f.cursor })),
          { BLOCK: BLOCK_MS, COUNT: 1 },
        );
        for (const stream of (reply ?? []) as Array<{ name: string }>) {
          const docName = byLog.get(String(stream.name));
          if (docName) await this.pull(docName);
        }
      } catch (err) {
        if (this.closed) break;
        this.onError(err as Error);
        caughtUp = false;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    this.looping = false;
  }

  private async pull(docName: string): Promise<void> {
    const follow = this.follows.get(docName);
    if (!follow) return;
    const change = await this.read(docName, follow.cursor);
    if (this.follows.get(docName) !== follow) return; // unfollowed meanwhile
    follow.cursor = change.cursor;
    if (change.snapshot || change.updates.length > 0) follow.onChange(change);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
