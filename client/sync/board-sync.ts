import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, type BoardSettingsPatch, type Idea, type Identity } from '../../shared';
import { useBoardStore, resetBoardContent } from '../state/board-store';
import { adaptProvider } from './custom-messages';
import { createIdea, deleteIdea, updateIdea, type IdeaDraft, type IdeaPatch } from './idea-writes';
import { mirrorDocument } from './mirror';
import { watchPresence } from './presence';
import { countingWebSocket, SaveTracker } from './save-tracker';
import { SettingsChannel } from './settings-channel';

export interface BoardSyncOptions {
  boardId: string;
  sessionToken: string;
  identity: Identity;
  /** The session is no longer valid (close 4401): the page asks the person to join again. */
  onSessionInvalid: () => void;
  onBoardNotFound: () => void;
  /** Ideas others added while we were live, for the polite live region. */
  onRemoteAdded?: (ideas: Idea[]) => void;
}

/** One document's worth of live objects; replaced whole when the local copy is discarded. */
interface Live {
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  provider: WebsocketProvider;
  tracker: SaveTracker;
  stop: () => void;
}

/** If IndexedDB never answers (broken browser storage), connect anyway after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;

/**
 * Keeps one board's Yjs document in sync: IndexedDB on the device, y-websocket to the
 * server, Samskab's Saved/Error messages, awareness, and (for facilitators) the socket.io
 * settings channel. The zustand store mirrors what happens; components never touch Yjs.
 * start() and stop() may alternate (React StrictMode mounts effects twice).
 */
export class BoardSync {
  private live: Live | null = null;
  private settings: SettingsChannel | null = null;
  private lastError: { code: string; message: string } | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: BoardSyncOptions) {}

  get identity(): Identity {
    return this.options.identity;
  }

  start(): void {
    if (this.live) return;
    resetBoardContent();
    useBoardStore.getState().setIdentity(this.options.identity);
    this.live = this.open();
    if (this.options.identity.role === 'facilitator' && !this.settings) {
      this.settings = new SettingsChannel(this.options.sessionToken);
    }
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.live?.stop();
    this.live = null;
    this.settings?.close();
    this.settings = null;
  }

  addIdea(draft: IdeaDraft): Idea | null {
    return this.live ? createIdea(this.live.doc, this.options.identity, draft) : null;
  }

  updateIdea(id: string, patch: IdeaPatch): boolean {
    return this.live ? updateIdea(this.live.doc, id, patch) : false;
  }

  deleteIdea(id: string): void {
    if (this.live) deleteIdea(this.live.doc, id);
  }

  /** Tells the others which idea this person has open (awareness `editing`). */
  setEditing(ideaId: string | null): void {
    this.live?.provider.awareness.setLocalStateField('editing', ideaId);
  }

  updateSettings(patch: BoardSettingsPatch) {
    if (!this.settings) return Promise.resolve({ ok: false as const, offline: true as const });
    return this.settings.updateSettings(patch);
  }

  private open(): Live {
    const { boardId, identity, sessionToken } = this.options;
    const store = useBoardStore.getState();
    const doc = new Y.Doc();
    const deviceKey = `${boardId}:${identity.participantId}`;
    const persistence = new IndexeddbPersistence(`samskab:${deviceKey}`, doc);
    const tracker = new SaveTracker(`samskab.unsaved.${deviceKey}`);
    const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
    const provider = new WebsocketProvider(wsBase, boardId, doc, {
      connect: false,
      params: { session: sessionToken },
      // Tabs sync through the server: a tab must never forward another session's edits,
      // which the server would refuse as forged.
      disableBc: true,
      WebSocketPolyfill: countingWebSocket(tracker),
    });

    // A new awareness state has clock 0, which y-protocols ignores as "not newer" on the
    // receiving side: bump it once so this person shows up in presence straight away.
    provider.awareness.setLocalStateField('editing', null);

    const refreshPending = () => {
      tracker.settle(provider.synced);
      const pending = tracker.hasPending();
      if (pending !== useBoardStore.getState().connection.pending) store.setConnection({ pending });
    };

    adaptProvider(provider, {
      onSaved: () => {
        tracker.noteSaved();
        refreshPending();
      },
      onError: (code, message) => {
        this.lastError = { code, message };
      },
    });

    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.local && transaction.origin !== persistence) tracker.noteLocalChange();
      refreshPending();
    };
    doc.on('afterTransaction', onTransaction);

    provider.on('status', ({ status }) => store.setConnection({ socket: status }));
    provider.on('sync', (synced) => {
      store.setConnection(synced ? { synced, failedAttempts: 0 } : { synced });
      if (synced) store.setProblem(null);
      refreshPending();
    });
    provider.on('connection-close', (event) => {
      store.setConnection({ failedAttempts: useBoardStore.getState().connection.failedAttempts + 1 });
      if (event) this.handleClose(event.code);
    });

    const stopMirror = mirrorDocument(doc, {
      replaceIdeas: store.replaceIdeas,
      applyIdeas: store.applyIdeas,
      setSettings: store.setSettings,
      onRemoteAdded: (ideas) => {
        // The first sync after (re)connecting brings everything missed; only live news is announced.
        if (provider.synced) this.options.onRemoteAdded?.(ideas);
      },
    });
    const stopPresence = watchPresence(provider.awareness, store.setPresent);

    let connected = false;
    const connect = () => {
      if (connected || this.live?.provider !== provider) return;
      connected = true;
      store.setConnection({ localLoaded: true });
      refreshPending();
      provider.connect();
    };
    // Show the device copy first, then connect: unsaved local edits go out in the first sync.
    void persistence.whenSynced.then(connect);
    const fallback = setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);

    return {
      doc,
      persistence,
      provider,
      tracker,
      stop: () => {
        clearTimeout(fallback);
        stopMirror();
        stopPresence();
        doc.off('afterTransaction', onTransaction);
        provider.destroy();
        void persistence.destroy();
        doc.destroy();
      },
    };
  }

  private handleClose(code: number): void {
    const store = useBoardStore.getState();
    const lastError = this.lastError;
    this.lastError = null;
    switch (code) {
      case CloseCode.UNAUTHENTICATED:
        this.options.onSessionInvalid();
        break;
      case CloseCode.BOARD_NOT_FOUND:
        this.options.onBoardNotFound();
        break;
      case CloseCode.FORBIDDEN:
        store.setProblem({ kind: 'refused', code: lastError?.code ?? null, message: lastError?.message ?? '' });
        void this.discardLocalCopy();
        break;
      case CloseCode.TOO_LARGE:
        store.setProblem({ kind: 'too-large' });
        void this.discardLocalCopy();
        break;
      case CloseCode.PROTOCOL_ERROR:
        store.setProblem({ kind: 'protocol' });
        break;
      case CloseCode.RATE_LIMITED:
        store.setProblem({ kind: 'rate-limited' });
        this.retryLater(5000);
        break;
      case CloseCode.MISSING_DEPENDENCY:
        // A fresh sync computes the difference from the server's state vector, which fixes it.
        this.retryLater(1000);
        break;
      default:
      // Other codes (1001 going away, 1013 try later, network drops): the provider retries.
    }
  }

  private retryLater(ms: number): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.live?.provider.connect();
    }, ms);
  }

  /**
   * The server refused something in our document and nothing we resend can change that:
   * drop the device copy (and with it the refused change) and load the board afresh.
   */
  private async discardLocalCopy(): Promise<void> {
    const old = this.live;
    if (!old) return;
    this.live = null;
    old.stop();
    old.tracker.clear();
    await old.persistence.clearData();
    const problem = useBoardStore.getState().problem;
    this.start();
    useBoardStore.getState().setProblem(problem);
  }
}
