import type { Logger } from '../log';

const FIRST_DELAY_MS = 100;
const LONGEST_DELAY_MS = 2000;

/**
 * Runs a store read that judging an update needs (a client-id claim, the ids kept out of the
 * document) until the store answers, as the persist queue does for writes: while the store
 * is away nothing is confirmed anyway, and an update dropped here would never be answered
 * (its sender already sent it). `stop` ends the waiting when the room closes.
 */
export async function untilStoreAnswers<T>(log: Logger, what: string, call: () => Promise<T>, stop: () => boolean): Promise<T> {
  let delay = FIRST_DELAY_MS;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (stop()) throw error;
      log.warn({ err: error, retryInMs: delay }, `store read for ${what} failed; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, LONGEST_DELAY_MS);
    }
  }
}
