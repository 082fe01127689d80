import type { ZodError } from 'zod';
import { ErrorCode } from '../../shared';

/** A refusal with a protocol error code and the HTTP status it maps to. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  /** `where` names what was checked when an issue has no path of its own (an unknown key). */
  static validation(error: ZodError, where: 'body' | 'query' = 'body'): ServiceError {
    const detail = error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`).join('; ');
    return new ServiceError(ErrorCode.VALIDATION_FAILED, detail, 400);
  }
}

/** RATE_LIMITED, with how long to wait (REST answers send it as Retry-After). */
export class RateLimitedError extends ServiceError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(ErrorCode.RATE_LIMITED, message, 429);
  }
}

/** A compare-and-set lost to a concurrent writer too many times; the caller may retry. */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreConflictError';
  }
}
