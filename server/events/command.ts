import { z, type ZodType, type ZodTypeDef } from 'zod';
import { ErrorCode, fail, type Ack } from '../../shared';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';

/**
 * Wraps a socket.io handler: the payload is validated against the shared schema, the
 * acknowledgement must be a function, and every outcome — including a thrown error —
 * becomes the one Ack shape. A malformed event never reaches the handler.
 */
export function command<P, R>(
  log: Logger,
  /** Validates (and, with defaults, completes) the payload; the handler sees its output. */
  schema: ZodType<P, ZodTypeDef, unknown>,
  handler: (payload: P) => Promise<R>,
): (payload: unknown, ack: unknown) => void {
  return (payload, ack) => {
    if (typeof ack !== 'function') {
      // Only the callback came: the payload is missing. (Without any callback the event never
      // gets here: answer-all.ts answers it with server:error.)
      if (typeof payload === 'function') {
        (payload as (answer: Ack<R>) => void)(fail(ErrorCode.VALIDATION_FAILED, 'payload: Required (this command takes a payload before the acknowledgement).'));
      }
      return;
    }
    const reply = ack as (answer: Ack<R>) => void;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
      reply(fail(ErrorCode.VALIDATION_FAILED, detail));
      return;
    }
    // Through a promise, so a handler that throws before its first await is answered too
    // (a synchronous throw in a socket.io listener would otherwise escape as uncaught).
    Promise.resolve(parsed.data).then(handler).then(
      (data) => reply({ ok: true, data }),
      (error: unknown) => {
        if (error instanceof ServiceError) return reply(fail(error.code, error.message));
        log.error({ err: error }, 'command failed');
        reply(fail(ErrorCode.INTERNAL, 'Something went wrong; nothing was changed.'));
      },
    );
  };
}

/** Commands that take no payload: the acknowledgement may come alone or after `{}`. */
export function bare<R>(log: Logger, handler: () => Promise<R>): (...args: unknown[]) => void {
  const run = command(log, z.undefined().or(z.object({}).strict()), handler);
  return (...args) => {
    const ack = args[args.length - 1];
    run(args.length > 1 ? args[0] : undefined, ack);
  };
}
