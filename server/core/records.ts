import type { ZodType, ZodTypeDef } from 'zod';

/**
 * The part of the store that keeps JSON records in named spaces. Declared here, in the
 * leaf, so features can keep records without importing the store's whole interface; every
 * store implements it (server/store/board-store.ts).
 */
export interface RecordStore {
  insertRecord(space: string, key: string, value: string): Promise<{ created: boolean; value: string }>;
  getRecord(space: string, key: string): Promise<string | null>;
  listRecords(space: string): Promise<Array<{ key: string; value: string }>>;
  putRecord(space: string, key: string, value: string): Promise<void>;
  replaceRecord(space: string, key: string, expected: string, next: string): Promise<boolean>;
  deleteRecords(space: string, keys: string[]): Promise<number>;
}

export interface Stored<T> {
  value: T;
  /** The record exactly as stored: the `expected` of a compare-and-set. */
  raw: string;
}

/** JSON records checked against their schema on the way out: a corrupt record reads as missing. */
export class Records {
  constructor(readonly store: RecordStore) {}

  async get<T>(space: string, key: string, schema: ZodType<T, ZodTypeDef, unknown>): Promise<Stored<T> | null> {
    const raw = await this.store.getRecord(space, key);
    return raw === null ? null : parse(raw, schema);
  }

  async list<T>(space: string, schema: ZodType<T, ZodTypeDef, unknown>): Promise<Array<Stored<T> & { key: string }>> {
    const out: Array<Stored<T> & { key: string }> = [];
    for (const record of await this.store.listRecords(space)) {
      const parsed = parse(record.value, schema);
      if (parsed) out.push({ ...parsed, key: record.key });
    }
    return out;
  }

  /** Creates unless present; returns what is stored afterwards and whether this call made it. */
  async insert<T>(space: string, key: string, value: T, schema: ZodType<T, ZodTypeDef, unknown>): Promise<{ created: boolean; stored: Stored<T> | null }> {
    const result = await this.store.insertRecord(space, key, JSON.stringify(value));
    return { created: result.created, stored: parse(result.value, schema) };
  }

  put(space: string, key: string, value: unknown): Promise<void> {
    return this.store.putRecord(space, key, JSON.stringify(value));
  }

  /** Compare-and-set against the raw record read earlier. */
  replace(space: string, key: string, expected: string, next: unknown): Promise<boolean> {
    return this.store.replaceRecord(space, key, expected, JSON.stringify(next));
  }

  delete(space: string, keys: string[]): Promise<number> {
    return keys.length === 0 ? Promise.resolve(0) : this.store.deleteRecords(space, keys);
  }
}

function parse<T>(raw: string, schema: ZodType<T, ZodTypeDef, unknown>): Stored<T> | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const result = schema.safeParse(json);
  return result.success ? { value: result.data, raw } : null;
}
