import { z } from 'zod';

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
  /** Join by code: wrong codes per IP per minute before RATE_LIMITED (guessing). */
  JOIN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Join by code: all attempts per IP per minute (a whole room may share one NAT address). */
  JOIN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  /** Base of the links the server hands out; undefined: derived from each request's Host. */
  publicUrl: string | undefined;
  allowedOrigins: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  compactAfterUpdates: number;
  /** Rate limits of join by code (server/workshop/join.ts). */
  joinLimits: { failuresPerMinute: number; requestsPerMinute: number };
  /** Directory of the built client (vite build); not served when it does not exist. */
  clientDir: string;
  /** Outgoing bytes buffered for one Yjs connection before it counts as stuck and is dropped. */
  maxBufferedBytes: number;
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
    joinLimits: { failuresPerMinute: e.JOIN_FAILURES_PER_MINUTE, requestsPerMinute: e.JOIN_REQUESTS_PER_MINUTE },
    clientDir: 'dist/client',
    maxBufferedBytes: 64 * 1024 * 1024,
  };
}

/** Defaults for tests: everything from loadConfig({}) with overrides. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...loadConfig({ LOG_LEVEL: 'silent', PORT: '0' }), ...overrides };
}
