import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ErrorCode, fail } from '../../shared';
import { RateLimitedError } from '../core/errors';
import type { Logger } from '../log';
import type { AbuseKind, AbuseLimits } from '../moderation/abuse-limits';

/** The address per-IP limits count: Express's `req.ip`, which honours TRUST_PROXY. */
export function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Counts the request against `kind` for its address before anything else runs (a refused
 * restore never has its 32 MiB body read). Over the allowance: 429 RATE_LIMITED with
 * Retry-After in seconds.
 */
export function limitPerAddress(limits: AbuseLimits, kind: AbuseKind, log: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    limits.consume(kind, addressOf(req)).then(
      () => next(),
      (error: unknown) => {
        if (error instanceof RateLimitedError) {
          res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
          // The body may still be arriving; the answer does not wait for it.
          res.setHeader('Connection', 'close');
          res.status(429).json(fail(error.code, error.message));
          return;
        }
        log.error({ err: error, kind }, 'rate limit check failed');
        res.status(503).json(fail(ErrorCode.STORE_UNAVAILABLE, 'The service is unavailable; nothing was changed.'));
      },
    );
  };
}
