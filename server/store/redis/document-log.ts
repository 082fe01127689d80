import { randomBytes } from 'node:crypto';
import type { DocumentLog, StoredDocument } from '../document-log';
import { foldDocumentOffThread, foldOntoKept, KEPT_FOLDS } from '../compact';
import { asBuffer, toBuffer, view, type RedisContext } from './connection';
import { APPEND_UPDATES, appendChunks, CLAIM, COMMIT, LOAD, LOAD_AFTER, UNLOCK } from './document-scripts';

/*
 * Layout of one document (<p> = key prefix):
 *   <p>doc:<name>:log          STREAM of updates, field `u` = raw update bytes
 *   <p>doc:<name>:snap         compacted snapshot (raw bytes)
 *   <p>doc:<name>:plan         the snapshot's piece plan (pieces/plan.ts), set and deleted with it
 *   <p>doc:<name>:clients      HASH clientId -> principal id
 *   <p>doc:<name>:lock         compaction lock (random token, PX 30 s)
 *   <p>doc:<name>:folded       id of the last log entry folded into the snapshot
 */

const LOCK_TTL_MS = 30_000;

/** The smallest stream id greater than `id`, for XTRIM MINID (which keeps ids >= it). */
function nextStreamId(id: string): string {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match) throw new Error(`redis store: bad stream id ${id}`);
  return `${match[1]}-${BigInt(match[2] ?? '0') + 1n}`;
}

interface LoadedLog extends StoredDocument {
  lastId: string | null;
}

/**
 * The Redis store's documents. Every invariant (append order, snapshot/log consistency, one
 * compaction at a time, first-wins client ids) holds across processes because Redis
 * enforces it (scripts, SET NX), never memory.
 */
export class RedisDocumentLog implements DocumentLog {
  /** Per document, the last log id this store's last compaction folded (and committed). */
  private readonly committedFolds = new Map<string, string>();

  constructor(private readonly redis: RedisContext) {}

  appendUpdate(docName: string, update: Uint8Array): Promise<{ logLength: number }> { return this.appendUpdates(docName, [update]); }

  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> {
    const keys = [this.redis.docKeys(docName).log];
    let reply: unknown;
    // One after another: a failed chunk must not leave a later one stored before it.
    for (const chunk of appendChunks(updates.map(toBuffer))) reply = await this.redis.run(APPEND_UPDATES, keys, chunk);
    return { logLength: Number(reply) };
  }

  async loadDocument(docName: string): Promise<StoredDocument> {
    const { snapshot, updates, plan } = await this.loadLog(docName);
    return { snapshot, updates, plan };
  }

  async compactDocument(docName: string): Promise<{ compacted: number }> {
    const keys = this.redis.docKeys(docName);
    const token = randomBytes(16).toString('hex');
    const locked = await this.redis.client.set(keys.lock, token, {
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
      const { snapshot, plan } = folded;
      const remaining = await this.redis.run(COMMIT, [keys.lock, keys.snap, keys.log, keys.folded, keys.plan], [token, toBuffer(snapshot), nextStreamId(lastId), lastId, plan ? toBuffer(plan) : '']);
      // -1: the lock expired (fold took > 30 s) or the document was deleted meanwhile; a
      // newer compaction may have committed, so writing ours could drop its entries.
      if (Number(remaining) < 0) return { compacted: 0 };
      this.committedFolds.delete(docName);
      this.committedFolds.set(docName, lastId);
      for (const old of this.committedFolds.keys()) if (this.committedFolds.size > KEPT_FOLDS) this.committedFolds.delete(old);
      return { compacted: updates.length };
    } finally {
      await this.redis.run(UNLOCK, [keys.lock], [token]).catch(() => undefined);
    }
  }

  async deleteDocument(docName: string): Promise<void> {
    const keys = this.redis.docKeys(docName);
    // Deleting the lock too makes a compaction in flight fail its COMMIT check, so it
    // cannot write the deleted content back as a snapshot.
    await this.redis.client.del([keys.snap, keys.plan, keys.log, keys.clients, keys.lock, keys.folded]);
  }

  async claimClientId(docName: string, clientId: number, principalId: string): Promise<string> {
    const owner = await this.redis.run(CLAIM, [this.redis.docKeys(docName).clients], [String(clientId), principalId]);
    return asBuffer(owner, 'client owner').toString('utf8');
  }

  /** The log after our last committed fold, if the snapshot is still that fold's; else null. */
  private async loadAfter(docName: string): Promise<{ updates: Uint8Array[]; lastId: string | null } | null> {
    const folded = this.committedFolds.get(docName);
    if (folded === undefined) return null;
    const keys = this.redis.docKeys(docName);
    const reply = await this.redis.run(LOAD_AFTER, [keys.folded, keys.log], [folded]);
    if (!Array.isArray(reply)) return null;
    const [lastId, ...updates] = reply as unknown[];
    return {
      updates: updates.map((u) => view(asBuffer(u, 'update'))),
      lastId: lastId === null ? null : asBuffer(lastId, 'stream id').toString('latin1'),
    };
  }

  /** Snapshot and log in one script, so they always come from the same moment. */
  private async loadLog(docName: string): Promise<LoadedLog> {
    const keys = this.redis.docKeys(docName);
    const reply = await this.redis.run(LOAD, [keys.snap, keys.log, keys.plan], []);
    if (!Array.isArray(reply) || reply.length < 3) throw new Error('redis store: bad LOAD reply');
    const [snap, plan, lastId, ...updates] = reply as unknown[];
    return {
      snapshot: snap === null ? null : view(asBuffer(snap, 'snapshot')),
      plan: plan === null ? null : view(asBuffer(plan, 'plan')),
      updates: updates.map((u) => view(asBuffer(u, 'update'))),
      lastId: lastId === null ? null : asBuffer(lastId, 'stream id').toString('latin1'),
    };
  }
}
