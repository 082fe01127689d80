import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BoardStore } from './board-store';
import { EmbeddedStore } from './embedded-store';
import { RedisStore, type RedisStoreOptions } from './redis-store';

export interface StoreConfig {
  redisUrl?: string;
  dataDir: string;
  /** Redis connection errors; the client reconnects by itself. */
  onRedisError?: RedisStoreOptions['onError'];
}

/** Redis when REDIS_URL is configured, else LevelDB on disk (no server needed). */
export async function createStore(config: StoreConfig): Promise<BoardStore> {
  if (config.redisUrl) {
    return RedisStore.connect(config.redisUrl, { onError: config.onRedisError });
  }
  const dir = path.join(config.dataDir, 'boards');
  await mkdir(dir, { recursive: true });
  return EmbeddedStore.open(dir);
}
