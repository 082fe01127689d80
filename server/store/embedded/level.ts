import type { ClassicLevel } from 'classic-level';

/** What every part of the embedded store shares: the database, its byte helpers, its key locks. */

export type Db = ClassicLevel<string, Uint8Array>;
export type BatchOp = { type: 'put'; key: string; value: Uint8Array } | { type: 'del'; key: string };

export const encoder = new TextEncoder();
export const decoder = new TextDecoder();

/** classic-level hands out Buffers; callers get plain Uint8Array views, never Buffer APIs. */
export function view(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toJsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export async function getJson<T>(db: Db, key: string): Promise<T | null> {
  const bytes = await db.get(key);
  // Records are only ever written by this store, from typed values.
  return bytes === undefined ? null : (JSON.parse(decoder.decode(bytes)) as T);
}

/**
 * Per-key mutexes for check-then-write operations (board creation, join codes, client-id
 * claims, hidden ideas, records). This process is the database's only user, so an
 * in-process lock is all the atomicity a read-then-write needs.
 */
export class KeyLocks {
  private readonly locks = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      // Only the last waiter removes the entry, so the map doesn't grow with every key seen.
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }

  /** Resolves once every locked write has settled (before the database closes). */
  async idle(): Promise<void> {
    await Promise.all([...this.locks.values()].map((p) => p.catch(() => undefined)));
  }
}
