import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  CloseCode,
  ideasMap,
  readWorkshop,
  type BoardSettingsPatch,
  type Idea,
  type Identity,
  type ServerToClientEvents,
} from '../../shared';
import type { ApiResult } from '../rest/http';
import { useBoardStore, resetBoardContent, resetLive } from '../state/board-store';
import { initialSocialSession } from '../state/slices/social';
import type { CommandName, CommandPayload, CommandResult } from './command-channel';
import { adaptProvider } from './custom-messages';
import { buildIdea, createIdea, deleteIdea, updateIdea, type IdeaDraft, type IdeaPatch } from './idea-writes';
import { DeviceCopy, claimDeviceCopy } from './device-copy';
import { changedSomething, countingWebSocket, SaveTracker } from './save-tracker';
import { PageHandlers, type BoardSyncHandlers } from './page-handlers';
import { mirrorIntoStore } from './store-mirrors';
import { heardFromServer, watchNetwork } from './network-watch';
import { StoredIdeas } from './stored-ideas';
import { WorkshopSession } from './workshop-session';

/** Which board, as whom: all a sync needs to start. */
export interface BoardSyncOptions {
  boardId: string;
  sessionToken: string;
  identity: Identity;
}

/** One document's worth of live objects; replaced whole when the local copy is discarded. */
interface Live {
  doc: Y.Doc;
  persistence: DeviceCopy;
  provider: WebsocketProvider;
  tracker: SaveTracker;
  stop: () => void;
}

/** How a new idea went out: into the shared document, or hidden (silent writing). */
export type AddedIdea = { idea: Idea; hidden: boolean };

/** If IndexedDB never answers (broken browser storage), connect anyway after this long. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;

type ServerEvent = keyof ServerToClientEvents;
type AnyListener = (...args: never[]) => void;
interface ServerListener {
  event: ServerEvent;
  handler: AnyListener;
}
interface EventSocket {
  on: (event: string, handler: AnyListener) => void;
  off: (event: string, handler: AnyListener) => void;
}

/**
 * The socket.io socket a workshop session talks over, so server events it does not handle
 * (moderation:changed) are heard without a second connection per tab.
 */
function socketOf(session: WorkshopSession | null): EventSocket | null {
  return session ? (session.socket as unknown as EventSocket) : null;
}

/**
 * Keeps one board's Yjs document in sync: IndexedDB on the device, y-websocket to the
 * server, Samskab's Saved/Error messages, awareness, and the socket.io command channel of
 * the live workshop. The zustand store mirrors what happens; components never touch Yjs.
 * start() and stop() may alternate (React StrictMode mounts effects twice).
 */
export class BoardSync {
  private live: Live | null = null;
  private session: WorkshopSession | null = null;
  private lastError: { code: string; message: string } | null = null;
  /** Why the device copy was last discarded, for the text rescued after the fresh sync. */
  private lastRefusal: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Server events components listen to; attached to every session's socket as it opens. */
  private readonly serverListeners = new Set<ServerListener>();
  /**
   * New ideas not yet confirmed saved. If the server refuses a write (step, lock, silent writing), the
   * device copy is discarded; what of these the fresh copy lacks is given back, not lost.
   */
  private readonly pending: StoredIdeas;
  private readonly page = new PageHandlers();

  constructor(private readonly options: BoardSyncOptions) {
    this.pending = new StoredIdeas(`samskab.pending.${options.boardId}:${options.identity.participantId}`);
  }

  get identity(): Identity {
    return this.options.identity;
  }

  /** The session's token, for the board's REST calls (similar ideas, exports). */
  get sessionToken(): string {
    return this.options.sessionToken;
  }

  /** The page's handlers, until the function returned is called (page-handlers.ts). */
  bind(handlers: BoardSyncHandlers): () => void {
    return this.page.bind(handlers);
  }

  start(): void {
    if (this.live) return;
    resetBoardContent();
    useBoardStore.getState().setIdentity(this.options.identity);
    if (!this.session) {
      resetLive();
      useBoardStore.setState(initialSocialSession());
      this.session = new WorkshopSession(this.options.identity, this.options.sessionToken);
      const socket = socketOf(this.session);
      for (const { event, handler } of this.serverListeners) socket?.on(event, handler);
    }
    this.live = this.open();
    window.addEventListener('beforeunload', this.warnBeforeLeaving);
  }

  stop(): void {
    window.removeEventListener('beforeunload', this.warnBeforeLeaving);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.live?.stop();
    this.live = null;
    this.session?.close();
    this.session = null;
  }

  /**
   * While a change is not yet saved on the server, leaving the page asks first: the change is safe
   * in IndexedDB here, but a person closing the tab usually means to leave for good.
   */
  private readonly warnBeforeLeaving = (event: BeforeUnloadEvent): void => {
    const unsent = useBoardStore.getState().outbox.length > 0;
    if (!this.live?.tracker.hasPending() && !unsent) return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = true;
  };

  /** The live workshop's commands (votes, hidden ideas, the facilitator's controls). */
  get workshop(): WorkshopSession | null {
    return this.session;
  }

  /** Any command over the session's channel; "offline" while there is no session. */
  request<E extends CommandName>(event: E, ...payload: CommandPayload<E>): Promise<ApiResult<CommandResult<E>>> {
    if (!this.session) return Promise.resolve({ ok: false, offline: true });
    return this.session.request(event, ...payload);
  }

  /**
   * Listens to a server event on the command channel, across session restarts (React
   * StrictMode, a new sign-in). Returns the function that stops listening.
   */
  onServerEvent<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void {
    const entry: ServerListener = { event, handler: handler as AnyListener };
    this.serverListeners.add(entry);
    socketOf(this.session)?.on(event, entry.handler);
    return () => {
      this.serverListeners.delete(entry);
      socketOf(this.session)?.off(event, entry.handler);
    };
  }

  /**
   * Adds an idea: into the document, or, while silent writing is on, to the server's
   * hidden store through the outbox (the server would refuse it in the document).
   */
  addIdea(draft: IdeaDraft): AddedIdea | null {
    const { live, session } = this;
    if (!live) return null;
    if (readWorkshop(live.doc).silent && session) {
      const idea = buildIdea(live.doc, this.options.identity, draft);
      if (idea) session.submitHidden(idea);
      return idea ? { idea, hidden: true } : null;
    }
    const idea = createIdea(live.doc, this.options.identity, draft);
    if (idea) this.pending.put(idea);
    return idea ? { idea, hidden: false } : null;
  }

  updateIdea(id: string, patch: IdeaPatch): boolean {
    return this.live ? updateIdea(this.live.doc, id, patch) : false;
  }

  deleteIdea(id: string): void {
    if (!this.live) return;
    deleteIdea(this.live.doc, id);
    this.pending.remove(id);
  }

  /** Tells the others which idea this person has open (awareness `editing`). */
  setEditing(ideaId: string | null): void {
    this.live?.provider.awareness.setLocalStateField('editing', ideaId);
  }

  updateSettings(patch: BoardSettingsPatch) {
    if (!this.session) return Promise.resolve({ ok: false as const, offline: true as const });
    return this.session.request('board:updateSettings', patch);
  }

  private open(): Live {
    const { boardId, identity, sessionToken } = this.options;
    const store = useBoardStore.getState();
    const doc = new Y.Doc();
    const deviceKey = `${boardId}:${identity.participantId}`;
    // The device copy: local updates are written at once, remote ones in an idle moment (device-copy.ts).
    const hasCopy = claimDeviceCopy(`samskab.${deviceKey}`);
    const persistence = new DeviceCopy(`samskab:${deviceKey}`, doc);
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

    // A new awareness state has clock 0, which y-protocols ignores as "not newer": bump it once.
    provider.awareness.setLocalStateField('editing', null);

    const refreshPending = () => {
      tracker.settle(provider.synced);
      const pending = tracker.hasPending();
      // Saved covers every local change: no new idea can be lost any more. The tracker
      // only settles on Saved answers, so nothing else clears this backup.
      if (!pending && provider.synced) this.pending.clear();
      if (pending !== useBoardStore.getState().connection.pending) store.setConnection({ pending });
    };

    adaptProvider(provider, {
      onSaved: () => {
        heardFromServer();
        tracker.noteSaved();
        refreshPending();
      },
      onError: (code, message) => {
        this.lastError = { code, message };
      },
    });

    // afterTransaction runs before y-websocket's 'update' handler sends the change, so the
    // change is numbered before the frame that carries it is tagged (save-tracker.ts).
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.local && transaction.origin !== persistence && changedSomething(transaction)) {
        tracker.noteLocalChange();
      }
      refreshPending();
    };
    doc.on('afterTransaction', onTransaction);

    provider.on('status', ({ status }) => store.setConnection({ socket: status }));
    const unwatchNetwork = watchNetwork(() => provider.wsconnected && provider.ws?.close());
    provider.on('sync', (synced) => {
      if (!synced) {
        store.setConnection({ synced });
        refreshPending();
        return;
      }
      heardFromServer();
      // Before refreshPending, which forgets the pending ideas once everything is saved.
      this.rescueLostIdeas(doc);
      // The first sync is complete: its pieces reach the store in one change, in a task of its own
      // (the store change renders synchronously). The store says synced once they are in it, so
      // an empty list never reads as "no ideas yet" while they are on their way.
      setTimeout(() => {
        mirror.flush(() => {
          if (!provider.synced || this.live?.provider !== provider) return;
          store.setConnection({ synced: true, failedAttempts: 0 });
          store.setProblem(null);
          refreshPending();
        });
      }, 0);
    });
    provider.on('connection-close', (event) => {
      store.setConnection({ failedAttempts: useBoardStore.getState().connection.failedAttempts + 1 });
      if (event) this.handleClose(event.code);
    });

    const mirror = mirrorIntoStore(doc, provider, store, (ideas) => this.page.remoteAdded(ideas));

    let connected = false;
    const connect = () => {
      if (connected || this.live?.provider !== provider) return;
      connected = true;
      store.setConnection({ localLoaded: true });
      refreshPending();
      provider.connect();
    };
    // Show the device copy first, then connect: unsaved local edits go out in the first sync.
    // A session new on this device has no copy to wait for (once this Live is in place).
    if (!hasCopy) queueMicrotask(connect);
    else void persistence.whenSynced.then(connect);
    const fallback = setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);

    return {
      doc,
      persistence,
      provider,
      tracker,
      stop: () => {
        clearTimeout(fallback);
        unwatchNetwork();
        mirror.stop();
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
        this.page.closed('session-invalid');
        break;
      case CloseCode.BOARD_NOT_FOUND:
        this.page.closed('board-not-found');
        break;
      case CloseCode.FORBIDDEN:
        this.lastRefusal = lastError?.code ?? null;
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
   * After a sync, the document holds everything the server has plus this device's unsaved
   * changes. A pending new idea missing from it was dropped with a refused device copy:
   * resend it hidden when silent writing is on (same id, so never twice), otherwise put
   * its text back in the composer.
   */
  private rescueLostIdeas(doc: Y.Doc): void {
    const pending = this.pending.load();
    const lost = pending.filter((idea) => !ideasMap(doc).has(idea.id));
    if (lost.length === 0) return;
    this.pending.save(pending.filter((idea) => ideasMap(doc).has(idea.id)));
    const code = this.lastRefusal ?? 'generic';
    this.lastRefusal = null;
    if (readWorkshop(doc).silent && this.session) {
      for (const idea of lost) this.session.submitHidden(idea);
    } else {
      useBoardStore.getState().rescueText(
        lost.map((idea) => idea.text),
        code,
      );
    }
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
