import type { ZodType, ZodTypeDef } from 'zod';
import { mailSubscribeRequestSchema, personDeleteSchema, personQuerySchema } from '../../shared';
import type { Logger } from '../log';
import { bare, command } from '../events/command';
import type { SamskabSocket } from '../core/socket-types';
import type { FollowUp } from '../mail/follow-up';
import type { Persons } from './persons';

/** The personal-data and mail-digest commands of one socket (docs/PROTOCOL.md §19). */
export function registerPersonalDataCommands(socket: SamskabSocket, deps: { persons: Persons; followUp: FollowUp; log: Logger }): void {
  const { identity } = socket.data;
  const { persons, followUp, log } = deps;
  const raw = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  const on = <P>(event: string, schema: ZodType<P, ZodTypeDef, unknown>, handler: (payload: P) => Promise<unknown>) => raw.on(event, command(log, schema, handler));

  on('person:find', personQuerySchema, (p) => persons.find(identity, p));
  on('person:export', personQuerySchema, (p) => persons.export(identity, p));
  on('person:delete', personDeleteSchema, (p) => persons.delete(identity, { by: p.by, value: p.value }, p.reason));
  on('mail:subscribe', mailSubscribeRequestSchema, (p) => followUp.subscribe(identity, p));
  raw.on('mail:subscription', bare(log, async () => ({ subscription: await followUp.subscription(identity) })));
  raw.on('mail:unsubscribe', bare(log, () => followUp.unsubscribeMe(identity)));
}
