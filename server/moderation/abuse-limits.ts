import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BoardStore } from '../store/board-store';
import { RedisStore } from '../store/redis-store';
import { RateLimitedError } from '../boards/service-error';

/** How many of each thing, per how many seconds. */
export interface Allowance {
  points: number;
  seconds: number;
}

export interface AbuseLimitConfig {
  /**
   * Per IP address: generous, because a whole workshop (dozens of phones) or a town hall
   * can sit behind one municipal NAT address. It stops floods, not people.
   */
  contributionsPerIp: Allowance;
  /** Per device (a random id the contribution page keeps): the limit one person meets. */
  contributionsPerDevice: Allowance;
  /** Per participant session on a board. */
  commentsPerParticipant: Allowance;
  reactionsPerParticipant: Allowance;
  reportsPerParticipant: Allowance;
  /** Receipt codes are 60 bits; this only keeps scanners slow. */
  receiptLookupsPerIp: Allowance;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimitConfig = {
  contributionsPerIp: { points: 300, seconds: 600 },
  contributionsPerDevice: { points: 20, seconds: 600 },
  commentsPerParticipant: { points: 30, seconds: 60 },
  reactionsPerParticipant: { points: 120, seconds: 60 },
  reportsPerParticipant: { points: 20, seconds: 600 },
  receiptLookupsPerIp: { points: 120, seconds: 60 },
};

export type AbuseKind = keyof AbuseLimitConfig;

const MESSAGES: Record<AbuseKind, string> = {
  contributionsPerIp: 'Too many contributions from this network just now.',
  contributionsPerDevice: 'Too many contributions from this device just now.',
  commentsPerParticipant: 'Too many comments just now.',
  reactionsPerParticipant: 'Too many reactions just now.',
  reportsPerParticipant: 'Too many reports just now.',
  receiptLookupsPerIp: 'Too many receipt lookups just now.',
};

/**
 * Rate limits through rate-limiter-flexible: in Redis when the store is Redis (so the
 * limits hold across processes), in memory otherwise. If Redis stops answering, an
 * in-memory limiter stands in (insurance) rather than letting everything through.
 */
export class AbuseLimits {
  private constructor(private readonly limiters: Record<AbuseKind, RateLimiterAbstract>) {}

  static async create(store: BoardStore, config: AbuseLimitConfig = DEFAULT_ABUSE_LIMITS): Promise<AbuseLimits> {
    const client = store instanceof RedisStore ? await store.createAdapterClient() : null;
    const limiters = {} as Record<AbuseKind, RateLimiterAbstract>;
    for (const kind of Object.keys(config) as AbuseKind[]) {
      const { points, seconds } = config[kind];
      const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix: kind });
      limiters[kind] = client
        ? new RateLimiterRedis({
            storeClient: client,
            useRedisPackage: true,
            keyPrefix: `samskab:rl:${kind}`,
            points,
            duration: seconds,
            insuranceLimiter: memory,
          })
        : memory;
    }
    return new AbuseLimits(limiters);
  }

  /** Counts one use; throws RATE_LIMITED (with the wait) when the allowance is spent. */
  async consume(kind: AbuseKind, key: string): Promise<void> {
    try {
      await this.limiters[kind].consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(`${MESSAGES[kind]} Please wait a moment and try again.`, Math.max(1000, error.msBeforeNext));
      }
      throw error;
    }
  }
}
