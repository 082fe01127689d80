import { createHash } from 'node:crypto';
import { RESP_TYPES } from 'redis';
import type { SharedConnection } from '../cluster';

/**
 * What every part of the Redis store shares: the connection, the key prefix, byte handling
 * and the way scripts run.
 *
 * Binary safety: node-redis decodes bulk strings as UTF-8 strings unless a command runs on
 * a client built with withTypeMapping({ [BLOB_STRING]: Buffer }). Even then `multi().exec()`
 * is NOT binary safe in redis@5.12 (the EXEC reply, which carries every result, is decoded
 * without the mapping), so all binary reads go through single commands / Lua scripts on
 * `bin`. test/store/redis.test.ts and the document-log contract's byte round-trip guard this.
 */

export type Client = SharedConnection;

export interface Script {
  source: string;
  sha: string;
}

export function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

export function binaryClient(client: Client) {
  return client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
}
type BinaryClient = ReturnType<typeof binaryClient>;

/** Zero-copy: Buffer args are sent as raw bytes, never re-encoded. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Replies arrive as Buffers on the binary client; callers get plain Uint8Array views. */
export function view(bytes: Buffer): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function asBuffer(value: unknown, what: string): Buffer {
  if (!Buffer.isBuffer(value)) throw new Error(`redis store: expected bytes for ${what}`);
  return value;
}

/** The keys of one document (see redis/document-log.ts). */
export interface DocKeys {
  log: string;
  snap: string;
  /** The snapshot's piece plan (store/pieces/plan.ts), written and deleted with it. */
  plan: string;
  clients: string;
  lock: string;
  folded: string;
}

export class RedisContext {
  readonly bin: BinaryClient;

  constructor(
    readonly client: Client,
    /** The prefix of every key of this installation (rate limit counters live under it too). */
    readonly prefix: string,
  ) {
    this.bin = binaryClient(client);
  }

  key(suffix: string): string {
    return `${this.prefix}${suffix}`;
  }

  /** No suffix is a suffix of another, so two document names can never map to the same key. */
  docKeys(docName: string): DocKeys {
    const base = this.key(`doc:${docName}:`);
    return { log: `${base}log`, snap: `${base}snap`, plan: `${base}plan`, clients: `${base}clients`, lock: `${base}lock`, folded: `${base}folded` };
  }

  async getJson<T>(key: string): Promise<T | null> {
    const raw = await this.client.get(key);
    // Records are only ever written by this store, from typed values.
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  /** EVALSHA on the binary client, falling back to EVAL once per connection when Redis hasn't cached the script. */
  async run(s: Script, keys: string[], args: (string | Buffer)[]): Promise<unknown> {
    try {
      return await this.bin.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await this.bin.eval(s.source, { keys, arguments: args });
    }
  }

  /** Like run(), on the string-decoding client: for scripts that answer in text and numbers. */
  async runText(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return await this.client.eval(s.source, { keys, arguments: args });
    }
  }
}
