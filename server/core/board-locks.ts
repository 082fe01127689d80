/**
 * One queue per board for workshop operations that span the store and the document (reveal,
 * hidden submissions, merges): each runs alone, so "read the store, write the document,
 * clear the store" cannot interleave with another in this process. It is per process, like
 * rooms: with several processes on one Redis the same board may be loaded in each of them,
 * so it does not order operations across processes (the store's atomic steps must).
 */
export class BoardLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(boardId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(boardId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => undefined);
    this.tails.set(boardId, settled);
    void settled.then(() => {
      // Only the last waiter removes the entry, so the map does not grow with every board seen.
      if (this.tails.get(boardId) === settled) this.tails.delete(boardId);
    });
    return run;
  }
}
