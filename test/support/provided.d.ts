// Values the global setup (test/support/global-setup.ts) hands to test files via inject().
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the throwaway redis-server, or null when none could be started (local only). */
    redisUrl: string | null;
    /** Path of the redis-server binary, for tests that start (and kill) their own. */
    redisBinary: string | null;
  }
}
