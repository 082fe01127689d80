import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { RESP_TYPES, createClient } from 'redis';
import { inject } from 'vitest';
import { randomId } from '../../shared';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { RedisStore } from '../../server/store/redis-store';
import type { BoardStore } from '../../server/store/board-store';

/** Whether a text is anywhere in what the store holds: its files on disk (embedded) or any key's value (Redis). */
export type Inspector = (text: string) => Promise<boolean>;

export interface InspectableStore {
  store: BoardStore;
  inspect: Inspector;
  cleanup: () => Promise<void>;
}

export async function embeddedInspectable(): Promise<InspectableStore> {
  const dir = await mkdtemp(joinPath(tmpdir(), 'samskab-person-'));
  // Uncompressed, so a byte search sees every stored text (Snappy could split one into back-references).
  const store = await EmbeddedStore.open(dir, { compression: false });
  const inspect: Inspector = async (text) => {
    const needle = Buffer.from(text, 'utf8');
    for (const name of await readdir(dir)) {
      if ((await readFile(joinPath(dir, name))).includes(needle)) return true;
    }
    return false;
  };
  return { store, inspect, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function redisInspectable(): Promise<InspectableStore> {
  const url = inject('redisUrl');
  if (!url) throw new Error('the test setup starts redis-server; none is running');
  const prefix = `person${randomId(10)}:`;
  const store = await RedisStore.connect(url, { keyPrefix: prefix });
  const raw = createClient({ url }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  await raw.connect();
  // Values read by type (DUMP would LZF-compress them and hide the text from a byte search).
  const valuesOf = async (key: string): Promise<unknown> => {
    switch (String(await raw.type(key))) {
      case 'string':
        return raw.get(key);
      case 'hash':
        return raw.hGetAll(key);
      case 'list':
        return raw.lRange(key, 0, -1);
      case 'set':
        return raw.sMembers(key);
      case 'zset':
        return raw.zRange(key, 0, -1);
      case 'stream':
        return raw.xRange(key, '-', '+');
      default:
        return null;
    }
  };
  const inspect: Inspector = async (text) => {
    const needle = Buffer.from(text, 'utf8');
    const contains = (value: unknown): boolean =>
      Buffer.isBuffer(value)
        ? value.includes(needle)
        : typeof value === 'string'
          ? value.includes(text)
          : value !== null && typeof value === 'object'
            ? Object.entries(value).some(([k, v]) => k.includes(text) || contains(v))
            : false;
    for (const key of await raw.keys(`${prefix}*`)) if (contains(await valuesOf(String(key)))) return true;
    return false;
  };
  return { store, inspect, cleanup: () => raw.quit().then(() => undefined) };
}
