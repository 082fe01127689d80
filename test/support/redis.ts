import { describe, inject } from 'vitest';

/** The throwaway Redis started by global-setup.ts, or null when it couldn't be (local only). */
export function redisUrlOrSkip(): string | null {
  return inject('redisUrl');
}

/** `describe` that reports the suite as skipped (not passed) when there is no Redis. */
export function describeRedis(name: string, fn: () => void): void {
  describe.skipIf(redisUrlOrSkip() === null)(name, fn);
}
