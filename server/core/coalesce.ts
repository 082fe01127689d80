/**
 * Runs `work(key)` at once for a key's first request; every request made while that run (or
 * the pause after it) is under way folds into one more run. So a burst of any size costs one
 * run now and one after, runs of one key never overlap (a stale result can never follow a
 * newer one), and the last request is always followed by a run that sees it.
 *
 * One scheme for every per-board recount: the vote totals in the document
 * (server/workshop/voting.ts), a poll's results (server/polls/results-mirror.ts), the room's
 * progress with a pause between runs (server/workshop/progress.ts: 200 phones writing must
 * not become 200 recounts and 200 × 200 messages), the log fold after a hide.
 */
export class Coalescer {
  private readonly active = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(
    /** A failed run ends the key's runs: the promise `request` returned rejects with it. */
    private readonly work: (key: string) => Promise<void>,
    /** The pause after each run, if any; a timer in the server, a promise the test resolves in tests. */
    private readonly pause: (() => Promise<void>) | null = null,
  ) {}

  /** Resolves once a run that saw this request has finished. */
  request(key: string): Promise<void> {
    const current = this.active.get(key);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { again: true, done: Promise.resolve() };
    this.active.set(key, entry);
    entry.done = this.drain(key, entry);
    return entry.done;
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
        if (this.pause) await this.pause();
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
