import type { BoardStore } from '../store/board-store';
import type { Logger } from '../log';
import { ErrorCode } from '../../shared';
import { BoardRoom } from './board-room';
import { ServiceError } from '../boards/service-error';

export const docNameOf = (boardId: string): string => `board:${boardId}`;
/** An empty room stays loaded this long, so a reload or a flaky phone does not pay a cold load. */
const UNLOAD_AFTER_MS = 30_000;

/**
 * Loaded boards, one room per board per process. Loading is shared: concurrent joins of a
 * cold board wait for the same load, and nobody is answered before it finishes.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<BoardRoom>>();
  private readonly users = new Map<string, number>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly loadHooks: Array<(room: BoardRoom) => Promise<void> | void> = [];

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly compactAfterUpdates: number,
  ) {}

  /**
   * Runs `hook` on every room as it loads, before anyone is answered from it (workshop
   * timers are restored there, old boards get their defaults). A failing hook fails the load.
   */
  onLoad(hook: (room: BoardRoom) => Promise<void> | void): void {
    this.loadHooks.push(hook);
  }

  async acquire(boardId: string): Promise<BoardRoom> {
    clearTimeout(this.unloadTimers.get(boardId));
    this.unloadTimers.delete(boardId);
    this.users.set(boardId, (this.users.get(boardId) ?? 0) + 1);
    try {
      return await this.load(boardId);
    } catch (error) {
      this.release(boardId);
      throw error;
    }
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

  private load(boardId: string): Promise<BoardRoom> {
    let pending = this.rooms.get(boardId);
    if (!pending) {
      pending = (async () => {
        const board = await this.store.getBoard(boardId);
        if (!board) throw new ServiceError(ErrorCode.BOARD_NOT_FOUND, 'There is no such board.', 404);
        const room = await BoardRoom.load(boardId, docNameOf(boardId), this.store, this.log, this.compactAfterUpdates);
        try {
          for (const hook of this.loadHooks) await hook(room);
        } catch (error) {
          await room.close();
          throw error;
        }
        this.loaded.set(boardId, room);
        return room;
      })();
      this.rooms.set(boardId, pending);
      pending.catch(() => this.rooms.delete(boardId));
    }
    return pending;
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
