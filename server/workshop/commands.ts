import type { SocketHandlers } from '../core/register';
import type { Workshop } from './index';

/**
 * The live-workshop commands (shared/protocol/socket-commands.ts), as handlers over the
 * workshop's services. The transport (server/events) validates, gates and registers them.
 */
export function workshopCommands(workshop: Workshop) {
  const { facilitation, hidden, voting, clusters, progress } = workshop;
  return {
    'workshop:setStep': (p, { identity }) => facilitation.setStep(identity, p.questionId, p.step),
    'workshop:setLocked': (p, { identity }) => facilitation.setLocked(identity, p.locked),
    'workshop:setScreen': (p, { identity }) => facilitation.setScreen(identity, p.screen),
    'workshop:setSilent': (p, { identity }) => facilitation.setSilent(identity, p.silent),
    'workshop:reveal': (_, { identity }) => hidden.reveal(identity),
    'workshop:timer': (p, { identity }) => facilitation.timer(identity, p),
    'voting:configure': (p, { identity }) => facilitation.configureVoting(identity, p),
    'voting:reveal': (p, { identity }) => facilitation.revealVotes(identity, p.revealed),
    'voting:reset': (p, { identity }) => facilitation.resetVotes(identity, p.questionId),
    'join:setOpen': (p, { identity }) => facilitation.setJoinOpen(identity, p.open),
    'workshop:progress': (_, { identity }) => progress.count(identity.boardId),

    'idea:submitHidden': (p, { identity }) => hidden.submit(identity, p.idea),
    'idea:deleteHidden': (p, { identity }) => hidden.remove(identity, p.ideaId),
    'ideas:hidden': async (_, { identity }) => ({ ideas: await hidden.list(identity) }),

    'vote:cast': (p, { identity }) => voting.cast(identity, p.ideaId),
    'vote:retract': (p, { identity }) => voting.retract(identity, p.ideaId),
    'votes:mine': (p, { identity }) => voting.mine(identity, p.questionId),

    'cluster:create': (p, { identity }) => clusters.create(identity, p.name, p.questionId),
    'cluster:rename': (p, { identity }) => clusters.rename(identity, p.clusterId, p.name),
    'cluster:delete': (p, { identity }) => clusters.delete(identity, p.clusterId),
    'idea:merge': (p, { identity }) => clusters.merge(identity, p.targetId, p.sourceIds),
  } satisfies Partial<SocketHandlers>;
}
