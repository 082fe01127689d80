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

  static validation(error: ZodError): ServiceError {
    const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return new ServiceError(ErrorCode.VALIDATION_FAILED, detail, 400);
  }
}
