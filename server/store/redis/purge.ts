import type { Client } from './connection';

/** A running rewrite is re-checked this often; a purge waits for it (see purge()). */
const REWRITE_POLL_MS = 200;

function isRewriteRunning(err: unknown): boolean {
  return err instanceof Error && err.message.includes('already in progress');
}

/** The Redis store's purgeDeleted: an append-only file rewrite. */
export class RedisPurge {
  constructor(private readonly client: Client) {}

  /**
   * Starts an append-only file rewrite: the new file is written from the data as it is now,
   * and the old files, which still log the deleted values, are removed once it is done.
   * Resolves when a rewrite that began after this call is running or scheduled, without
   * waiting for it to finish (minutes on a large dataset; Redis completes it on its own).
   * When a rewrite is already running, though, its snapshot may predate our deletions, so
   * we wait for it to end and start another. Without AOF there is nothing to rewrite, and a
   * BGREWRITEAOF would even write the whole dataset to disk, so it is skipped then; RDB
   * snapshots are outside this (they hold whatever the dataset held when they were taken).
   */
  async purge(): Promise<void> {
    const info = await this.client.info('persistence');
    if (!/^aof_enabled:1\b/m.test(info)) return;
    for (;;) {
      try {
        await this.client.bgRewriteAof(); // "started", or "scheduled" behind a BGSAVE: forks after our deletions either way
        return;
      } catch (err) {
        if (!isRewriteRunning(err)) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, REWRITE_POLL_MS));
    }
  }
}
