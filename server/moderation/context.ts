import {
  hiddenIdeaSchema,
  queueItemSchema,
  type Actor,
  type Identity,
  type ModerationCounts,
} from '../../shared';
import type { Logger } from '../log';
import type { RoomRegistry } from '../realtime/room-registry';
import type { BoardStore } from '../store/board-store';
import type { Broadcast } from '../core/broadcast';
import { BoardLocks } from '../core/board-locks';
export { requireFacilitator as requireModerator } from '../core/roles';
import { facilitatorsRoom } from '../core/rooms';
import type { AuditLog } from './audit';
import type { AbuseLimits } from '../core/limits';
import type { Records } from '../core/records';
import { SPACE } from '../core/record-spaces';
import type { FollowUpEvent } from './follow-up-events';

/**
 * E-mail follow-up (server/mail/): `prepare` queues the mail of an event in the outbox
 * before the event is committed (the sender checks it was), `committed` sends it now.
 */
export interface FollowUpHooks {
  /** Whether mail goes out at all (SMTP_URL set): the call form asks for an e-mail only then. */
  readonly enabled: boolean;
  prepare(event: FollowUpEvent): Promise<void>;
  committed(): void;
}

export const NO_FOLLOW_UP: FollowUpHooks = { enabled: false, prepare: () => Promise.resolve(), committed: () => undefined };

/** What every moderation capability works with. */
export interface ModerationContext {
  store: BoardStore;
  records: Records;
  rooms: RoomRegistry;
  log: Logger;
  locks: BoardLocks;
  audit: AuditLog;
  notifier: ModerationNotifier;
  limits: AbuseLimits;
  followUp: FollowUpHooks;
  /**
   * Silent-writing ideas or votes were deleted here (idea:purge, a person's deletion): the
   * workshop counts the room's progress again (handed in at construction: its ProgressMirror).
   */
  progressChanged: (boardId: string) => void;
}

/** The public call, seen from the audit log and the queue: nobody in particular. */
export const PUBLIC_ACTOR: Actor = { participantId: 'public-call', name: null, role: 'public' };

export function actorOf(identity: Identity): Actor {
  return { participantId: identity.participantId, name: identity.displayName, role: identity.role };
}

/**
 * Tells a board's facilitators that the queue or the hidden ideas changed, with the new
 * counts (the badge); they ask again for what they show. Never sent to anyone else.
 */
export class ModerationNotifier {
  constructor(
    private readonly records: Records,
    private readonly io: Broadcast,
  ) {}

  async counts(boardId: string): Promise<ModerationCounts> {
    const [queue, hidden] = await Promise.all([
      this.records.list(SPACE.queue(boardId), queueItemSchema),
      this.records.list(SPACE.hidden(boardId), hiddenIdeaSchema),
    ]);
    return { pending: queue.filter((item) => item.value.state === 'pending').length, hidden: hidden.length };
  }

  /** Fire and forget: a lost notice costs a stale badge until the next one, never data. */
  changed(boardId: string, log: Logger): void {
    this.counts(boardId).then(
      (counts) => this.io.to(facilitatorsRoom(boardId)).emit('moderation:changed', counts),
      (error: unknown) => log.warn({ err: error, boardId }, 'could not count the moderation queue'),
    );
  }
}

export function newModerationLocks(): BoardLocks {
  return new BoardLocks();
}
