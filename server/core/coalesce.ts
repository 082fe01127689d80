/**
 * Runs `work(key)` at once for a key's first request, then at most once per pause while
 * requests for that key keep coming: every request made during a run or the pause after it
 * folds into one more run. So a burst of any size costs one run now and one at the end of
 * each pause, runs of one key never overlap (a stale result can never follow a newer one),
 * and the last request is always followed by a run that sees it.
 *
 * Used for counts the whole board hears (server/workshop/progress.ts): 200 phones writing at
 * once must not become 200 recounts and 200 × 200 messages.
 */
export class Coalescer {
  private readonly active = new Map<string, { again: boolean }>();

  constructor(
    /** Must not throw: it reports its own failures (a failed run is simply followed by the next). */
    private readonly work: (key: string) => Promise<void>,
    /** The pause after each run; a timer in the server, a promise the test resolves in tests. */
    private readonly pause: () => Promise<void>,
  ) {}

  request(key: string): void {
    const current = this.active.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const entry = { again: true };
    this.active.set(key, entry);
    void this.drain(key, entry);
  }

  /** Whether a key is between its first run and the end of its last pause. */
  busy(key: string): boolean {
    return this.active.has(key);
  }

  private async drain(key: string, entry: { again: boolean }): Promise<void> {
    try {
      while (entry.again) {
        entry.again = false;
        await this.work(key);
        await this.pause();
      }
    } finally {
      this.active.delete(key);
    }
  }
}

/** A pause that does not keep the process alive (a server shutting down need not wait for it). */
export function pauseOf(ms: number): () => Promise<void> {
  return () => new Promise((resolve) => setTimeout(resolve, ms).unref());
}
