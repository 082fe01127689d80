import type { ProtocolError } from '../../shared';
import type { Change } from './inspection';
import type { Principal } from './update-policy';

/** What the room needs from a connection: somewhere to send bytes, and who it is. */
export interface RoomPeer {
  readonly principal: Principal;
  send(message: Uint8Array): void;
  /**
   * Called exactly once per accepted update message, once everything it brought is durable.
   * `clocks` are the Yjs client ids it carried; `durableClock` reads what is saved per id.
   */
  acknowledge(clocks: ReadonlyMap<number, number>, durableClock: (client: number) => number): void;
}

/** The server's own writes (settings, workshop state, moderation): persisted and broadcast like a peer's. */
export const SERVER_ORIGIN = 'server';
/** What another server process wrote (it is stored already): broadcast, never persisted. */
export const REMOTE_ORIGIN = Symbol('remote');

/**
 * Every origin a Yjs transaction on a room's document carries. The stored state is applied
 * with no origin (null): it is durable and nobody is waiting for it.
 */
export type RoomOrigin = RoomPeer | typeof SERVER_ORIGIN | typeof REMOTE_ORIGIN | null;

/**
 * The ids of ideas the document lacks but someone owns (silent writing, the moderation
 * queue): nobody else may write an idea under them (IDEA_ID_TAKEN). Implemented over the
 * store by server/realtime/reservation-cache.ts.
 */
export interface ReservedIdeas {
  /** The authors of those of `ideaIds` that are reserved, as the store has them: id → author. */
  authorsOf(boardId: string, ideaIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * Answered from memory when it can be, without a round trip: the ids among `ideaIds` that
   * may be reserved (empty: none is; the others are confirmed with `authorsOf`), or null
   * when this process cannot vouch for the board right now (then `authorsOf` decides).
   */
  mayBeReserved?(boardId: string, ideaIds: readonly string[]): ReadonlySet<string> | null;
  /** A room of the board loads in this process: its reservations are kept until the returned release (the room closed). */
  track?(boardId: string): () => void;
  /**
   * A reservation this process is about to store (called before the write, so no update
   * judged after it can miss it; one whose write then fails is only confirmed in vain).
   */
  reserving?(boardId: string, ideaId: string, authorId: string): void;
}

/** Judges the new ideas of an update after the write rules accepted it; a refusal, or null. */
export type IdeaGate = (boardId: string, principal: Principal, changes: readonly Change[]) => Promise<ProtocolError | null>;

/**
 * The room's hook table, given to the RoomRegistry at construction (Hocuspocus-style): the
 * features the room asks while it judges an update, without importing them. A hook left out
 * lets everything through (the in-memory room tests run without them).
 *
 * Load hooks (workshop timers, legacy conversions, indexes) are added by the features, which
 * are built after the registry: `RoomRegistry.onLoad`.
 */
export interface RoomHooks {
  /** Ideas kept out of the document (server/moderation/reserved-ids.ts): nobody else may take their ids. */
  reservedIdeas?: ReservedIdeas;
  /** Runs after the write rules, before the update is applied (server/moderation/idea-gate.ts). */
  beforeApply?: IdeaGate;
}
