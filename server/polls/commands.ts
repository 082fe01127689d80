import type { ZodType, ZodTypeDef } from 'zod';
import {
  answerPollSchema,
  createPollSchema,
  pollIdSchema,
  pollToIdeasSchema,
  revealPollSchema,
  setLivePollSchema,
  updatePollSchema,
  type ClientToServerEvents,
} from '../../shared';
import type { Logger } from '../log';
import { command } from '../events/command';
import type { SamskabSocket } from '../core/socket-types';
import type { Polls } from './index';

/** The poll commands of one socket, each validated by its shared schema. */
export function registerPollCommands(socket: SamskabSocket, polls: Polls, log: Logger): void {
  const { identity } = socket.data;
  const { definitions, answering, toIdeas } = polls;
  const on = <P>(event: keyof ClientToServerEvents, schema: ZodType<P, ZodTypeDef, unknown>, handler: (payload: P) => Promise<unknown>) => {
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, command(log, schema, handler));
  };

  on('poll:create', createPollSchema, (p) => definitions.create(identity, p.poll));
  on('poll:update', updatePollSchema, (p) => definitions.update(identity, p.pollId, p.poll));
  on('poll:open', pollIdSchema, (p) => definitions.open(identity, p.pollId));
  on('poll:close', pollIdSchema, (p) => definitions.close(identity, p.pollId));
  on('poll:reveal', revealPollSchema, (p) => definitions.reveal(identity, p.pollId, p.revealed));
  on('poll:setLive', setLivePollSchema, (p) => definitions.setLive(identity, p.pollId));
  on('poll:delete', pollIdSchema, (p) => definitions.delete(identity, p.pollId));
  on('poll:answer', answerPollSchema, (p) => answering.answer(identity, p.pollId, p.answer));
  on('poll:mine', pollIdSchema, (p) => answering.mine(identity, p.pollId));
  on('poll:count', pollIdSchema, (p) => answering.count(identity, p.pollId));
  on('poll:results', pollIdSchema, (p) => answering.results(identity, p.pollId));
  on('poll:textAnswers', pollIdSchema, (p) => answering.textAnswers(identity, p.pollId));
  on('poll:toIdeas', pollToIdeasSchema, (p) => toIdeas.run(identity, p.pollId, p.answerIds));
}
