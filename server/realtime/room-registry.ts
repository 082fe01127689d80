import { setTimeout as delay } from 'node:timers/promises';
import type { BoardStore, StoredDocument } from '../store/board-store';
import type { Logger } from '../log';
import { ErrorCode } from '../../shared';
import { BoardRoom } from './board-room';
import { ServiceError } from '../core/errors';
import { prepareStoredAnswer, type StoredAnswer } from './stored-answer';
import { updateOfMessage } from './messages';
import { docNameOf } from '../core/rooms';
import type { RoomHooks } from './room-hooks';

/** An empty room stays loaded this long, so a reload or a flaky phone does not pay a cold load. */
const UNLOAD_AFTER_MS = 30_000;
/** How long a load waits for its early answers to be written before it applies the board. */
const ANSWER_WRITE_WAIT_MS = 250;

/** A board being loaded, as new devices see it. */
export interface StoredStateSource {
  /**
   * Calls `send` with the board's stored state, ready to send, once the load has read it (at
   * once if it has): prepared once per load for every joiner. Not called when the load
   * ends first or the state cannot be prepared. The load waits a little for what `send`
   * returns (the messages written) before it applies the board.
   */
  answer(send: (answer: StoredAnswer) => Promise<void>): void;
}

/**
 * Loaded boards, one room per board per process. Loading is shared: concurrent joins of a
 * cold board wait for the same load, and nobody is answered from the room before it
 * finishes; meanwhile a new device may be given the stored state the load reads
 * (`loading`), which is durable by definition.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<BoardRoom>>();
  private readonly users = new Map<string, number>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly loadHooks: Array<(room: BoardRoom) => Promise<void> | void> = [];
  private readonly loadingBoards = new Map<string, LoadingBoard>();

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly compactAfterUpdates: number,
    /** What every room asks the features while it judges an update (room-hooks.ts). */
    private readonly hooks: RoomHooks = {},
  ) {}

  /**
   * Runs `hook` on every room as it loads, before anyone is answered from it (workshop
   * timers are restored there, old boards get their defaults). A failing hook fails the load.
   * The features add these as they are built (after the registry); what judging asks is in
   * the hook table given at construction.
   */
  onLoad(hook: (room: BoardRoom) => Promise<void> | void): void {
    this.loadHooks.push(hook);
  }

  async acquire(boardId: string, forNewDevice = false): Promise<BoardRoom> {
    clearTimeout(this.unloadTimers.get(boardId));
    this.unloadTimers.delete(boardId);
    this.users.set(boardId, (this.users.get(boardId) ?? 0) + 1);
    try {
      return await this.load(boardId, forNewDevice);
    } catch (error) {
      this.release(boardId);
      throw error;
    }
  }

  /**
   * Starts loading a board that a device is about to open (a session was just made for it,
   * or its join code looked up), so the load runs while the device connects instead of
   * after; the stored state is then also prepared as a new device's answer, kept as the
   * room's cached one (FullSyncCache.adopt), so the device's first sync goes out at once.
   * Unloaded like any room nobody uses. Never throws: the device's own join reports errors.
   */
  warm(boardId: string): void {
    if (this.rooms.has(boardId)) return;
    void this.acquire(boardId, true).then(
      () => this.release(boardId),
      () => undefined,
    );
  }

  release(boardId: string): void {
    const users = (this.users.get(boardId) ?? 1) - 1;
    this.users.set(boardId, users);
    if (users > 0) return;
    this.users.delete(boardId);
    this.scheduleUnload(boardId);
  }

  private scheduleUnload(boardId: string): void {
    const timer = setTimeout(() => void this.unloadIfIdle(boardId), UNLOAD_AFTER_MS);
    timer.unref();
    this.unloadTimers.set(boardId, timer);
  }

  async withRoom<T>(boardId: string, use: (room: BoardRoom) => Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await use(room);
    } finally {
      this.release(boardId);
    }
  }

  /**
   * While `boardId` loads (after `acquire` started it): the load, whose stored state may be
   * sent to new devices before the room is ready. Null when no load is running.
   */
  loading(boardId: string): StoredStateSource | null {
    return this.loadingBoards.get(boardId) ?? null;
  }

  /** A room that is loaded right now, without loading it. */
  peek(boardId: string): BoardRoom | undefined {
    return this.loaded.get(boardId);
  }

  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    const rooms = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    this.loaded.clear();
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
  }

  private readonly loaded = new Map<string, BoardRoom>();

  private load(boardId: string, forNewDevice: boolean): Promise<BoardRoom> {
    let pending = this.rooms.get(boardId);
    if (!pending) {
      const loading = new LoadingBoard(this.log.child({ boardId }), forNewDevice);
      this.loadingBoards.set(boardId, loading);
      pending = (async () => {
        try {
          return await this.loadRoom(boardId, loading);
        } finally {
          loading.end();
          if (this.loadingBoards.get(boardId) === loading) this.loadingBoards.delete(boardId);
        }
      })();
      this.rooms.set(boardId, pending);
      pending.catch(() => this.rooms.delete(boardId));
    }
    return pending;
  }

  private async loadRoom(boardId: string, loading: LoadingBoard): Promise<BoardRoom> {
    const board = await this.store.getBoard(boardId);
    if (!board) throw new ServiceError(ErrorCode.BOARD_NOT_FOUND, 'There is no such board.', 404);
    const room = await BoardRoom.load(boardId, docNameOf(boardId), this.store, this.log, this.compactAfterUpdates, async (stored) => {
      // Applying a large board takes most of a second (in pieces, with turns between:
      // stored-load.ts): let the answers reach the sockets first, without competing with
      // it, but never hold the load long for a slow reader.
      const written = loading.read(stored);
      if (written) await Promise.race([written, delay(ANSWER_WRITE_WAIT_MS)]);
      return loading.preparedAnswer()?.messages.map(updateOfMessage) ?? null;
    }, this.hooks);
    try {
      for (const hook of this.loadHooks) await hook(room);
    } catch (error) {
      await room.close();
      throw error;
    }
    const answered = loading.preparedAnswer();
    if (answered && !room.adoptStoredAnswer(answered)) this.log.debug({ boardId }, 'the stored answer is not kept for later devices (a deletion since the load, or a gap)');
    this.loaded.set(boardId, room);
    return room;
  }

  private async unloadIfIdle(boardId: string): Promise<void> {
    this.unloadTimers.delete(boardId);
    const room = this.loaded.get(boardId);
    if (!room || this.users.has(boardId)) return;
    if (!room.isIdle) {
      this.scheduleUnload(boardId); // still writing: try again later
      return;
    }
    this.rooms.delete(boardId);
    this.loaded.delete(boardId);
    await room.close();
  }
}

/** One load's stored state, kept until the load ends, and the answer made from it once. */
class LoadingBoard implements StoredStateSource {
  private stored: StoredDocument | null = null;
  private prepared: StoredAnswer | null | undefined;
  private waiting: Array<(answer: StoredAnswer) => Promise<void>> = [];
  private ended = false;

  constructor(
    private readonly log: Logger,
    /** Prepare the answer even when no new device waits yet: one is about to ask (warm). */
    private readonly forNewDevice: boolean,
  ) {}

  answer(send: (answer: StoredAnswer) => Promise<void>): void {
    if (this.ended) return;
    if (!this.stored) {
      this.waiting.push(send);
      return;
    }
    const answer = this.prepare();
    if (answer) void send(answer);
  }

  /** The load has read the stored state: answers those waiting; resolves once that is written. */
  read(stored: StoredDocument): Promise<unknown> | null {
    this.stored = stored;
    const waiting = this.waiting.splice(0);
    const answer = waiting.length > 0 || this.forNewDevice ? this.prepare() : null;
    return answer && waiting.length > 0 ? Promise.all(waiting.map((send) => send(answer))) : null;
  }

  /** The answer made from the stored state, when a new device asked for it during the load or the load was started for one (else null). */
  preparedAnswer(): StoredAnswer | null {
    return this.prepared ?? null;
  }

  end(): void {
    this.ended = true;
    this.stored = null;
    this.prepared = null;
    this.waiting = [];
  }

  private prepare(): StoredAnswer | null {
    if (this.prepared === undefined && this.stored) {
      const started = performance.now();
      try {
        this.prepared = prepareStoredAnswer(this.stored);
        this.log.debug({ ms: Math.round(performance.now() - started), bytes: this.prepared.bytes }, 'stored state ready for new devices');
      } catch (error) {
        // Joiners are answered from the room once it is loaded, as if this had not been tried.
        this.log.warn({ err: error }, 'could not prepare the stored state for new devices');
        this.prepared = null;
      }
    }
    return this.prepared ?? null;
  }
}
