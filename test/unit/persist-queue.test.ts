import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IN_FLIGHT, PersistQueue, type PersistEntry } from '../../server/realtime/persist-queue';
import { createLogger } from '../../server/log';

/** One append the queue made, answered when the test says so. */
interface Call {
  ids: number[];
  /** Stores the batch (appends it to the log) and answers with the log length. */
  store(): void;
  fail(): void;
}

/**
 * The queue's injected append, as an in-memory log the test controls: each call waits until
 * the test stores or fails it, so any order of completion can be played out.
 */
function memoryLog() {
  const log: number[] = [];
  const calls: Call[] = [];
  const append = (updates: Uint8Array[]) =>
    new Promise<{ logLength: number }>((resolve, reject) => {
      const ids = updates.map((u) => u[0]!);
      calls.push({
        ids,
        store: () => {
          log.push(...ids);
          resolve({ logLength: log.length });
        },
        fail: () => reject(new Error('store unreachable')),
      });
    });
  return { log, calls, append };
}

function setup(compactAfterUpdates = 1_000) {
  const memory = memoryLog();
  const durable: number[] = [];
  /** Each onDurable call's entries: one call per announcement, whatever the number of batches. */
  const announcements: number[][] = [];
  let compactions = 0;
  const queue = new PersistQueue<string>({
    append: memory.append,
    compact: async () => {
      compactions += 1;
    },
    compactAfterUpdates,
    log: createLogger('silent'),
    onDurable: (entries) => {
      announcements.push(entries.map((e) => e.update[0]!));
      durable.push(...entries.map((e) => e.update[0]!));
    },
  });
  const push = (...ids: number[]) => {
    for (const id of ids) queue.push(entry(id));
  };
  return { ...memory, durable, announcements, queue, push, compactions: () => compactions };
}

/** Update `id`, from Yjs client 1, bringing it to clock `id`. */
function entry(id: number): PersistEntry<string> {
  return { update: Uint8Array.from([id]), origin: `peer${id}`, clocks: new Map([[1, id]]) };
}

/** Lets every pending promise reaction run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(promise: Promise<unknown>): () => boolean {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PersistQueue', () => {
  it('sends each update at once while earlier batches are in flight, up to the bound, then batches', async () => {
    const q = setup();
    q.push(1);
    expect(q.calls.map((c) => c.ids)).toEqual([[1]]);
    q.push(2);
    expect(q.calls.map((c) => c.ids)).toEqual([[1], [2]]);
    for (let id = 3; id <= MAX_IN_FLIGHT; id++) q.push(id);
    expect(q.calls).toHaveLength(MAX_IN_FLIGHT);
    // Every slot taken: the next updates collect into one batch.
    q.push(101, 102, 103);
    expect(q.calls).toHaveLength(MAX_IN_FLIGHT);
    q.calls[0]!.store();
    await settle();
    expect(q.durable).toEqual([1]);
    expect(q.calls.map((c) => c.ids).at(-1)).toEqual([101, 102, 103]);
    for (const call of q.calls.slice(1)) call.store();
    await q.queue.flushed();
    expect(q.durable).toEqual([...Array.from({ length: MAX_IN_FLIGHT }, (_, i) => i + 1), 101, 102, 103]);
    expect(q.log).toEqual(q.durable);
  });

  it('announces in arrival order even when later batches are stored first', async () => {
    const q = setup();
    q.push(1, 2, 3);
    expect(q.calls).toHaveLength(3);
    q.calls[2]!.store();
    q.calls[1]!.store();
    await settle();
    expect(q.durable).toEqual([]);
    expect(q.queue.durableClock(1)).toBe(0);
    expect(q.queue.isEmpty).toBe(false);
    q.calls[0]!.store();
    await settle();
    expect(q.durable).toEqual([1, 2, 3]);
    expect(q.queue.durableClock(1)).toBe(3);
    expect(q.queue.isEmpty).toBe(true);
    expect(q.log).toEqual([3, 2, 1]);
  });

  it('retries a failed batch with backoff, holding later ones back, losing nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const q = setup();
    q.push(1, 2);
    q.calls[0]!.fail();
    q.calls[1]!.store();
    await settle();
    expect(q.durable).toEqual([]);
    // While the write is failing, new updates wait instead of going out.
    q.push(3, 4);
    expect(q.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(q.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(q.calls.map((c) => c.ids)).toEqual([[1], [2], [1]]);
    // A second failure waits twice as long.
    q.calls[2]!.fail();
    await vi.advanceTimersByTimeAsync(199);
    expect(q.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(q.calls.at(-1)!.ids).toEqual([1]);
    q.calls.at(-1)!.store();
    await settle();
    expect(q.durable).toEqual([1, 2]);
    // What collected meanwhile goes out as one batch.
    expect(q.calls.at(-1)!.ids).toEqual([3, 4]);
    q.calls.at(-1)!.store();
    await q.queue.flushed();
    expect(q.durable).toEqual([1, 2, 3, 4]);
    expect([...q.log].sort()).toEqual([1, 2, 3, 4]);
  });

  it('keeps arrival order when a retried batch and later ones complete in any order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const q = setup();
    q.push(1, 2, 3);
    q.calls[1]!.fail();
    q.calls[2]!.store();
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    expect(q.calls.at(-1)!.ids).toEqual([2]);
    q.calls.at(-1)!.store();
    await settle();
    expect(q.durable).toEqual([]);
    q.calls[0]!.store();
    await settle();
    expect(q.durable).toEqual([1, 2, 3]);
  });

  it('resolves flushed() once everything pushed before it is durable, not waiting for later pushes', async () => {
    const q = setup();
    await q.queue.flushed();
    q.push(1, 2);
    const flushed = track(q.queue.flushed());
    q.calls[1]!.store();
    await settle();
    expect(flushed()).toBe(false);
    q.push(3);
    q.calls[0]!.store();
    await settle();
    expect(q.durable).toEqual([1, 2]);
    // 3 is still in flight: a writer waits for its own sequence, not for the queue to empty.
    expect(flushed()).toBe(true);
    expect(q.queue.isEmpty).toBe(false);
    const later = track(q.queue.flushed());
    await settle();
    expect(later()).toBe(false);
    q.calls[2]!.store();
    await settle();
    expect(later()).toBe(true);
    expect(q.queue.isEmpty).toBe(true);
  });

  it('numbers entries and runs each waiter synchronously once its own sequence is durable', async () => {
    const q = setup();
    const ran: string[] = [];
    q.queue.whenDurable(() => ran.push('nothing pending'));
    expect(ran).toEqual(['nothing pending']);
    expect(q.queue.push(entry(1))).toBe(1);
    q.queue.whenDurable(() => ran.push(`after 1 (durable: ${q.durable.join(',')})`));
    expect(q.queue.push(entry(2))).toBe(2);
    q.queue.whenDurable(() => ran.push(`after 2 (durable: ${q.durable.join(',')})`));
    q.queue.whenDurable(() => ran.push('explicitly after 1'), 1);
    expect(q.queue.lastSeq).toBe(2);
    q.calls[1]!.store();
    await settle();
    expect(ran).toEqual(['nothing pending']);
    q.calls[0]!.store();
    await settle();
    // Both became durable in one announcement: the waiters run after it, oldest sequence first.
    expect(q.announcements).toEqual([[1, 2]]);
    expect(ran).toEqual(['nothing pending', 'after 1 (durable: 1,2)', 'explicitly after 1', 'after 2 (durable: 1,2)']);
    expect(q.queue.durableSeq).toBe(2);
  });

  it('announces every batch the store has at the head in one call', async () => {
    const q = setup();
    q.push(1, 2, 3, 4);
    q.calls[3]!.store();
    q.calls[2]!.store();
    q.calls[1]!.store();
    await settle();
    expect(q.announcements).toEqual([]);
    q.calls[0]!.store();
    await settle();
    expect(q.announcements).toEqual([[1, 2, 3, 4]]);
  });

  it('announces batches stored in the same turn as one (one merged broadcast, not one each)', async () => {
    const q = setup();
    q.push(1, 2, 3);
    expect(q.calls).toHaveLength(3);
    // The store answers all three at once (Redis replies to appends it fsynced together in one packet).
    for (const call of q.calls) call.store();
    await settle();
    expect(q.announcements).toEqual([[1, 2, 3]]);
    q.push(4);
    q.calls[3]!.store();
    await settle();
    q.push(5);
    q.calls[4]!.store();
    await settle();
    expect(q.announcements).toEqual([[1, 2, 3], [4], [5]]);
  });

  it('starts a compaction once the log is long enough', async () => {
    const q = setup(3);
    q.push(1, 2);
    for (const call of q.calls) call.store();
    await settle();
    expect(q.compactions()).toBe(0);
    q.push(3);
    q.calls.at(-1)!.store();
    await settle();
    expect(q.compactions()).toBe(1);
  });

  it('closes once in-flight batches are stored; after the timeout it stops retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const q = setup();
    q.push(1);
    const closing = track(q.queue.close());
    await settle();
    expect(closing()).toBe(false);
    q.calls[0]!.store();
    await settle();
    expect(closing()).toBe(true);
    expect(q.durable).toEqual([1]);

    const stuck = setup();
    stuck.push(1);
    const closed = track(stuck.queue.close());
    stuck.calls[0]!.fail();
    for (let t = 0; t < 10_000; t += 1_000) {
      await vi.advanceTimersByTimeAsync(1_000);
      stuck.calls.at(-1)!.fail();
    }
    await settle();
    expect(closed()).toBe(true);
    const calls = stuck.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(stuck.calls).toHaveLength(calls);
    expect(stuck.durable).toEqual([]);
    expect(stuck.queue.isEmpty).toBe(false);
  });
});
