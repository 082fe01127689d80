import type * as Y from 'yjs';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';

/** A remote update waits at most this long for an idle moment before it is written anyway. */
const IDLE_TIMEOUT_MS = 1000;
/** Where requestIdleCallback is missing (Safari): write after this long. */
const FALLBACK_DELAY_MS = 100;

interface IdleDeadline {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}
type IdleScheduler = {
  requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Whether this device may hold a copy of the board under `name`, and from now on it may. A
 * copy is kept per session (the name holds the participant id), so a device that has just
 * joined has none: it can connect without waiting for IndexedDB to open an empty database
 * (about a tenth of a second on a phone's first visit). Unknown when storage cannot be
 * read: then the caller waits for the copy, as always.
 */
export function claimDeviceCopy(name: string): boolean {
  const key = `${name}.copy`;
  try {
    const known = localStorage.getItem(key) !== null;
    if (!known) localStorage.setItem(key, '1');
    return known;
  } catch {
    return true;
  }
}

/**
 * The device's copy of the board in IndexedDB (y-indexeddb), with remote updates written
 * after the task that applied them rather than in it.
 *
 * y-indexeddb writes every document update in the same task, as the doc emits it: an
 * IndexedDB transaction and an add, about a millisecond per remote edit on the path from
 * the update's arrival to the paint that shows it (issue 17's browser target), and more
 * for each piece of a large first sync, in the task that applies it. The copy is only this device's cache (the
 * server holds the board), so a remote update can wait for an idle moment: they are queued
 * and written together, in one transaction per idle callback.
 *
 * A local update is what must not be lost offline: it is written at once, as before, after
 * whatever remote updates still wait (Yjs updates commute, but a local edit may build on a
 * remote one, and a copy holding the edit without what it builds on would only show it once
 * the server sent the rest). The queue is also written when the page is hidden or left, and
 * before the copy is closed. A remote update that never reaches the copy (the tab killed
 * within the idle wait) costs nothing but a slightly older copy, which the next sync tops up.
 *
 * Hooks y-indexeddb 9's `_storeUpdate` (the 'update' listener it registers in its
 * constructor) and its trim bookkeeping (`_dbsize`, `_storeTimeoutId`): the browser test
 * test/browser/offline.test.ts proves both kinds of update still reach the copy.
 */
export class DeviceCopy extends IndexeddbPersistence {
  private queue: Uint8Array[] = [];
  private idle: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(name: string, doc: Y.Doc) {
    super(name, doc);
    doc.off('update', this._storeUpdate);
    doc.on('update', this.onUpdate);
    addEventListener('pagehide', this.flush);
    addEventListener('visibilitychange', this.onVisibility);
  }

  /**
   * `transaction` is null for a server update handed over as received (remote-updates.ts
   * applies those with the update listeners set aside): remote, like any non-local one.
   */
  private readonly onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction | null) => {
    // The copy's own load (origin this) is already stored; y-indexeddb skips it too.
    if (origin === this) return;
    if (transaction?.local) {
      this.flush();
      this._storeUpdate(update, origin);
      return;
    }
    this.queue.push(update);
    this.schedule();
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  private schedule(): void {
    if (this.idle !== null || this.timer !== null) return;
    const idle = globalThis as IdleScheduler;
    if (idle.requestIdleCallback) this.idle = idle.requestIdleCallback(this.writeSome, { timeout: IDLE_TIMEOUT_MS });
    else this.timer = setTimeout(this.flush, FALLBACK_DELAY_MS);
  }

  private cancel(): void {
    if (this.idle !== null) (globalThis as IdleScheduler).cancelIdleCallback?.(this.idle);
    if (this.timer !== null) clearTimeout(this.timer);
    this.idle = null;
    this.timer = null;
  }

  /** In an idle moment: what fits in it (at least one update; all once the wait timed out), the rest in the next one. */
  private readonly writeSome = (deadline: IdleDeadline) => {
    this.idle = null;
    this.write(() => deadline.didTimeout || deadline.timeRemaining() > 2);
    if (this.queue.length > 0) this.schedule();
  };

  /** Writes every waiting remote update now. */
  readonly flush = () => {
    this.cancel();
    this.write(() => true);
  };

  /** Writes waiting updates, oldest first, in one transaction: the first, then each while `more()` says so. */
  private write(more: () => boolean): void {
    // Before the database is open nothing is written: opening it stores the whole document (y-indexeddb).
    if (!this.db || this._destroyed) {
      this.queue = [];
      return;
    }
    if (this.queue.length === 0) return;
    const store = this.db.transaction(['updates'], 'readwrite').objectStore('updates');
    let written = 0;
    do {
      store.add(this.queue[written] as Uint8Array);
      written += 1;
    } while (written < this.queue.length && more());
    this.queue.splice(0, written);
    this._dbsize += written;
    // y-indexeddb's own trim: once the copy holds many updates, fold them into one a little later.
    if (this._dbsize >= PREFERRED_TRIM_SIZE) {
      if (this._storeTimeoutId !== null) clearTimeout(this._storeTimeoutId);
      this._storeTimeoutId = setTimeout(() => {
        void storeState(this, false);
        this._storeTimeoutId = null;
      }, this._storeTimeout);
    }
  }

  override destroy(): Promise<void> {
    if (!this._destroyed) this.flush();
    this.doc.off('update', this.onUpdate);
    removeEventListener('pagehide', this.flush);
    removeEventListener('visibilitychange', this.onVisibility);
    return super.destroy();
  }
}
