import type { Cluster } from '../store/board-store';
import type { Logger } from '../log';
import type { ReservedIdeas } from './room-hooks';

/** Where a board's reservations are stored (server/moderation/reserved-ids.ts knows). */
export interface ReservationSource {
  /** Every reservation of the board: id → author. */
  all(boardId: string): Promise<Map<string, string>>;
  /** The reservations among `ideaIds`: id → author. */
  some(boardId: string, ideaIds: readonly string[]): Promise<Map<string, string>>;
}

/** The part of the cluster that carries reservations between processes. */
export type ReservationFeed = Pick<Cluster, 'publishReservation' | 'subscribeReservations'>;

interface Board {
  /** Every id known to be (or to have been) reserved, with its author. */
  known: Map<string, string>;
  /** Whether `known` holds every reservation of the board: loaded, and no message lost since. */
  complete: boolean;
  /** Rooms of the board in this process that keep it. */
  holders: number;
  /** Bumped by every (re)load, so a slow, superseded load does not mark the board complete. */
  generation: number;
  unsubscribe: (() => void) | null;
}

/**
 * The room's `reservedIdeas` hook with the reservations of every loaded board in memory,
 * so judging a new idea needs no store round trip: on Redis that read waited for the
 * fsync of every write around it, on the core the server shares with Redis, while the
 * update and every later one of the board waited behind it.
 *
 * Memory is trusted only for "not reserved", and only while it is complete: loaded with the
 * room, kept up to date by this process (`reserving`, called before each reservation is
 * written) and by the other processes (the cluster's feed, subscribed before the load, so
 * nothing written between the two is missed). When the feed may have lost a message, the
 * store is asked again until the board has been loaded afresh. An id memory holds is
 * confirmed with the store before a refusal: reservations are withdrawn (a silent idea
 * revealed or taken back) without telling anyone, and a refusal must rest on the store.
 */
export class ReservationCache implements ReservedIdeas {
  private readonly boards = new Map<string, Board>();

  constructor(
    private readonly source: ReservationSource,
    private readonly feed: ReservationFeed | null,
    private readonly log: Logger,
  ) {}

  authorsOf(boardId: string, ideaIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.source.some(boardId, ideaIds);
  }

  mayBeReserved(boardId: string, ideaIds: readonly string[]): ReadonlySet<string> | null {
    const board = this.boards.get(boardId);
    if (!board?.complete) return null;
    return new Set(ideaIds.filter((id) => board.known.has(id)));
  }

  track(boardId: string): () => void {
    let board = this.boards.get(boardId);
    if (!board) {
      board = { known: new Map(), complete: false, holders: 0, generation: 0, unsubscribe: null };
      this.boards.set(boardId, board);
      void this.open(boardId, board);
    }
    board.holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(boardId, board);
    };
  }

  reserving(boardId: string, ideaId: string, authorId: string): void {
    this.boards.get(boardId)?.known.set(ideaId, authorId);
    this.feed?.publishReservation(boardId, ideaId, authorId);
  }

  private async open(boardId: string, board: Board): Promise<void> {
    if (this.feed) {
      try {
        const unsubscribe = await this.feed.subscribeReservations(
          boardId,
          (ideaId, authorId) => board.known.set(ideaId, authorId),
          (state) => this.gap(boardId, board, state),
        );
        if (this.boards.get(boardId) !== board) {
          unsubscribe();
          return;
        }
        board.unsubscribe = unsubscribe;
      } catch (error) {
        // Without the feed, memory cannot know what other processes reserve: the store decides.
        this.log.warn({ err: error, boardId }, 'could not follow the board\u2019s reservations; asking the store for each new idea');
        return;
      }
    }
    await this.load(boardId, board);
  }

  private async load(boardId: string, board: Board): Promise<void> {
    const generation = ++board.generation;
    try {
      const stored = await this.source.all(boardId);
      if (this.boards.get(boardId) !== board || board.generation !== generation) return;
      for (const [ideaId, authorId] of stored) if (!board.known.has(ideaId)) board.known.set(ideaId, authorId);
      board.complete = true;
    } catch (error) {
      this.log.warn({ err: error, boardId }, 'could not read the board\u2019s reservations; asking the store for each new idea');
    }
  }

  private gap(boardId: string, board: Board, state: 'lost' | 'back'): void {
    if (this.boards.get(boardId) !== board) return;
    board.complete = false;
    board.generation += 1;
    if (state === 'back') void this.load(boardId, board);
  }

  private release(boardId: string, board: Board): void {
    board.holders -= 1;
    if (board.holders > 0 || this.boards.get(boardId) !== board) return;
    this.boards.delete(boardId);
    board.unsubscribe?.();
  }
}
