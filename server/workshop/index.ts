import type { Logger } from '../log';
import type { Broadcast } from '../core/broadcast';
import type { BoardStore } from '../store/board-store';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardService } from '../boards';
import { BoardLocks } from '../core/board-locks';
import { Clusters } from './clusters';
import type { WorkshopContext } from './context';
import { Facilitation } from './facilitation';
import { HiddenIdeas } from './hidden-ideas';
import type { AbuseLimits } from '../core/limits';
import { JoinByCode } from './join';
import { assignMissingJoinCode } from '../boards';
import { WorkshopNotifier } from './notifier';
import { ProgressMirror } from './progress';
import { keepTimer } from './timer';
import { VoteTotalsMirror, Voting } from './voting';

export interface Workshop {
  facilitation: Facilitation;
  hidden: HiddenIdeas;
  voting: Voting;
  clusters: Clusters;
  join: JoinByCode;
  notifier: WorkshopNotifier;
  progress: ProgressMirror;
}

/**
 * Live workshops (issue 3): the facilitator's agenda, timer, lock, silent writing, dot
 * voting, clusters and merges, and joining by code. The Yjs document stays the source of
 * truth for what everyone sees; everything facilitator-controlled or secret goes through
 * socket.io commands, and the server writes the public result into server-only roots.
 */
export function createWorkshop(deps: {
  store: BoardStore;
  rooms: RoomRegistry;
  boards: BoardService;
  log: Logger;
  limits: AbuseLimits;
  /** socket.io's rooms: hidden ideas, own votes and refresh notices. */
  broadcast: Broadcast;
}): Workshop {
  const notifier = new WorkshopNotifier(deps.broadcast);
  const progress = new ProgressMirror({ store: deps.store, rooms: deps.rooms, log: deps.log, notifier });
  const ctx: WorkshopContext = { store: deps.store, rooms: deps.rooms, log: deps.log, notifier, locks: new BoardLocks(), progress };
  const totals = new VoteTotalsMirror(ctx);
  const hidden = new HiddenIdeas(ctx);
  const workshop: Workshop = {
    facilitation: new Facilitation(ctx, totals, hidden),
    hidden,
    voting: new Voting(ctx, totals),
    clusters: new Clusters(ctx, totals),
    join: new JoinByCode(ctx, deps.boards, deps.limits),
    notifier,
    progress,
  };
  deps.rooms.onLoad(async (room) => {
    await assignMissingJoinCode(room, deps.store);
    keepTimer(room, deps.log);
    workshop.voting.watchDeletedIdeas(room);
  });
  return workshop;
}
