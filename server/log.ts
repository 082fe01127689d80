import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Secrets travel in `?session=` query strings, `Authorization` headers and
 * request bodies; they are redacted here so no log line ever carries a token.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'samskab' },
    redact: {
      paths: ['token', 'sessionToken', 'session', '*.token', '*.sessionToken', '*.session', 'req.headers.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A URL fit for a log line: the path without its query (which may hold a session token). */
export function safePath(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
