import { z } from 'zod';
import type { AbuseLimitConfig } from './core/limits';

/**
 * Every setting, read once from the environment. .env.example and the README's
 * "Configuration" table list the same variables; keep the three in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** Comma-separated extra origins allowed to open sockets (besides PUBLIC_URL's). */
  ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Compact a document once this many updates follow its snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(10).default(500),
  /** Join by code: wrong codes per IP per minute before RATE_LIMITED (guessing), across all processes. */
  JOIN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Join by code: all attempts per IP per minute (a whole room may share one NAT address). */
  JOIN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** New ideas one participant session may add over Yjs per 10 minutes (a phone never meets it). */
  NEW_IDEAS_PER_10_MINUTES: z.coerce.number().int().min(1).default(300),
  /**
   * Days a session stays valid after it was issued. Long on purpose: a session is the
   * person's identity on the board (their ideas and votes hang on its participant id), a
   * new one cannot edit what the old one wrote, and a vision process keeps a board open for
   * months. Fractions are allowed; at most ten years.
   */
  SESSION_TTL_DAYS: z.coerce.number().positive().max(3650).default(90),
  /**
   * The installation coordinator's token (the link is PUBLIC_URL/coordinator#k=<token>).
   * Unset: the first start makes one and writes the link to DATA_DIR/coordinator-link.txt.
   */
  COORDINATOR_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).max(200).optional()),
  /**
   * Which proxies' X-Forwarded-For to believe (Express "trust proxy"): the client's address
   * is what per-IP rate limits count. Behind the compose load balancer: "uniquelocal".
   */
  TRUST_PROXY: z.string().default('loopback'),
  /**
   * Comma-separated origins (https://www.ishoj.dk) allowed to show a public call's page in
   * an <iframe> (CSP frame-ancestors). Empty: no site may frame any page.
   */
  EMBED_ORIGINS: z
    .string()
    .default('')
    .refine((value) => splitList(value).every(isOrigin), 'each entry must be an origin such as https://www.ishoj.dk'),
  /** Where people report an accessibility problem (an e-mail address, a web address or a phone number). */
  ACCESSIBILITY_CONTACT: z.string().trim().max(300).default(''),
  /**
   * Outgoing mail (follow-up to contributors, facilitators' digests): smtp:// or smtps://
   * with user and password in the URL. Unset: no mail is sent (said at start).
   */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().refine((u) => /^smtps?:\/\//.test(u), 'must start with smtp:// or smtps://').optional()),
  /** The sender of every mail, e.g. "Samskab <samskab@kommune.dk>". Required with SMTP_URL. */
  MAIL_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).max(200).optional()),
  /** Days an e-mail address is kept after its last use (consent or last mail sent). */
  CONTACT_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(365),
}).refine((e) => !e.SMTP_URL || e.MAIL_FROM, { message: 'MAIL_FROM is required when SMTP_URL is set', path: ['MAIL_FROM'] });

function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  /**
   * Base of the links the server hands out. Undefined: links are relative (`/b/…`), never
   * built from a request's Host; the coordinator link file names the listening address.
   */
  publicUrl: string | undefined;
  allowedOrigins: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  compactAfterUpdates: number;
  /**
   * Allowances that differ from DEFAULT_ABUSE_LIMITS (server/moderation/abuse-limits.ts; the allowances are named in server/core/limits.ts):
   * join by code's (JOIN_FAILURES_PER_MINUTE, JOIN_REQUESTS_PER_MINUTE) and new ideas'
   * (NEW_IDEAS_PER_10_MINUTES).
   */
  limits: Partial<AbuseLimitConfig>;
  /**
   * How long a session is accepted after it was issued, in milliseconds (SESSION_TTL_DAYS):
   * milliseconds so a test can give a server a lifetime it can wait out.
   */
  sessionTtlMs: number;
  coordinatorToken: string | undefined;
  /** Express "trust proxy" (TRUST_PROXY): "loopback", "uniquelocal", a hop count or addresses. */
  trustProxy: string | number;
  /** Directory of the built client (vite build); not served when it does not exist. */
  clientDir: string;
  /** Outgoing bytes buffered for one Yjs connection before it counts as stuck and is dropped. */
  maxBufferedBytes: number;
  /** Origins allowed to frame a public call's page (EMBED_ORIGINS); empty: none. */
  embedOrigins: string[];
  /** Where to report an accessibility problem (ACCESSIBILITY_CONTACT); '' when not set. */
  accessibilityContact: string;
  /**
  /** SMTP_URL and MAIL_FROM; null: no mail. */
  mail: { smtpUrl: string; from: string } | null;
  /** CONTACT_RETENTION_DAYS in milliseconds. */
  contactRetentionMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    limits: {
      joinFailuresPerIp: { points: e.JOIN_FAILURES_PER_MINUTE, seconds: 60 },
      joinRequestsPerIp: { points: e.JOIN_REQUESTS_PER_MINUTE, seconds: 60 },
      ideasPerSession: { points: e.NEW_IDEAS_PER_10_MINUTES, seconds: 600 },
    },
    sessionTtlMs: Math.round(e.SESSION_TTL_DAYS * DAY_MS),
    coordinatorToken: e.COORDINATOR_TOKEN,
    trustProxy: /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    clientDir: 'dist/client',
    maxBufferedBytes: 64 * 1024 * 1024,
    embedOrigins: splitList(e.EMBED_ORIGINS).map((origin) => new URL(origin).origin),
    accessibilityContact: e.ACCESSIBILITY_CONTACT,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    contactRetentionMs: Math.round(e.CONTACT_RETENTION_DAYS * DAY_MS),
  };
}

/** The coordinator token of test servers, so tests can open the coordinator's overview. */
export const TEST_COORDINATOR_TOKEN = 'test-coordinator-token-0123456789';

/**
 * Allowances a test or benchmark meets by design from its one address (127.0.0.1): it
 * writes thousands of ideas through one session, opens hundreds of boards and sessions and
 * restores dozens of backups.
 * test/integration/rate-limits.test.ts checks the production defaults themselves.
 */
const TEST_ALLOWANCES: Partial<AbuseLimitConfig> = {
  ideasPerSession: { points: 1_000_000, seconds: 60 },
  boardsPerIp: { points: 1_000_000, seconds: 60 },
  sessionsPerIp: { points: 1_000_000, seconds: 60 },
  restoresPerIp: { points: 1_000_000, seconds: 60 },
};

/** Defaults for tests: everything from loadConfig({}) with overrides (and TEST_ALLOWANCES). */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', COORDINATOR_TOKEN: TEST_COORDINATOR_TOKEN });
  return { ...base, limits: { ...base.limits, ...TEST_ALLOWANCES }, ...overrides };
}
