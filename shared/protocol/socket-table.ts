import type { z, ZodTypeAny } from 'zod';
import type { Ack } from './ack';
import type { Role } from '../model/taxonomy';

/**
 * The building blocks of the socket.io command table (socket-commands.ts): what one row
 * holds, and the types both sides derive from a row. Kept apart from the table so the
 * table reads as a list.
 */

/** The acknowledgement callback every command takes as its last argument. */
export type AckCallback<T> = (ack: Ack<T>) => void;

/**
 * Who may send a command. The server's registration lets only `roles` through; for the
 * narrower audiences (an author, oneself, results made public) the feature's service decides
 * the rest. `doc` is how docs/PROTOCOL.md names the audience (a test holds them together).
 */
export const AUDIENCES = {
  facilitators: { roles: ['facilitator'], doc: 'facilitators' },
  writers: { roles: ['facilitator', 'participant'], doc: 'participants, facilitators' },
  authors: { roles: ['facilitator', 'participant'], doc: 'the author, facilitators' },
  anyone: { roles: ['facilitator', 'participant', 'observer'], doc: 'anyone' },
  themselves: { roles: ['facilitator', 'participant', 'observer'], doc: 'facilitators; anyone about themselves' },
  whilePublic: { roles: ['facilitator', 'participant', 'observer'], doc: 'facilitators; others only while public' },
} as const satisfies Record<string, { roles: readonly Role[]; doc: string }>;
export type Audience = keyof typeof AUDIENCES;

/** A phantom marker: carries a result type in the table, holds nothing at run time. */
export interface Result<T> {
  readonly __result?: T;
}
export function result<T>(): Result<T> {
  return {};
}

/** One command: its payload schema (null: it takes none), its result, who may send it, a line of doc. */
export interface CommandSpec<S extends ZodTypeAny | null = ZodTypeAny | null, R = unknown> {
  payload: S;
  result: Result<R>;
  who: Audience;
  doc: string;
}

export function command<S extends ZodTypeAny, R>(payload: S, answer: Result<R>, who: Audience, doc: string): CommandSpec<S, R> {
  return { payload, result: answer, who, doc };
}
/** A command without a payload: the acknowledgement comes alone (or after `{}`). */
export function bareCommand<R>(answer: Result<R>, who: Audience, doc: string): CommandSpec<null, R> {
  return { payload: null, result: answer, who, doc };
}

export type CommandTable = Record<string, CommandSpec>;

/** What the handler sees: the schema's output (defaults filled in); nothing for a bare command. */
export type PayloadOf<C> = C extends CommandSpec<infer S, unknown> ? (S extends ZodTypeAny ? z.output<S> : void) : never;
/** What the client sends: the schema's input. */
export type PayloadInputOf<C> = C extends CommandSpec<infer S, unknown> ? (S extends ZodTypeAny ? z.input<S> : never) : never;
export type ResultOf<C> = C extends CommandSpec<ZodTypeAny | null, infer R> ? R : never;

/**
 * The socket.io argument list of a command: the payload then the acknowledgement; a bare
 * command takes the acknowledgement alone, or after an empty object.
 */
export type CommandArgs<C> =
  C extends CommandSpec<infer S, infer R>
    ? S extends ZodTypeAny
      ? [payload: z.input<S>, ack: AckCallback<R>]
      : [ack: AckCallback<R>] | [payload: Record<string, never>, ack: AckCallback<R>]
    : never;

/** The typed socket.io events map (as socket.io's generics want it) of a table. */
export type EventsOf<T extends CommandTable> = { [E in keyof T]: (...args: CommandArgs<T[E]>) => void };
