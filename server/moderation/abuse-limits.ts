import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BoardStore } from '../store/board-store';
import { RateLimitedError } from '../core/errors';
import type { AbuseKind, AbuseLimitConfig, AbuseLimits as Limits } from '../core/limits';

export type { AbuseKind, AbuseLimitConfig, Allowance } from '../core/limits';

const TEN_MINUTES = 600;

export const DEFAULT_ABUSE_LIMITS: AbuseLimitConfig = {
  contributionsPerIp: { points: 300, seconds: TEN_MINUTES },
  contributionsPerDevice: { points: 20, seconds: TEN_MINUTES },
  commentsPerParticipant: { points: 30, seconds: 60 },
  reactionsPerParticipant: { points: 120, seconds: 60 },
  reportsPerParticipant: { points: 20, seconds: TEN_MINUTES },
  receiptLookupsPerIp: { points: 120, seconds: 60 },
  boardsPerIp: { points: 40, seconds: TEN_MINUTES },
  restoresPerIp: { points: 10, seconds: TEN_MINUTES },
  sessionsPerIp: { points: 600, seconds: TEN_MINUTES },
  joinFailuresPerIp: { points: 10, seconds: 60 },
  joinRequestsPerIp: { points: 300, seconds: 60 },
  ideasPerSession: { points: 300, seconds: TEN_MINUTES },
  callSimilarPerIp: { points: 600, seconds: 60 },
};

const MESSAGES: Record<AbuseKind, string> = {
  contributionsPerIp: 'Too many contributions from this network just now.',
  contributionsPerDevice: 'Too many contributions from this device just now.',
  commentsPerParticipant: 'Too many comments just now.',
  reactionsPerParticipant: 'Too many reactions just now.',
  reportsPerParticipant: 'Too many reports just now.',
  receiptLookupsPerIp: 'Too many receipt lookups just now.',
  boardsPerIp: 'Too many new boards from this network just now.',
  restoresPerIp: 'Too many restores from this network just now.',
  sessionsPerIp: 'Too many sign-ins from this network just now.',
  joinFailuresPerIp: 'Too many attempts with unknown codes.',
  joinRequestsPerIp: 'Too many attempts to join from this network just now.',
  ideasPerSession: 'Too many new ideas from this session just now.',
  callSimilarPerIp: 'Too many similar-idea lookups from this network just now.',
};

/**
 * Counted in this process only, even on Redis: the idea limit is checked inside a board's
 * update queue, where a Redis round trip per update would slow every peer of the board,
 * and a session writes through one connection.
 */
const PROCESS_LOCAL: ReadonlySet<AbuseKind> = new Set(['ideasPerSession']);

/**
 * Rate limits through rate-limiter-flexible: in Redis when the store is Redis (so the
 * limits hold across processes), in memory otherwise. If Redis stops answering, an
 * in-memory limiter stands in (insurance) rather than letting everything through.
 */
export class AbuseLimits implements Limits {
  private constructor(
    private readonly limiters: Record<AbuseKind, RateLimiterAbstract>,
    private readonly config: AbuseLimitConfig,
  ) {}

  /**
   * One set of limiters per server. `overrides` replace single allowances (tests, and
   * the JOIN_* variables); on Redis the counters live under the store's key prefix.
   */
  static async create(store: BoardStore, overrides: Partial<AbuseLimitConfig> = {}): Promise<AbuseLimits> {
    const config: AbuseLimitConfig = { ...DEFAULT_ABUSE_LIMITS, ...overrides };
    // Shared by several processes: counted in Redis, so the limits hold across them.
    const shared = store.cluster ? await store.cluster.sharedCounters() : null;
    const client = shared?.client ?? null;
    const prefix = shared?.keyPrefix ?? 'samskab:';
    const limiters = {} as Record<AbuseKind, RateLimiterAbstract>;
    for (const kind of Object.keys(config) as AbuseKind[]) {
      const { points, seconds } = config[kind];
      const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: kind });
      limiters[kind] =
        client && !PROCESS_LOCAL.has(kind)
          ? new RateLimiterRedis({
              storeClient: client,
              useRedisPackage: true,
              keyPrefix: `${prefix}rl:${kind}`,
              points,
              duration: seconds,
              insuranceLimiter: memory,
            })
          : memory;
    }
    return new AbuseLimits(limiters, config);
  }

  /** Counts `points` uses; throws RATE_LIMITED (with the wait) when the allowance is spent. */
  async consume(kind: AbuseKind, key: string, points = 1): Promise<void> {
    try {
      await this.limiters[kind].consume(key, points);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw this.refusal(kind, error);
      throw error;
    }
  }

  /** Throws RATE_LIMITED when the allowance is spent, without counting a use. */
  async check(kind: AbuseKind, key: string): Promise<void> {
    const res = await this.limiters[kind].get(key);
    if (res && res.consumedPoints >= this.config[kind].points) throw this.refusal(kind, res);
  }

  /** Counts one use and never throws for being over (the next check() refuses). */
  async record(kind: AbuseKind, key: string): Promise<void> {
    try {
      await this.limiters[kind].penalty(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  private refusal(kind: AbuseKind, res: RateLimiterRes): RateLimitedError {
    return new RateLimitedError(`${MESSAGES[kind]} Please wait a moment and try again.`, Math.max(1000, res.msBeforeNext));
  }
}
