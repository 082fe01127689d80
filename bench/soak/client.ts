import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { ErrorCode, YMessage, YSyncStep, ideasMap, type Ack, type IdeaMap, type MyVotes } from '../../shared';
import { addIdea, ideaText, ideasOf, moveIdea, QUESTION } from '../lib/ideas';
import type { MetaCache } from '../lib/op-tracker';
import { sleep } from '../lib/proc';
import type { Seat, Target } from '../lib/targets';
import { WireClient } from '../lib/wire-client';
import { connectSocket } from '../load/votes';
import type { SoakTracker } from './tracker';

/**
 * One participant for the whole soak: a Y.Doc kept across reconnects (like the web client's
 * document with its IndexedDB copy), a Yjs connection, a socket.io connection for votes,
 * and presence. It goes offline when told to, writes while offline now and then, and comes
 * back with the same session, document and client id, retrying with y-websocket's backoff
 * when the server turns it away.
 */

type BenchSocket = Awaited<ReturnType<typeof connectSocket>>;
export type DisconnectMode = 'closed' | 'lost';

const SYNC_TIMEOUT_MS = 15_000;
const VOTE_TIMEOUT_MS = 5_000;
/** y-websocket's reconnect backoff: 100 ms doubling up to maxBackoffTime (2.5 s). */
const BACKOFF_MAX_MS = 2_500;
/** A silent connection the server has not dropped by then is closed by us (no leak in the load process). */
const LOST_CLEANUP_MS = 45_000;
/** Own ideas a person keeps; beyond it they delete their oldest, so boards stay a workshop's size over an hour. */
export const MAX_OWN_IDEAS = 6;
/** Refusals the workload asks for: a vote beyond the budget or the per-idea cap. */
const BUDGET_CODES = new Set<string>([ErrorCode.NO_VOTES_LEFT, ErrorCode.IDEA_VOTE_LIMIT]);

export class SoakClient {
  readonly doc = new Y.Doc();
  private wire: WireClient | null = null;
  private socket: BenchSocket | null = null;
  private wantOnline = false;
  private awarenessClock = 0;
  private errorsSeen = 0;
  private readonly own: string[] = [];
  private votes: Record<string, number> = {};
  private remaining = 0;
  private voteBusy = false;
  online = false;
  savedClock = 0;

  constructor(
    readonly seat: Seat,
    private readonly target: Target,
    private readonly tracker: SoakTracker,
    private readonly cache: MetaCache,
  ) {}

  /** Online until told otherwise; resolves once synced (Yjs) and connected (socket.io), retrying as a browser would. */
  async goOnline(): Promise<void> {
    this.wantOnline = true;
    for (let attempt = 0; this.wantOnline; attempt++) {
      if (await this.tryConnect()) {
        this.online = true;
        return;
      }
      if (this.wantOnline) this.tracker.refusedAttempts++;
      await sleep(Math.min(BACKOFF_MAX_MS, 100 * 2 ** attempt));
    }
  }

  private async tryConnect(): Promise<boolean> {
    let settle!: (outcome: 'synced' | 'closed' | 'timeout') => void;
    const outcome = new Promise<'synced' | 'closed' | 'timeout'>((resolve) => (settle = resolve));
    const wire = new WireClient(this.seat.endpoint, this.doc, {
      onUpdate: (update, frame) => {
        // A lost connection we finally close hands over what it buffered while silent: not live.
        if (wire !== this.wire) return;
        // y-protocols framing: [Sync][step][payload]; step 2 answers our state vector, Update is a live broadcast.
        if (frame[1] === YSyncStep.Step2) settle('synced');
        else if (frame[1] === YSyncStep.Update) this.tracker.observe(this.cache.get(update, frame), performance.now());
      },
      onSaved: (client, clock) => {
        if (client === this.doc.clientID) this.savedClock = Math.max(this.savedClock, clock);
      },
      onClose: (code) => {
        settle('closed');
        this.closed(wire, code);
      },
    });
    this.wire = wire;
    this.errorsSeen = 0;
    const timer = setTimeout(() => settle('timeout'), SYNC_TIMEOUT_MS);
    try {
      await wire.opened.then(() => this.sendPresence(null)).catch(() => undefined);
      const result = await outcome;
      // A close was counted by closed(); a server that never answers is an error of its own.
      if (result === 'timeout') this.tracker.error('yjs:SYNC_TIMEOUT');
      if (result !== 'synced') {
        this.drop('closed');
        return false;
      }
    } finally {
      clearTimeout(timer);
    }
    try {
      const socket = await this.connectVotes();
      // Synced, then turned away (the awareness guard answers after sync step 2): not online.
      if (this.wire !== wire || !wire.isOpen) {
        socket.close();
        this.drop('closed');
        return false;
      }
      this.socket = socket;
      return true;
    } catch (error) {
      const code = (error as { data?: { code?: string } }).data?.code ?? (error instanceof Error ? error.message.slice(0, 40) : String(error));
      this.tracker.error(`socket-connect:${code}`);
      this.drop('closed');
      return false;
    }
  }

  private async connectVotes(): Promise<BenchSocket> {
    const socket = await connectSocket(this.target, this.seat.session as string);
    socket.on('disconnect', (reason) => {
      if (socket === this.socket && reason !== 'io client disconnect') {
        this.tracker.error(`socket:${reason}`);
        this.socket = null;
      }
    });
    // Another of this person's sockets voted (or a merge moved votes): keep the budget right.
    socket.on('votes:mine', (mine) => {
      if (mine.questionId === QUESTION.vote) this.takeVotes(mine);
    });
    try {
      const ack = (await socket.timeout(VOTE_TIMEOUT_MS).emitWithAck('votes:mine', { questionId: QUESTION.vote })) as Ack<MyVotes>;
      if (ack.ok) this.takeVotes(ack.data);
      else this.tracker.error(`vote:${ack.error.code}`);
      return socket;
    } catch (error) {
      socket.close();
      throw error;
    }
  }

  private takeVotes(mine: MyVotes): void {
    this.votes = mine.votes;
    this.remaining = mine.remaining;
  }

  /** The server closed a connection we did not mean to lose: count why, and come back as y-websocket would. */
  private closed(wire: WireClient, code: number): void {
    if (wire !== this.wire) return; // an old connection (a lost one finally dropped)
    this.collectErrors(wire);
    this.tracker.error(`close:${code}`);
    this.wire = null;
    const wasOnline = this.online;
    this.online = false;
    this.socket?.close();
    this.socket = null;
    if (wasOnline && this.wantOnline) {
      void this.goOnline().then(() => this.tracker.reconnects++);
    }
  }

  /** Samskab's Error messages (refused updates, awareness) and socket errors seen on this connection. */
  private collectErrors(wire: WireClient): void {
    for (const entry of wire.errors.slice(this.errorsSeen)) {
      const code = /^([A-Z_]+): /.exec(entry)?.[1];
      this.tracker.error(code ? `yjs:${code}` : `ws:${entry.slice(0, 60)}`);
    }
    this.errorsSeen = wire.errors.length;
  }

  /**
   * Leaves. `closed`: the TCP connection ends, the server notices at once. `lost`: it goes
   * silent (stops reading and sending), as when a phone switches network; the server only
   * notices when its keepalive goes unanswered.
   */
  goOffline(mode: DisconnectMode): void {
    this.wantOnline = false;
    this.online = false;
    this.drop(mode);
  }

  private drop(mode: DisconnectMode): void {
    const wire = this.wire;
    this.wire = null;
    this.socket?.close();
    this.socket = null;
    if (!wire) return;
    this.collectErrors(wire);
    if (mode === 'closed') {
      wire.close();
      return;
    }
    // WireClient keeps its document listener private; a silent connection must stop sending too.
    const listener = (wire as unknown as { onLocalUpdate: (update: Uint8Array, origin: unknown) => void }).onLocalUpdate;
    this.doc.off('update', listener);
    wire.ws.pause();
    setTimeout(() => wire.close(), LOST_CLEANUP_MS).unref();
  }

  /** Presence as the web client sends it: only `editing`; the server fills in who we are. */
  private sendPresence(editing: string | null): void {
    const wire = this.wire;
    if (!wire?.isOpen) return;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.doc.clientID);
    encoding.writeVarUint(inner, ++this.awarenessClock);
    encoding.writeVarString(inner, JSON.stringify({ editing }));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, YMessage.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(inner));
    wire.ws.send(encoding.toUint8Array(message));
  }

  /** One Yjs edit; the tracker times it unless we are offline (then it travels on reconnect). */
  edit(kind: 'add' | 'move' | 'edit' | 'delete', n: number): void {
    const from = Y.getState(this.doc.store, this.doc.clientID);
    const at = performance.now();
    const ideas = ideasMap(this.doc);
    this.pruneOwn();
    if (kind === 'add' && this.own.length >= MAX_OWN_IDEAS) kind = 'delete';
    if ((kind === 'delete' || kind === 'edit') && this.own.length === 0) kind = 'add';
    if (kind === 'add') {
      this.own.push(addIdea(this.doc, this.seat.author, QUESTION.write, n));
    } else if (kind === 'delete') {
      ideas.delete(this.own.shift() as string);
    } else if (kind === 'edit') {
      const id = this.own[Math.floor(Math.random() * this.own.length)] as string;
      this.sendPresence(id);
      ideas.get(id)?.set('text', ideaText(n));
    } else {
      const movable = ideasOf(this.doc, QUESTION.write);
      const idea = movable[Math.floor(Math.random() * movable.length)] as IdeaMap | undefined;
      if (!idea) return;
      this.sendPresence(idea.get('id') as string);
      moveIdea(this.doc, idea);
    }
    this.tracker.op(this.online ? kind : 'offline');
    if (this.online) this.tracker.register(this.doc.clientID, from, Y.getState(this.doc.store, this.doc.clientID), at);
  }

  /** Ideas written before the clock starts, so the board is at its working size from the first sample. */
  prefill(count: number, firstNumber: number): void {
    for (let i = 0; i < count; i++) this.own.push(addIdea(this.doc, this.seat.author, QUESTION.write, firstNumber + i));
  }

  /** An idea under the vote question, before voting opens (the step then freezes them). */
  seedVoteIdea(n: number): void {
    addIdea(this.doc, this.seat.author, QUESTION.vote, n);
  }

  /** Ideas of ours someone removed (or never arrived) are no longer ours to delete. */
  private pruneOwn(): void {
    const ideas = ideasMap(this.doc);
    for (let i = this.own.length - 1; i >= 0; i--) if (!ideas.has(this.own[i] as string)) this.own.splice(i, 1);
  }

  /** One dot vote over socket.io: cast while budget lasts, then take one back; false if not possible now. */
  vote(): boolean {
    const socket = this.socket;
    if (!socket?.connected || this.voteBusy) return false;
    const mine = Object.keys(this.votes).filter((id) => (this.votes[id] ?? 0) > 0);
    const retract = this.remaining <= 0 && mine.length > 0;
    const candidates = retract ? mine : ideasOf(this.doc, QUESTION.vote).map((m) => m.get('id') as string);
    const ideaId = candidates[Math.floor(Math.random() * candidates.length)];
    if (!ideaId) return false;
    this.voteBusy = true;
    const started = performance.now();
    socket
      .timeout(VOTE_TIMEOUT_MS)
      .emitWithAck(retract ? 'vote:retract' : 'vote:cast', { ideaId })
      .then((raw) => {
        const ack = raw as Ack<MyVotes>;
        this.tracker.voteAck.push(performance.now() - started);
        if (ack.ok) this.takeVotes(ack.data);
        else if (BUDGET_CODES.has(ack.error.code)) {
          this.tracker.budgetRefusals++;
          if (ack.error.code === ErrorCode.NO_VOTES_LEFT) this.remaining = 0;
        } else this.tracker.error(`vote:${ack.error.code}`);
      })
      .catch(() => {
        // A socket we closed on purpose takes its unanswered command with it.
        if (socket === this.socket) this.tracker.error('vote:TIMEOUT');
      })
      .finally(() => {
        this.voteBusy = false;
      });
    this.tracker.op('vote');
    return true;
  }

  /** Everything this client wrote has been confirmed durable by the server. */
  get allSaved(): boolean {
    return this.savedClock >= Y.getState(this.doc.store, this.doc.clientID);
  }

  close(): void {
    this.wantOnline = false;
    this.online = false;
    this.socket?.close();
    this.socket = null;
    this.wire?.close();
    this.wire = null;
  }
}
