/**
 * Rate limits as the features see them: which allowances exist and how to spend one. The
 * implementation (server/moderation/abuse-limits.ts, counted in Redis when the store is
 * Redis) is built by create-server.ts and handed to each feature, so no feature imports
 * another feature for it, and config.ts can name the allowances without importing upward.
 */

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
  /**
   * Per device (a random id the contribution page keeps) on one address: the limit one
   * person meets. Keyed on address and device together, so a script that makes up a new
   * device id per request only meets the per-address limit sooner.
   */
  contributionsPerDevice: Allowance;
  /** Per participant session on a board. */
  commentsPerParticipant: Allowance;
  reactionsPerParticipant: Allowance;
  reportsPerParticipant: Allowance;
  /** Receipt codes are 60 bits; this only keeps scanners slow. */
  receiptLookupsPerIp: Allowance;
  /** `POST /api/boards` (and new rounds) per address: a course of 30 makes 30 at once. */
  boardsPerIp: Allowance;
  /** `POST /api/boards/restore` per address: backups of up to 32 MiB each. */
  restoresPerIp: Allowance;
  /** `POST /api/boards/:id/sessions` per address: a town-hall meeting on one guest Wi-Fi. */
  sessionsPerIp: Allowance;
  /** Join by code: unknown or malformed codes per address (guessing), JOIN_FAILURES_PER_MINUTE. */
  joinFailuresPerIp: Allowance;
  /** Join by code: every attempt per address, JOIN_REQUESTS_PER_MINUTE. */
  joinRequestsPerIp: Allowance;
  /** New ideas over Yjs per participant session on a board (facilitators are not limited). */
  ideasPerSession: Allowance;
  /** The public call form's "similar ideas" while a citizen writes (debounced by the form). */
  callSimilarPerIp: Allowance;
}

export type AbuseKind = keyof AbuseLimitConfig;

/** Every limiter the server has; one per server, shared by all features. */
export interface AbuseLimits {
  /** Counts `points` uses; throws RATE_LIMITED (with the wait) when the allowance is spent. */
  consume(kind: AbuseKind, key: string, points?: number): Promise<void>;
  /** Throws RATE_LIMITED when the allowance is spent, without counting a use. */
  check(kind: AbuseKind, key: string): Promise<void>;
  /** Counts one use and never throws for being over (the next check() refuses). */
  record(kind: AbuseKind, key: string): Promise<void>;
}
