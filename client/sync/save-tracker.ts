import type * as Y from 'yjs';

/**
 * Knows whether every change made on this device is durably saved on the server.
 *
 * The server answers every sync step 2 and update message it accepts on a connection with
 * exactly one Saved message, once everything that message brought is in the store
 * (docs/PROTOCOL.md, "Saved"). A local change is therefore pending from the moment it is
 * made until a write frame sent *after* it has been answered by Saved:
 *
 * - every local change gets the next number;
 * - every step 2/update frame sent is tagged with the number of the latest change at the
 *   moment it leaves (a step 2 carries everything the server lacks; an update frame is
 *   sent right after the change it carries, so both cover every change made before them);
 * - a Saved confirms the frames of the connection; when all of them are answered, every
 *   change up to the highest tag is safe.
 *
 * Counting sent against saved frames alone is not enough: Yjs announces a change
 * (afterTransaction) before y-websocket sends it, and a stalled or closed socket sends
 * nothing, so "sent = saved" held while the change was on this device only.
 * The pending flag is persisted beside the IndexedDB copy, because a reload brings the
 * unsaved changes back from there.
 */
export class SaveTracker {
  /** Number of the latest local change (a previous page's unsaved changes count as one). */
  private changes = 0;
  /** The highest change number known safe (settled: synced and every frame answered). */
  private confirmed = 0;
  /** The highest tag of a frame answered by Saved on the current connection. */
  private answered = 0;
  /** Per write frame sent on the current connection and not yet answered: its tag. */
  private inFlight: number[] = [];

  constructor(private readonly storageKey: string) {
    try {
      if (localStorage.getItem(storageKey) === 'dirty') this.changes = 1;
    } catch {
      // Unknown: treat as clean; the next change marks it dirty again.
    }
  }

  /** A local change to the document: pending until a Saved covers it. */
  noteLocalChange(): void {
    const wasPending = this.hasPending();
    this.changes++;
    if (!wasPending) this.persist();
  }

  /** A new WebSocket: frames of the old one will never be answered. */
  noteConnection(): void {
    this.inFlight = [];
    this.answered = 0;
  }

  /** A step 2 or update frame left on the current connection. */
  noteSent(): void {
    this.inFlight.push(this.changes);
  }

  /** One Saved: the server has stored what one of the frames sent brought. */
  noteSaved(): void {
    // Saved answers come in the order the frames were sent; once all are answered the
    // order does not matter, which is the only moment settle() trusts them.
    const tag = this.inFlight.shift();
    if (tag !== undefined && tag > this.answered) this.answered = tag;
  }

  /**
   * Clears the pending flag when the connection has synced, every frame sent on it has
   * its Saved, and those frames carried every local change.
   */
  settle(synced: boolean): void {
    if (this.hasPending() && synced && this.inFlight.length === 0 && this.answered >= this.changes) {
      this.confirmed = this.changes;
      this.persist();
    }
  }

  hasPending(): boolean {
    return this.changes > this.confirmed;
  }

  /** Forgets everything (the local copy was discarded). */
  clear(): void {
    this.confirmed = this.changes;
    this.inFlight = [];
    this.persist();
  }

  private persist(): void {
    try {
      if (this.hasPending()) localStorage.setItem(this.storageKey, 'dirty');
      else localStorage.removeItem(this.storageKey);
    } catch {
      // Storage full or disabled: tracking still works for this page.
    }
  }
}

/** A sync step 2 or update frame (y-websocket: varUint 0 = sync, then 1 = step 2, 2 = update). */
function isSyncWrite(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return bytes !== null && bytes.length > 1 && bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2);
}

/**
 * A WebSocket class for y-websocket's provider that tells the tracker about each new
 * connection and each step 2/update it sends (the provider has no hook for either).
 */
export function countingWebSocket(tracker: SaveTracker): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.noteConnection();
    }

    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (isSyncWrite(data)) tracker.noteSent();
      super.send(data);
    }
  };
}

/** Whether a transaction produced an update (Yjs emits 'update' under the same test). */
export function changedSomething(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}
