import type { ZodType, ZodTypeDef } from 'zod';
import {
  configureVotingSchema,
  createClusterSchema,
  deleteClusterSchema,
  deleteHiddenSchema,
  mergeIdeasSchema,
  myVotesSchema,
  renameClusterSchema,
  resetVotesSchema,
  revealVotesSchema,
  setJoinOpenSchema,
  setLockedSchema,
  setScreenSchema,
  setSilentSchema,
  setStepSchema,
  submitHiddenSchema,
  timerCommandSchema,
  voteSchema,
} from '../../shared';
import type { Logger } from '../log';
import { bare, command } from '../events/command';
import type { SamskabSocket } from '../core/socket-types';
import type { Workshop } from './index';

/** The live-workshop commands of one socket, each validated by its shared schema. */
export function registerWorkshopCommands(socket: SamskabSocket, workshop: Workshop, log: Logger): void {
  const { identity } = socket.data;
  const { facilitation, hidden, voting, clusters } = workshop;
  const on = <P>(event: string, schema: ZodType<P, ZodTypeDef, unknown>, handler: (payload: P) => Promise<unknown>) => {
    // The typed socket only knows the names in ClientToServerEvents; each name below is one.
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, command(log, schema, handler));
  };
  const onBare = (event: string, handler: () => Promise<unknown>) => {
    (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, bare(log, handler));
  };

  on('workshop:setStep', setStepSchema, (p) => facilitation.setStep(identity, p.questionId, p.step));
  on('workshop:setLocked', setLockedSchema, (p) => facilitation.setLocked(identity, p.locked));
  on('workshop:setScreen', setScreenSchema, (p) => facilitation.setScreen(identity, p.screen));
  on('workshop:setSilent', setSilentSchema, (p) => facilitation.setSilent(identity, p.silent));
  onBare('workshop:reveal', () => hidden.reveal(identity));
  on('workshop:timer', timerCommandSchema, (p) => facilitation.timer(identity, p));
  on('voting:configure', configureVotingSchema, (p) => facilitation.configureVoting(identity, p));
  on('voting:reveal', revealVotesSchema, (p) => facilitation.revealVotes(identity, p.revealed));
  on('voting:reset', resetVotesSchema, (p) => facilitation.resetVotes(identity, p.questionId));
  on('join:setOpen', setJoinOpenSchema, (p) => facilitation.setJoinOpen(identity, p.open));

  on('idea:submitHidden', submitHiddenSchema, (p) => hidden.submit(identity, p.idea));
  on('idea:deleteHidden', deleteHiddenSchema, (p) => hidden.remove(identity, p.ideaId));
  onBare('ideas:hidden', async () => ({ ideas: await hidden.list(identity) }));

  on('vote:cast', voteSchema, (p) => voting.cast(identity, p.ideaId));
  on('vote:retract', voteSchema, (p) => voting.retract(identity, p.ideaId));
  on('votes:mine', myVotesSchema, (p) => voting.mine(identity, p.questionId));

  on('cluster:create', createClusterSchema, (p) => clusters.create(identity, p.name, p.questionId));
  on('cluster:rename', renameClusterSchema, (p) => clusters.rename(identity, p.clusterId, p.name));
  on('cluster:delete', deleteClusterSchema, (p) => clusters.delete(identity, p.clusterId));
  on('idea:merge', mergeIdeasSchema, (p) => clusters.merge(identity, p.targetId, p.sourceIds));
}
