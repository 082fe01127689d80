import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, ErrorCode, LIMITS, YMessage, YSyncStep, type Identity, type ProtocolError } from '../../shared';
import type { Logger } from '../log';
import type { BoardRoom, RoomPeer } from './board-room';
import type { Principal } from './update-policy';
import { encodeAwarenessMessage, encodeErrorMessage, encodeSavedMessage, KEEPALIVE_MESSAGE } from './messages';
import { guardAwareness } from './awareness-guard';
import { writeFrame } from './ws-frames';

const KEEPALIVE_MS = 15_000;
/** Updates that may wait for their dependencies on one connection (see park()). */
const MAX_PARKED = 256;
/** How long parked updates wait before the server asks for what they lack (a sync step 1). */
const RESYNC_AFTER_MS = 1_000;
/**
 * How long they wait after that for the client's answer before the connection is refused
 * with MISSING_DEPENDENCY: generous, since a large offline backlog on a slow phone network
 * may still be arriving. A step 2 that arrives sooner settles it sooner (handleSync).
 */
const GIVE_UP_AFTER_MS = 8_000;

const CLOSE_FOR: Partial<Record<ProtocolError['code'], CloseCode>> = {
  [ErrorCode.INVALID_UPDATE]: CloseCode.PROTOCOL_ERROR,
  [ErrorCode.MISSING_DEPENDENCY]: CloseCode.MISSING_DEPENDENCY,
  [ErrorCode.TOO_LARGE]: CloseCode.TOO_LARGE,
  // Too many new ideas (idea-gate.ts): the client keeps them and syncs again later.
  [ErrorCode.RATE_LIMITED]: CloseCode.RATE_LIMITED,
};

/** What happened on a connection while its board loaded (yjs-endpoint.ts, EarlyJoin). */
export interface EarlyStart {
  /** Frames read meanwhile, in order, not yet handled (null: a text frame). */
  frames: Array<Uint8Array | null>;
  /**
   * Set when the first frame, a sync step 1 with an empty state vector, was answered ahead
   * with the stored state (as updates): the state vector of what was sent.
   */
  sent: Uint8Array | null;
}

/**
 * One y-websocket connection on one board. Speaks y-websocket's protocol (sync and
 * awareness) plus Samskab's Saved and Error messages. Messages are handled one at a time in
 * arrival order; a refused update is answered with an Error message and a close code, never
 * dropped silently (a dropped Yjs update would leave every later one from that client pending).
 */
export class YjsConnection implements RoomPeer {
  readonly principal: Principal;
  private chain: Promise<void> = Promise.resolve();
  private awarenessClientId: number | null = null;
  /** The lowest clock this connection's awareness states go out with (see handleAwareness). */
  private awarenessClockFloor = 0;
  private readonly parked: Uint8Array[] = [];
  /** Runs while updates are parked: first a resync request, then the refusal (see park()). */
  private parkTimer: NodeJS.Timeout | null = null;
  private resyncRequested = false;
  /** The client's Yjs document id: its awareness id (y-websocket uses the same), or the first it wrote with. */
  private yjsClientId: number | null = null;
  private closed = false;
  private alive = true;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: BoardRoom,
    private readonly identity: Identity,
    private readonly log: Logger,
    private readonly onClose: () => void,
    /** A client that stops reading is dropped before its backlog costs the server real memory. */
    private readonly maxBufferedBytes: number,
    early?: EarlyStart,
  ) {
    this.principal = {
      participantId: identity.participantId,
      role: identity.role,
      displayName: identity.displayName,
      contributorType: identity.contributorType,
      organisation: identity.organisation,
    };
    room.peers.add(this);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.enqueue(() => this.handle(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null));
    });
    ws.on('close', () => this.teardown());
    ws.on('pong', () => {
      this.alive = true;
    });
    this.timer = setInterval(() => this.keepAlive(), KEEPALIVE_MS);
    this.timer.unref();
    this.greet();
    const frames = early?.frames ?? [];
    const sent = early?.sent;
    if (sent) this.enqueue(() => this.catchUp(sent));
    for (const frame of sent ? frames.slice(1) : frames) this.enqueue(() => this.handle(frame));
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.log.warn({ boardId: this.room.boardId }, 'dropping a connection that stopped reading');
      this.ws.terminate();
      return;
    }
    writeFrame(this.ws, message);
  }

  /** One Saved message per accepted update message, naming this client's Yjs id. */
  acknowledge(clocks: ReadonlyMap<number, number>, durableClock: (client: number) => number): void {
    this.yjsClientId ??= clocks.keys().next().value ?? null;
    const client = this.yjsClientId ?? 0;
    this.send(encodeSavedMessage(client, durableClock(client)));
  }

  /** The server speaks first: its state vector (so the client sends what it lacks) and presence. */
  private greet(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessage.Sync);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      this.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()])));
    }
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      this.log.warn({ err: error }, 'yjs message failed');
      this.fail({ code: ErrorCode.INTERNAL, message: 'The message could not be handled.' }, CloseCode.PROTOCOL_ERROR);
    });
  }

  /**
   * The client's first sync step 1 was answered ahead with the stored state while the board
   * loaded; since then load hooks, other processes and other clients may have written. The
   * step 2 it waits for is what the room has beyond what was sent, once that is durable.
   */
  private catchUp(sent: Uint8Array): void {
    if (this.closed) return;
    this.room.answerSync(this, sent);
  }

  private async handle(bytes: Uint8Array | null): Promise<void> {
    if (this.closed) return;
    if (!bytes || bytes.length === 0) {
      return this.fail({ code: ErrorCode.BAD_REQUEST, message: 'Messages are binary y-websocket frames.' }, CloseCode.PROTOCOL_ERROR);
    }
    const decoder = decoding.createDecoder(bytes);
    let type: number;
    try {
      type = decoding.readVarUint(decoder);
    } catch {
      return this.fail({ code: ErrorCode.BAD_REQUEST, message: 'Unreadable message.' }, CloseCode.PROTOCOL_ERROR);
    }
    switch (type) {
      case YMessage.Sync:
        return this.handleSync(decoder);
      case YMessage.Awareness:
        return this.handleAwareness(decoder);
      case YMessage.QueryAwareness: {
        const states = [...this.room.awareness.getStates().keys()];
        this.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, states)));
        return;
      }
      default:
        return this.fail({ code: ErrorCode.BAD_REQUEST, message: `Unknown message type ${type}.` }, CloseCode.PROTOCOL_ERROR);
    }
  }

  private async handleSync(decoder: decoding.Decoder): Promise<void> {
    let subType: number;
    let payload: Uint8Array;
    try {
      subType = decoding.readVarUint(decoder);
      payload = decoding.readVarUint8Array(decoder);
    } catch {
      return this.fail({ code: ErrorCode.BAD_REQUEST, message: 'Unreadable sync message.' }, CloseCode.PROTOCOL_ERROR);
    }
    if (subType === YSyncStep.Step1) {
      // Answered only with durable state (a client must never hold what a crash could take
      // back): encoded now, sent once all of it is durable (BoardRoom.answerSync).
      try {
        this.room.answerSync(this, payload);
      } catch {
        return this.fail({ code: ErrorCode.BAD_REQUEST, message: 'Unreadable state vector.' }, CloseCode.PROTOCOL_ERROR);
      }
      return;
    }
    if (subType !== YSyncStep.Step2 && subType !== YSyncStep.Update) {
      return this.fail({ code: ErrorCode.BAD_REQUEST, message: `Unknown sync message ${subType}.` }, CloseCode.PROTOCOL_ERROR);
    }
    const refusal = await this.room.receiveUpdate(this, payload);
    if (refusal?.code === ErrorCode.MISSING_DEPENDENCY && this.park(payload)) return;
    if (refusal) return this.fail(refusal, CLOSE_FOR[refusal.code] ?? CloseCode.FORBIDDEN);
    await this.retryParked();
    // A step 2 holds everything its sender has beyond the server's state (y-websocket sends
    // one after the server's step 1, and after a resync request): once one has been handled
    // since the resync request, what still waits will never be completed.
    if (subType === YSyncStep.Step2 && this.resyncRequested && this.parked.length > 0) this.refuseParked();
  }

  /**
   * y-websocket sends local edits as soon as the socket opens, before its sync step 2 has
   * delivered the offline edits they build on. Such an update waits here, bounded, until its
   * dependencies arrive on this connection; on close it is dropped, and the client resends it
   * with its next sync. Every update still gets an answer soon: if the dependencies do not
   * arrive, the server asks for them (a sync step 1, which y-websocket answers with a step 2
   * holding everything the server lacks), and if that does not bring them, refuses the
   * connection with MISSING_DEPENDENCY.
   */
  private park(update: Uint8Array): boolean {
    const bytes = this.parked.reduce((sum, u) => sum + u.length, update.length);
    if (this.parked.length >= MAX_PARKED || bytes > LIMITS.messageBytes) return false;
    this.parked.push(update);
    this.parkTimer ??= this.parkedCheck(RESYNC_AFTER_MS);
    return true;
  }

  /** Checked in turn with the connection's messages, so one already received is handled first. */
  private parkedCheck(ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.enqueue(() => this.parkedTooLong()), ms);
    timer.unref();
    return timer;
  }

  private parkedTooLong(): void {
    this.parkTimer = null;
    if (this.closed) return;
    if (this.parked.length === 0) {
      this.resyncRequested = false;
      return;
    }
    if (!this.resyncRequested) {
      this.resyncRequested = true;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, YMessage.Sync);
      syncProtocol.writeSyncStep1(encoder, this.room.doc);
      this.send(encoding.toUint8Array(encoder));
      this.parkTimer = this.parkedCheck(GIVE_UP_AFTER_MS);
      return;
    }
    this.refuseParked();
  }

  private refuseParked(): void {
    const count = this.parked.length;
    this.fail(
      { code: ErrorCode.MISSING_DEPENDENCY, message: `${count} update${count === 1 ? '' : 's'} depend on state this connection never sent.` },
      CloseCode.MISSING_DEPENDENCY,
    );
  }

  private async retryParked(): Promise<void> {
    for (let progress = true; progress && this.parked.length > 0; ) {
      progress = false;
      for (const update of [...this.parked]) {
        const refusal = await this.room.receiveUpdate(this, update);
        if (refusal?.code === ErrorCode.MISSING_DEPENDENCY) continue;
        this.parked.splice(this.parked.indexOf(update), 1);
        if (refusal) return this.fail(refusal, CLOSE_FOR[refusal.code] ?? CloseCode.FORBIDDEN);
        progress = true;
      }
    }
    if (this.parked.length === 0 && this.parkTimer) {
      clearTimeout(this.parkTimer);
      this.parkTimer = null;
      this.resyncRequested = false;
    }
  }

  private async handleAwareness(decoder: decoding.Decoder): Promise<void> {
    const result = guardAwareness(decoder, { boundClientId: this.awarenessClientId, identity: this.identity });
    if (!result.ok) return this.fail(result.error, result.error.code === ErrorCode.TOO_LARGE ? CloseCode.TOO_LARGE : CloseCode.PROTOCOL_ERROR);
    if (result.clientId === null) return; // only echoes of other clients' presence
    if (this.awarenessClientId === null) {
      let refusal: ProtocolError | null;
      try {
        refusal = await this.bindClientId(result.clientId);
      } catch (error) {
        this.log.warn({ err: error, boardId: this.room.boardId }, 'could not claim an awareness client id');
        return this.fail({ code: ErrorCode.STORE_UNAVAILABLE, message: 'Try again shortly.' }, CloseCode.TRY_AGAIN_LATER);
      }
      if (refusal) return this.fail(refusal, CloseCode.CLIENT_ID_CONFLICT);
      if (this.closed) return;
      // A client back after a drop announces the clock it had, which everyone has already
      // seen, with its removal, when the old connection closed: y-protocols ignores a clock
      // that is not higher, so it would stay invisible until its next change (up to 15 s).
      // Its states go out with at least the next clock. (Not clock + offset: y-protocols
      // adopts the higher clock it hears for its own id and y-websocket sends it back, which
      // an offset would raise again, for ever. At the floor, that echo is a no-op.)
      const seen = this.room.awareness.meta.get(result.clientId)?.clock;
      this.awarenessClockFloor = seen === undefined ? 0 : seen + 1;
    }
    if (this.closed) return;
    this.yjsClientId ??= result.clientId;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, result.encode(this.awarenessClockFloor), this);
  }

  /**
   * Presence shows every client id, so anyone can announce someone else's. An id belongs to
   * the session that first announced or wrote with it (a claim in the store, so on every
   * process): anyone else is refused on this connection only, with a close the provider
   * retries on, so a stranger cannot take an id over while its owner is offline, and the
   * owner's reconnect always works.
   */
  private async bindClientId(clientId: number): Promise<ProtocolError | null> {
    const taken: ProtocolError = { code: ErrorCode.CLIENT_ID_TAKEN, message: `Awareness client id ${clientId} belongs to another session.` };
    if (!(await this.room.claimClientId(clientId, this.principal))) return taken;
    const holder = [...this.room.peers].find((p): p is YjsConnection => p !== this && p instanceof YjsConnection && p.awarenessClientId === clientId);
    if (holder) {
      // Only the same session can hold it (the claim says so). Its device, back after losing
      // its network before the server noticed the old connection die (keepalive takes up
      // to 30 s): the new connection takes over.
      if (holder.principal.participantId !== this.principal.participantId || holder.principal.role !== this.principal.role) return taken;
      holder.replaced();
    }
    this.awarenessClientId = clientId;
    return null;
  }

  private keepAlive(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
    this.send(KEEPALIVE_MESSAGE);
  }

  private fail(error: ProtocolError, code: CloseCode): void {
    if (this.closed) return;
    this.log.info({ boardId: this.room.boardId, code: error.code, role: this.principal.role }, 'closing yjs connection: %s', error.message);
    this.send(encodeErrorMessage(error.code, error.message));
    this.ws.close(code, error.code);
    this.teardown();
  }

  /**
   * Another connection of the same session took over this one's client id. Torn down now,
   * not when the dead socket's close arrives, so that removing its presence cannot wipe
   * the presence the new connection is about to announce under the same id.
   */
  private replaced(): void {
    if (this.closed) return;
    this.log.info({ boardId: this.room.boardId }, 'a reconnect of the same session replaced a silent yjs connection');
    this.ws.terminate();
    this.teardown();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (this.parkTimer) clearTimeout(this.parkTimer);
    this.room.removePeer(this, this.awarenessClientId);
    this.onClose();
  }
}
