import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { YMessage, type ProtocolError, type WorkshopState } from '../../shared';
import type { BoardStore, FeedChange, StoredDocument } from '../store/board-store';
import type { Logger } from '../log';
import type { Principal } from './update-policy';
import { PersistQueue, type PersistEntry } from './persist-queue';
import { encodeAwarenessMessage, encodeUpdateMessage } from './messages';
import { FullSyncCache } from './full-sync-cache';
import { untilStoreAnswers } from './store-retry';
import { REMOTE_ORIGIN, SERVER_ORIGIN, type RoomHooks, type RoomOrigin, type RoomPeer } from './room-hooks';
import { DocViews } from './room-views';
import { arrive, judge, type JudgeRoom } from './room-judge';
import { applyStoredState } from './stored-load';
import type { StoredAnswer } from './stored-answer';
import { publishUpdateTrace, tracingUpdates, type PendingTrace } from './update-trace';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

export type { RoomPeer } from './room-hooks';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * One loaded board: its Yjs document, presence, and the connections on it. Every write
 * passes here: client updates are inspected and authorised before they touch the document,
 * applied in arrival order, written to the store, and only then sent to the other
 * connections — so nobody ever sees a change the store could still lose.
 */
export class BoardRoom implements JudgeRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  /** Yjs client id → principal key, cached from the store's atomic claims. */
  private readonly claims = new Map<number, string>();
  private inbox: Promise<unknown> = Promise.resolve();
  private readonly persist: PersistQueue<RoomPeer>;
  /** The settings and workshop state as the write rules read them. */
  readonly views = new DocViews(this.doc);
  readonly isClosing = (): boolean => this.closing;

  private constructor(
    readonly boardId: string,
    readonly docName: string,
    private readonly store: BoardStore,
    readonly log: Logger,
    compactAfterUpdates: number,
    /** What the room asks the features while it judges an update (room-hooks.ts). */
    readonly hooks: RoomHooks,
  ) {
    this.awareness.setLocalState(null); // the server itself is not present
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: RoomPeer | typeof REMOTE_ORIGIN | string | null) => {
      const update = encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      const message = encodeAwarenessMessage(update);
      for (const peer of this.peers) peer.send(message);
      if (origin !== REMOTE_ORIGIN) store.cluster?.publishPresence(boardId, update);
    });
    this.persist = new PersistQueue<RoomPeer>({
      append: (updates) => store.appendUpdates(docName, updates),
      compact: () => store.compactDocument(docName),
      compactAfterUpdates,
      log: log.child({ boardId }),
      onDurable: (entries) => this.onDurable(entries),
    });
  }

  /** From here on every change to the document is persisted, then broadcast. */
  private persistChanges(): void {
    this.views.observe();
    this.doc.on('update', (update: Uint8Array, origin: RoomOrigin) => {
      if (origin === REMOTE_ORIGIN) {
        // Another process stored it: it is durable, and only our own connections lack it.
        this.persist.markDurable(clocksOf(update));
        const message = encodeUpdateMessage(update);
        for (const peer of this.peers) peer.send(message);
        return;
      }
      const peer = origin !== null && origin !== SERVER_ORIGIN && this.peers.has(origin) ? origin : null;
      const clocks = peer
        ? this.pendingClocks
        : new Map([[this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID)]]);
      if (peer) this.pushedForPeer = true;
      const trace = peer && this.pendingTrace ? { ...this.pendingTrace, pushed: performance.now() } : undefined;
      this.persist.push({ update, origin: peer, clocks, trace });
    });
  }

  /** Set by receiveUpdate for the duration of one apply, read by the update handler above. */
  private pendingClocks = new Map<number, number>();
  private pendingTrace: PendingTrace | undefined;
  private pushedForPeer = false;

  /**
   * `onStored` sees the stored state as soon as it is read, before it is applied (new
   * devices can be answered with it meanwhile); the load waits for what it returns: when
   * it made the new devices' answer, that answer's updates, applied instead of the stored
   * bytes (the same document, already in pieces).
   */
  static async load(
    boardId: string,
    docName: string,
    store: BoardStore,
    log: Logger,
    compactAfterUpdates: number,
    onStored?: (stored: StoredDocument) => Promise<readonly Uint8Array[] | null> | readonly Uint8Array[] | null | void,
    hooks: RoomHooks = {},
  ): Promise<BoardRoom> {
    const room = new BoardRoom(boardId, docName, store, log, compactAfterUpdates, hooks);
    // The board's reservations load beside its document, so judging does not ask the store.
    const untrack = hooks.reservedIdeas?.track?.(boardId);
    if (untrack) room.onClose(untrack);
    // What other processes store meanwhile is applied after the stored state, not before it.
    let applied!: () => void;
    room.inbox = new Promise<void>((resolve) => (applied = resolve));
    // With several processes, follow the board's log from the state loaded, so every
    // update any process stores reaches this one, in order, with no gap.
    const stored = store.cluster
      ? await store.cluster.follow(docName, (change) => room.applyRemote(change))
      : await store.loadDocument(docName);
    if (store.cluster) {
      const unsubscribe = store.cluster.subscribePresence(boardId, (update) => applyAwarenessUpdate(room.awareness, update, REMOTE_ORIGIN));
      room.onClose(() => {
        unsubscribe();
        store.cluster?.unfollow(docName);
      });
    }
    try {
      try {
        const prepared = await onStored?.(stored);
        // Stored updates were checked when they arrived; applied in pieces, with turns between.
        await applyStoredState(room.doc, stored, undefined, prepared ?? null);
      } finally {
        applied();
      }
      room.persist.markDurable(Y.decodeStateVector(Y.encodeStateVector(room.doc)));
      room.persistChanges();
      await room.claimServerClientId();
    } catch (error) {
      // Nobody will close a room that never loaded: stop following the board's log here.
      await room.close();
      throw error;
    }
    return room;
  }

  /** Applies what other processes stored, in order with this process's own updates. */
  private applyRemote(change: FeedChange): void {
    this.inbox = this.inbox
      .then(() => {
        Y.transact(
          this.doc,
          () => {
            if (change.snapshot) Y.applyUpdate(this.doc, change.snapshot, REMOTE_ORIGIN);
            for (const update of change.updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
          },
          REMOTE_ORIGIN,
        );
      })
      .catch((error: unknown) => this.log.error({ err: error, boardId: this.boardId }, 'could not apply a stored update'));
  }

  /** Yjs client ids are claimed per document; the server's own must never be someone else's. */
  private async claimServerClientId(): Promise<void> {
    for (;;) {
      const owner = await this.store.claimClientId(this.docName, this.doc.clientID, SERVER_ORIGIN);
      if (owner === SERVER_ORIGIN) break;
      this.doc.clientID = Math.floor(Math.random() * 2 ** 31);
    }
    this.claims.set(this.doc.clientID, SERVER_ORIGIN);
  }

  /**
   * Inspects, authorises and applies one update from a peer. Resolves with the refusal, or
   * null once the update is applied (it is broadcast when durable). Serialised per room so
   * each update is judged against the document it will be applied to.
   */
  receiveUpdate(peer: RoomPeer, update: Uint8Array): Promise<ProtocolError | null> {
    const arrivedAt = tracingUpdates() ? performance.now() : 0;
    const arrived = arrive(this, update);
    const result = this.inbox.then(() => this.judgeAndApply(peer, arrived, arrivedAt));
    this.inbox = result.catch(() => undefined);
    return result;
  }

  private async judgeAndApply(peer: RoomPeer, arrived: ReturnType<typeof arrive>, arrivedAt: number): Promise<ProtocolError | null> {
    const judging = arrivedAt > 0 ? performance.now() : 0;
    const verdict = await judge(this, peer.principal, arrived);
    if (!('clocks' in verdict)) return verdict;
    if (verdict.noop) {
      // Already known (a resend after reconnect): acknowledge once what is known is durable.
      this.acknowledgeWhenFlushed(peer, verdict.clocks);
      return null;
    }
    this.pendingClocks = verdict.clocks;
    this.pushedForPeer = false;
    this.pendingTrace = arrivedAt > 0 ? { arrived: arrivedAt, judging, judged: performance.now(), pushed: 0 } : undefined;
    try {
      Y.applyUpdate(this.doc, arrived.update, peer);
    } finally {
      this.pendingClocks = new Map();
      this.pendingTrace = undefined;
    }
    // Deleting what is already deleted changes nothing and emits no update: still answer it.
    if (!this.pushedForPeer) this.acknowledgeWhenFlushed(peer, verdict.clocks);
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) {
      // The inspector refuses missing dependencies, so this would be a bug worth hearing about.
      this.log.error({ boardId: this.boardId }, 'update left pending structs after inspection');
    }
    return null;
  }

  /**
   * Claims a Yjs client id for `principal` (writing with it, or announcing it in awareness):
   * the first claim wins, in the store, so on every process. Whether the id is theirs.
   */
  async claimClientId(client: number, principal: Principal): Promise<boolean> {
    const key = `${principal.role}:${principal.participantId}`;
    const owner =
      this.claims.get(client) ??
      (await untilStoreAnswers(this.log, 'a client id claim', () => this.store.claimClientId(this.docName, client, key), () => this.closing));
    this.claims.set(client, owner);
    return owner === key;
  }

  /**
   * Writes as the server (settings, workshop state, moderation): persisted and broadcast
   * like any update; resolves with what `change` returned once it is durable. `change` runs
   * synchronously between client updates, so a read-modify-write inside it is atomic. It
   * must validate before it writes: a throw does not undo writes already made.
   */
  async writeAsServer<T>(change: (doc: Y.Doc) => T): Promise<T> {
    await this.inbox;
    let result!: T;
    this.doc.transact(() => {
      result = change(this.doc);
    }, SERVER_ORIGIN);
    await this.persist.flushed();
    return result;
  }

  /**
   * Says that an idea id of this board is about to be kept out of the document for its
   * author (silent writing, a contribution): call it before the store write, so no update
   * judged from now on, in any process, takes the id (IDEA_ID_TAKEN).
   */
  reserving(ideaId: string, authorId: string): void {
    this.hooks.reservedIdeas?.reserving?.(this.boardId, ideaId, authorId);
  }

  /** Runs `fn` when the room closes (timers and observers of capabilities that attached to it). */
  onClose(fn: () => void): void {
    this.closeHooks.push(fn);
  }
  private readonly closeHooks: Array<() => void> = [];
  /** Set by close(): store reads that wait for the store give up. */
  private closing = false;

  /** The workshop state, parsed once per change: the policy reads it for every update. */
  workshop(): WorkshopState {
    return this.views.workshop();
  }

  /**
   * Answers a sync step 1: what the document has beyond `stateVector` (v1; an empty one
   * for a device that has nothing), sent to `peer` once it is durable. Encoded now, so it
   * holds only what was applied so far, and sent from the persist queue the moment the
   * last of that is durable, in order with the broadcasts: a reader never waits for other
   * people's later writes, and is never sent a change the store could still lose.
   * Throws (before anything is sent) when the state vector cannot be read.
   */
  answerSync(peer: RoomPeer, stateVector: Uint8Array): void {
    let messages: Uint8Array[];
    if (stateVector.length === 1 && stateVector[0] === 0) {
      // A new device: everyone joining a board gets the same answer, cached.
      messages = this.fullSync.messages();
    } else {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, YMessage.Sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
      messages = [encoding.toUint8Array(encoder)];
    }
    this.persist.whenDurable(() => {
      for (const message of messages) peer.send(message);
    });
  }

  private readonly fullSync = new FullSyncCache(this.doc);

  /**
   * The answer the load made from the stored bytes for devices that joined meanwhile: kept
   * as the cached answer for the next new devices (FullSyncCache.adopt), when it still
   * hides everything the room has deleted. Whether it was taken.
   */
  adoptStoredAnswer(answer: StoredAnswer): boolean {
    return this.fullSync.adopt(answer);
  }

  /** Resolves when everything applied so far is durable (and so has been broadcast); later writes do not delay it. */
  flushed(): Promise<void> {
    return this.persist.flushed();
  }

  /** Whether everything applied so far is durable, right now (nothing waits in the persist queue). */
  get isSettled(): boolean {
    return this.persist.isEmpty;
  }

  get isIdle(): boolean {
    return this.peers.size === 0 && this.persist.isEmpty;
  }

  removePeer(peer: RoomPeer, awarenessClientId: number | null): void {
    this.peers.delete(peer);
    if (awarenessClientId !== null) removeAwarenessStates(this.awareness, [awarenessClientId], 'disconnect');
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const hook of this.closeHooks.splice(0)) hook();
    await this.inbox;
    await this.persist.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Everything that just became durable, in order: one message per peer (the updates merged),
   * then one Saved per accepted update message. A peer that sent some of the updates gets
   * the merged message too, its own included (Yjs ignores what it has; the reference server
   * echoes every update), unless it sent all of them.
   */
  private onDurable(entries: PersistEntry<RoomPeer>[]): void {
    const durable = tracingUpdates() ? performance.now() : 0;
    const only = entries[0]?.origin ?? null;
    const oneOrigin = entries.every((entry) => entry.origin === only) ? only : undefined;
    let peers = 0;
    if (this.peers.size > (oneOrigin && this.peers.has(oneOrigin) ? 1 : 0)) {
      const update = entries.length === 1 ? (entries[0] as PersistEntry<RoomPeer>).update : Y.mergeUpdates(entries.map((e) => e.update));
      const message = encodeUpdateMessage(update);
      for (const peer of this.peers) {
        if (peer === oneOrigin) continue;
        peer.send(message);
        peers++;
      }
    }
    for (const entry of entries) entry.origin?.acknowledge(entry.clocks, this.durableClockOf);
    if (durable > 0) {
      const sent = performance.now();
      for (const { trace } of entries) if (trace) publishUpdateTrace({ ...trace, durable, sent, batch: entries.length, peers });
    }
  }

  private readonly durableClockOf = (client: number): number => this.persist.durableClock(client);

  private acknowledgeWhenFlushed(peer: RoomPeer, clocks: ReadonlyMap<number, number>): void {
    this.persist.whenDurable(() => peer.acknowledge(clocks, this.durableClockOf));
  }
}

/** Per Yjs client, the clock an update brings it to. */
function clocksOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
}
