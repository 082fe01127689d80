import { z } from 'zod';
import {
  AUDIENCES,
  ErrorCode,
  fail,
  type Ack,
  type CommandSpec,
  type CommandTable,
  type Identity,
  type PayloadOf,
  type ResultOf,
  type Role,
  type SocketCommandName,
  type SocketCommands,
} from '../../shared';
import { ServiceError } from './errors';
import type { SamskabSocket } from './socket-types';

/** What a handler knows besides its payload: who sent it. */
export interface CommandContext {
  identity: Identity;
}

/** The handler of one table row: the row's validated payload in, the row's result out. */
export type CommandHandler<C> = (payload: PayloadOf<C>, ctx: CommandContext) => Promise<ResultOf<C>>;
export type CommandHandlers<T extends CommandTable> = { [E in keyof T]: CommandHandler<T[E]> };
/** Handlers for (some of) the socket.io command table; a feature's `commands.ts` builds one. */
export type SocketHandlers<E extends SocketCommandName = SocketCommandName> = CommandHandlers<Pick<SocketCommands, E>>;

/** Enough of a logger to report a failure nobody expected. */
export interface FailureLog {
  error(details: { err: unknown }, message: string): void;
}

type Reply = (answer: Ack<unknown>) => void;

/** A bare command's acknowledgement may come alone or after `{}`. */
const NO_PAYLOAD = z.undefined().or(z.object({}).strict());

/**
 * Registers every handler on the socket under its table row. Each command is validated by
 * the row's schema (a malformed payload never reaches the handler: VALIDATION_FAILED), then
 * refused unless the sender's role is in the row's audience (observers READ_ONLY, others
 * FORBIDDEN, as the services themselves refuse), then run; every outcome, a thrown error
 * included, is answered in the one Ack shape. The wire names and payloads are the table's,
 * so a handler of the wrong payload or result, or a name not in the table, does not compile.
 */
export function serveCommands<T extends CommandTable>(socket: SamskabSocket, table: T, handlers: CommandHandlers<T>, log: FailureLog): void {
  // socket.io's typed `on` cannot see through a generic event name; the table pins each pair.
  const on = (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on.bind(socket);
  for (const event of Object.keys(handlers) as (keyof T & string)[]) {
    const spec = table[event];
    if (!spec) throw new Error(`"${event}" has a handler but no row in the command table`);
    on(event, listenerFor(event, spec, handlers[event] as CommandHandler<CommandSpec>, socket, log));
  }
}

function listenerFor(event: string, spec: CommandSpec, handler: CommandHandler<CommandSpec>, socket: SamskabSocket, log: FailureLog): (...args: unknown[]) => void {
  const schema = spec.payload ?? NO_PAYLOAD;
  const roles: readonly Role[] = AUDIENCES[spec.who].roles;
  const run = (payload: unknown, ack: unknown): void => {
    if (typeof ack !== 'function') {
      // Only the callback came: the payload is missing. (Without any callback the event never
      // gets here: events/answer-all.ts answers it with server:error.)
      if (typeof payload === 'function') {
        (payload as Reply)(fail(ErrorCode.VALIDATION_FAILED, 'payload: Required (this command takes a payload before the acknowledgement).'));
      }
      return;
    }
    const reply = ack as Reply;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
      reply(fail(ErrorCode.VALIDATION_FAILED, detail));
      return;
    }
    const ctx: CommandContext = { identity: socket.data.identity };
    // Through a promise, so a handler that throws before its first await is answered too
    // (a synchronous throw in a socket.io listener would otherwise escape as uncaught).
    Promise.resolve()
      .then(() => {
        admit(event, roles, ctx.identity.role);
        return handler(spec.payload === null ? undefined : parsed.data, ctx);
      })
      .then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => {
          if (error instanceof ServiceError) return reply(fail(error.code, error.message));
          log.error({ err: error }, 'command failed');
          reply(fail(ErrorCode.INTERNAL, 'Something went wrong; nothing was changed.'));
        },
      );
  };
  return (...args) => {
    const ack = args[args.length - 1];
    // The acknowledgement is the last argument; anything between it and the one payload is
    // refused rather than dropped, so a request with extra arguments is answered too.
    if (args.length > 2 && typeof ack === 'function') {
      const takes = spec.payload === null ? 'at most `{}`' : 'one payload';
      (ack as Reply)(fail(ErrorCode.VALIDATION_FAILED, `"${event}" takes ${takes} before the acknowledgement; ${args.length - 1} arguments came.`));
      return;
    }
    if (spec.payload !== null) run(args[0], args[1]);
    else run(args.length > 1 ? args[0] : undefined, ack);
  };
}

/** The table's audience: an observer where writers are asked is READ_ONLY, anyone else left out FORBIDDEN. */
function admit(event: string, roles: readonly Role[], role: Role): void {
  if (roles.includes(role)) return;
  if (role === 'observer' && roles.includes('participant')) {
    throw new ServiceError(ErrorCode.READ_ONLY, 'Observers cannot change the board.', 403);
  }
  throw new ServiceError(ErrorCode.FORBIDDEN, `Only ${roles.join(' and ')}s may send "${event}".`, 403);
}
