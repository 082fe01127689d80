import type { SocketHandlers } from '../core/register';
import type { Polls } from './index';

/** The poll commands (shared/protocol/socket-commands.ts), as handlers over the poll services. */
export function pollCommands(polls: Polls) {
  const { definitions, answering, toIdeas } = polls;
  return {
    'poll:create': (p, { identity }) => definitions.create(identity, p.poll),
    'poll:drafts': (_, { identity }) => definitions.drafts(identity),
    'poll:update': (p, { identity }) => definitions.update(identity, p.pollId, p.poll),
    'poll:open': (p, { identity }) => definitions.open(identity, p.pollId),
    'poll:close': (p, { identity }) => definitions.close(identity, p.pollId),
    'poll:reveal': (p, { identity }) => definitions.reveal(identity, p.pollId, p.revealed),
    'poll:setLive': (p, { identity }) => definitions.setLive(identity, p.pollId),
    'poll:delete': (p, { identity }) => definitions.delete(identity, p.pollId),
    'poll:answer': (p, { identity }) => answering.answer(identity, p.pollId, p.answer),
    'poll:mine': (p, { identity }) => answering.mine(identity, p.pollId),
    'poll:count': (p, { identity }) => answering.count(identity, p.pollId),
    'poll:results': (p, { identity }) => answering.results(identity, p.pollId),
    'poll:textAnswers': (p, { identity }) => answering.textAnswers(identity, p.pollId),
    'poll:toIdeas': (p, { identity }) => toIdeas.run(identity, p.pollId, p.answerIds),
  } satisfies Partial<SocketHandlers>;
}
