import { z } from 'zod';
import type { ContributionRequest } from '../../shared';
import { draftSchema, type Draft } from './draft';
import { deviceStorage, readJson, writeJson, type StorageLike } from './local-store';

/**
 * Contributions pressed "send" on but not yet confirmed by the server. Each is written here
 * before the first attempt, with the id the server dedupes by, so a lost connection, a
 * closed tab or a lost answer all end the same way: sent once, when the device can.
 */
export interface OutboxEntry {
  id: string;
  callId: string;
  request: ContributionRequest;
  /** The form as typed, to put back if the server refuses it. */
  draft: Draft;
  queuedAt: number;
  attempts: number;
}

// The request was built by this code and the server checks it; only its shape matters here.
const entrySchema = z.object({
  id: z.string().min(1),
  callId: z.string().min(1),
  request: z.object({ id: z.string(), text: z.string() }).passthrough(),
  draft: draftSchema,
  queuedAt: z.number(),
  attempts: z.number().int().nonnegative(),
});
const listSchema = z.array(z.unknown());

const KEY = 'samskab.outbox';

export class Outbox {
  /** Entries the device would not store (private mode, full): this page still sends them. */
  private readonly unstored = new Map<string, OutboxEntry>();

  constructor(private readonly storage: StorageLike | null = deviceStorage()) {}

  /** Oldest first; entries a damaged store cannot read back are skipped, not fatal. */
  list(callId?: string): OutboxEntry[] {
    const entries = this.stored();
    for (const entry of this.unstored.values()) if (!entries.some((e) => e.id === entry.id)) entries.push(entry);
    entries.sort((a, b) => a.queuedAt - b.queuedAt);
    return callId === undefined ? entries : entries.filter((e) => e.callId === callId);
  }

  /** Adds or replaces by id. False when only this page holds it (not kept over a reload). */
  put(entry: OutboxEntry): boolean {
    const others = this.stored().filter((e) => e.id !== entry.id);
    const kept = writeJson(this.storage, KEY, [...others, entry]);
    if (kept) this.unstored.delete(entry.id);
    else this.unstored.set(entry.id, entry);
    return kept;
  }

  remove(id: string): void {
    this.unstored.delete(id);
    const all = this.stored();
    const rest = all.filter((e) => e.id !== id);
    if (rest.length !== all.length) writeJson(this.storage, KEY, rest);
  }

  private stored(): OutboxEntry[] {
    const entries: OutboxEntry[] = [];
    for (const item of readJson(this.storage, KEY, listSchema) ?? []) {
      const parsed = entrySchema.safeParse(item);
      if (parsed.success) entries.push(parsed.data as OutboxEntry);
    }
    return entries;
  }

  countAttempt(id: string): void {
    const entry = this.list().find((e) => e.id === id);
    if (entry) this.put({ ...entry, attempts: entry.attempts + 1 });
  }
}
