import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, fail } from '../../shared';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { RateLimitedError, ServiceError, StoreConflictError } from './errors';

type Handler = (req: Request, res: Response) => Promise<void>;

/** Turns a thrown ServiceError into its status and Ack body; anything else is a 500. */
export function handle(log: Logger, handler: Handler) {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch((error: unknown) => {
      if (error instanceof ServiceError) {
        if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
        res.status(error.status).json(fail(error.code, error.message));
        return;
      }
      if (error instanceof StoreConflictError) {
        res.status(409).json(fail(ErrorCode.INTERNAL, 'Please try again.'));
        return;
      }
      log.error({ err: error }, 'request failed');
      res.status(503).json(fail(ErrorCode.STORE_UNAVAILABLE, 'The service is unavailable; nothing was changed.'));
    });
  };
}

/**
 * The base of every link the server hands out: PUBLIC_URL, or '' (links relative to the
 * server the request went to). Never the request's Host header, which the sender chooses.
 */
export function publicBase(config: ServerConfig): string {
  return config.publicUrl ?? '';
}

export function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
