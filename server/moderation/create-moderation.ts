import type { Logger } from '../log';
import type { Broadcast } from '../core/broadcast';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import type { AbuseLimits } from '../core/limits';
import { AuditLog } from './audit';
import { PublicCalls } from './calls';
import { ModerationNotifier, NO_FOLLOW_UP, newModerationLocks, type FollowUpHooks, type ModerationContext } from './context';
import { IdeaModeration } from './idea-moderation';
import { ModerationQueue } from './queue';
import { Records } from '../core/records';
import { convertLegacyReactions } from './reactions-layout';
import { Social } from './social';
import { IdeaStatuses } from './status';
import { Initiatives } from './initiatives';

export interface Moderation {
  calls: PublicCalls;
  queue: ModerationQueue;
  ideas: IdeaModeration;
  social: Social;
  statuses: IdeaStatuses;
  initiatives: Initiatives;
  audit: AuditLog;
  notifier: ModerationNotifier;
  ctx: ModerationContext;
}

/**
 * Asynchronous contribution and moderation (issue 4): the public call and its receipts, the
 * moderation queue, hiding, restoring, editing and deleting ideas, comments, reactions,
 * reports, idea statuses and the audit log. What is public is written into the board's
 * document by the server; what is pending, hidden or private stays in the store.
 */
export async function createModeration(deps: {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  limits: AbuseLimits;
  followUp?: FollowUpHooks;
  /** The workshop's recount of the room's progress (hidden ideas and votes); none in tests that need none. */
  progressChanged?: (boardId: string) => void;
  /** socket.io's rooms: the facilitators' badge notices. */
  broadcast: Broadcast;
}): Promise<Moderation> {
  const records = new Records(deps.store);
  const audit = new AuditLog(records);
  const notifier = new ModerationNotifier(records, deps.broadcast);
  const ctx: ModerationContext = {
    store: deps.store,
    records,
    rooms: deps.rooms,
    log: deps.log,
    locks: newModerationLocks(),
    audit,
    notifier,
    limits: deps.limits,
    followUp: deps.followUp ?? NO_FOLLOW_UP,
    progressChanged: deps.progressChanged ?? (() => undefined),
  };
  const ideas = new IdeaModeration(ctx);
  const queue = new ModerationQueue(ctx, ideas);
  deps.rooms.onLoad((room) => queue.reconcile(room));
  deps.rooms.onLoad((room) => convertLegacyReactions(room));
  deps.rooms.onLoad((room) => ideas.takeLegacyTraces(room));
  return {
    calls: new PublicCalls(ctx),
    queue,
    ideas,
    social: new Social(ctx),
    statuses: new IdeaStatuses(ctx),
    initiatives: new Initiatives(ctx),
    audit,
    notifier,
    ctx,
  };
}
