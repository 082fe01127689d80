/**
 * Knows whether every change made on this device is durably saved on the server.
 *
 * The server answers every sync step 2 and update message it accepts on a connection with
 * exactly one Saved message, once everything that message brought is in the store; and it
 * sends its own sync step 2 only once everything it holds is durable (docs/PROTOCOL.md).
 * So: local changes are safe when the connection has synced and every step 2/update sent
 * on it has had its Saved. Until then they are pending; the flag is persisted beside the
 * IndexedDB copy, because a reload brings the unsaved changes back from there.
 */
export class SaveTracker {
  private dirty = false;
  private sent = 0;
  private saved = 0;

  constructor(private readonly storageKey: string) {
    try {
      this.dirty = localStorage.getItem(storageKey) === 'dirty';
    } catch {
      // Unknown: treat as clean; the next change marks it dirty again.
    }
  }

  /** A local change to the document: pending until confirmed. */
  noteLocalChange(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.persist();
  }

  /** A new WebSocket: its messages and Saved answers are counted afresh. */
  noteConnection(): void {
    this.sent = 0;
    this.saved = 0;
  }

  noteSent(): void {
    this.sent++;
  }

  noteSaved(): void {
    this.saved++;
  }

  /** Clears the pending flag when the connection has synced and answered everything sent. */
  settle(synced: boolean): void {
    if (this.dirty && synced && this.saved >= this.sent) {
      this.dirty = false;
      this.persist();
    }
  }

  hasPending(): boolean {
    return this.dirty;
  }

  /** Forgets everything (the local copy was discarded). */
  clear(): void {
    this.dirty = false;
    this.persist();
  }

  private persist(): void {
    try {
      if (this.dirty) localStorage.setItem(this.storageKey, 'dirty');
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
