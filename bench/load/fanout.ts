import * as Y from 'yjs';
import type { IdeaMap } from '../../shared';
import { addIdea, countIdeas, ideasOf, moveIdea, QUESTION, yjsVote, type Author } from '../lib/ideas';
import { lagMonitor, type Lag } from '../lib/lag';
import { MetaCache, OpTracker, type OpKind } from '../lib/op-tracker';
import { sleep } from '../lib/proc';
import type { Summary } from '../lib/stats';
import { createBoard, takeSeat, takeSeats, type BoardRef, type Seat, type Target } from '../lib/targets';
import { WireClient, type Endpoint } from '../lib/wire-client';
import { connectSocket, newVoteStats, openVoting, Voter } from './votes';

/**
 * Fan-out: `clients` connections on one board. The first `probes` are full Yjs clients that
 * make the ops and measure; the rest only receive (their deliveries count towards the
 * share delivered, decoded once per distinct frame). One session serves several rate steps,
 * so connecting hundreds of clients is paid once per client count.
 */

const SETUP_IDEAS_PER_PROBE = 10;
const OP_TICK_MS = 5;

interface Probe {
  client: WireClient;
  session: string | null;
  doc: Y.Doc;
  author: Author;
  voter: Voter | null;
  movable: IdeaMap[];
  votable: IdeaMap[];
}

export type VoteMode = 'socket' | 'yjs-votes-field' | 'yjs-placement';

export interface OpenResult {
  receivers: number;
  connectMs: number;
}

export interface ProbesResult {
  probes: number;
  voteMode: VoteMode;
  voteNote: string;
}

export interface StepResult {
  rate: number;
  achievedRate: number;
  ops: number;
  kinds: Record<OpKind, number>;
  expected: number;
  delivered: number;
  share: number;
  probe: Summary;
  all: Summary;
  echo: Summary;
  saved: Summary;
  votes: { commands: number; ack: Summary; cast: number; retracted: number; refused: Record<string, number> };
  disconnects: number;
  loadLag: Lag;
}

export class FanoutSession {
  private board: BoardRef | null = null;
  private receivers: WireClient[] = [];
  private probes: Probe[] = [];
  private tracker: OpTracker | null = null;
  private readonly cache = new MetaCache();
  private voteMode: VoteMode = 'yjs-votes-field';
  private disconnects = 0;
  private ideaNumber = 0;
  /** Probes are receivers 0..probeSlots-1 (they join after the receive-only clients). */
  private probeSlots = 0;
  private pendingSeats: Seat[] = [];

  constructor(private readonly target: Target) {}

  private get clientCount(): number {
    return this.receivers.length + this.probes.length;
  }

  /** A new board; probes will be receivers 0..probeSlots-1. */
  async open(probeSlots: number): Promise<BoardRef> {
    this.probeSlots = probeSlots;
    this.board = await createBoard(this.target);
    return this.board;
  }

  /** Sessions for `count` receive-only clients (REST, so its cost is not charged to the connections). */
  async prepareReceivers(count: number): Promise<number> {
    if (!this.board) throw new Error('open() first');
    const started = performance.now();
    this.pendingSeats = await takeSeats(this.target, this.board, count);
    return performance.now() - started;
  }

  /** Connects the prepared receive-only clients, 50 at a time (their cost is "memory per idle connection"). */
  async connectReceivers(): Promise<OpenResult> {
    const started = performance.now();
    const seats = this.pendingSeats;
    this.pendingSeats = [];
    for (let i = 0; i < seats.length; i += 50) {
      const batch = seats.slice(i, i + 50).map((seat) => this.addReceiver(seat.endpoint));
      await Promise.all(batch.map((c) => c.opened));
    }
    return { receivers: this.receivers.length, connectMs: performance.now() - started };
  }

  private addReceiver(endpoint: Endpoint): WireClient {
    const index = this.probeSlots + this.receivers.length;
    const client = new WireClient(endpoint, null, {
      onUpdate: (update, frame) => this.tracker?.observe(index, this.cache.get(update, frame), performance.now()),
      onClose: () => this.disconnects++,
    });
    this.receivers.push(client);
    return client;
  }

  /** Probes join, each writes a few ideas (claiming its Yjs id), and everyone waits until all have them. */
  async addProbes(): Promise<ProbesResult> {
    const board = this.board;
    if (!board) throw new Error('open() first');
    const count = this.probeSlots;
    const seats = await takeSeats(this.target, board, count);
    for (const seat of seats) {
      const doc = new Y.Doc();
      const index = this.probes.length;
      const client = new WireClient(seat.endpoint, doc, {
        onUpdate: (update) => this.tracker?.observe(index, Y.parseUpdateMeta(update), performance.now()),
        onSaved: (yClient, clock) => {
          if (yClient === doc.clientID) this.tracker?.saved(index, clock, performance.now());
        },
        onSyncStatus: () => this.tracker?.acknowledged(index, performance.now()),
        onClose: () => this.disconnects++,
      });
      this.probes.push({ client, session: seat.session, doc, author: seat.author, voter: null, movable: [], votable: [] });
    }
    await Promise.all(this.probes.map((p) => p.client.opened));
    await sleep(200); // let the first sync round trip finish before writing
    for (const [i, probe] of this.probes.entries()) {
      for (let n = 0; n < SETUP_IDEAS_PER_PROBE; n++) {
        addIdea(probe.doc, probe.author, n % 2 === 0 ? QUESTION.write : QUESTION.vote, i * 1000 + n);
      }
    }
    const want = count * SETUP_IDEAS_PER_PROBE;
    const deadline = Date.now() + 15_000;
    while (this.probes.some((p) => countIdeas(p.doc) < want)) {
      if (Date.now() > deadline) throw new Error(`probes did not converge on ${want} setup ideas`);
      await sleep(50);
    }
    const note = await this.setUpVoting(board);
    this.refreshTargets();
    return { probes: count, voteMode: this.voteMode, voteNote: note };
  }

  private async setUpVoting(board: BoardRef): Promise<string> {
    if (this.target.kind !== 'samskab') {
      this.voteMode = 'yjs-votes-field';
      return 'Yjs write: a vote counter on the idea map';
    }
    const facilitator = await takeSeat(this.target, board, 'facilitator');
    const opened = await openVoting(this.target, facilitator.session as string);
    if (!opened.ok) {
      this.voteMode = 'yjs-placement';
      return `${opened.reason}; votes fall back to a Yjs placement write (updatedAt)`;
    }
    this.voteMode = 'socket';
    await Promise.all(
      this.probes.map(async (p) => {
        p.voter = new Voter(await connectSocket(this.target, p.session as string));
      }),
    );
    return opened.reason;
  }

  private refreshTargets(): void {
    for (const p of this.probes) {
      p.movable = ideasOf(p.doc, QUESTION.write);
      p.votable = ideasOf(p.doc, QUESTION.vote);
    }
  }

  /** `rate` ops/s for `durationMs`, then up to `drainMs` for the last deliveries. */
  async step(rate: number, durationMs: number, drainMs: number): Promise<StepResult> {
    const tracker = new OpTracker(this.clientCount, this.probes.length);
    this.tracker = tracker;
    const votes = newVoteStats();
    let voteCommands = 0;
    this.disconnects = 0;
    const lag = lagMonitor();
    const started = performance.now();
    let issued = 0;
    let nextProbe = 0;
    let lastRefresh = started;
    while (performance.now() - started < durationMs) {
      const now = performance.now();
      if (now - lastRefresh > 500) {
        this.refreshTargets();
        lastRefresh = now;
      }
      const due = Math.floor((rate * (now - started)) / 1000) - issued;
      for (let k = 0; k < due; k++) {
        const index = nextProbe++ % this.probes.length;
        const probe = this.probes[index] as Probe;
        const r = Math.random();
        if (r >= 0.85 && this.voteMode === 'socket') {
          // A socket.io command, not a Yjs op: timed by its acknowledgement, not by fan-out.
          const voters = this.probes.filter((p) => p.voter);
          const voter = voters.find((p) => p.voter?.vote(ideaIds(p.votable), votes));
          if (voter) voteCommands++;
        } else {
          this.yjsOp(tracker, index, probe, r < 0.5 ? 'add' : r < 0.85 ? 'move' : 'vote');
        }
        issued++;
      }
      await sleep(OP_TICK_MS);
    }
    const elapsed = performance.now() - started;
    const drainDeadline = performance.now() + drainMs;
    while (performance.now() < drainDeadline && (tracker.delivered < tracker.expected || tracker.samples.saved.length < savedWanted(this.target, tracker))) {
      await sleep(20);
    }
    const loadLag = lag.stop();
    this.tracker = null;
    const s = tracker.samples;
    return {
      rate,
      achievedRate: (issued * 1000) / elapsed,
      ops: tracker.ops,
      kinds: { ...tracker.kinds, vote: tracker.kinds.vote + voteCommands },
      expected: tracker.expected,
      delivered: tracker.delivered,
      share: tracker.expected === 0 ? NaN : tracker.delivered / tracker.expected,
      probe: s.probe.summary(),
      all: s.all.summary(),
      echo: s.echo.summary(),
      saved: s.saved.summary(),
      votes: { commands: voteCommands, ack: votes.ack.summary(), cast: votes.cast, retracted: votes.retracted, refused: votes.refused },
      disconnects: this.disconnects,
      loadLag,
    };
  }

  private yjsOp(tracker: OpTracker, index: number, probe: Probe, kind: OpKind): void {
    const { doc } = probe;
    const from = Y.getState(doc.store, doc.clientID);
    const at = performance.now();
    if (kind === 'add' || probe.movable.length === 0) {
      addIdea(doc, probe.author, QUESTION.write, this.ideaNumber++);
      kind = 'add';
    } else if (kind === 'move') {
      moveIdea(doc, probe.movable[Math.floor(Math.random() * probe.movable.length)] as IdeaMap);
    } else {
      const idea = probe.votable[Math.floor(Math.random() * probe.votable.length)];
      if (!idea) return;
      yjsVote(doc, idea, this.voteMode === 'yjs-placement' ? 'updatedAt' : 'votes');
    }
    tracker.register(index, doc.clientID, from, Y.getState(doc.store, doc.clientID), kind, at);
  }

  async close(): Promise<void> {
    for (const p of this.probes) {
      p.voter?.close();
      p.client.close();
      p.doc.destroy();
    }
    for (const r of this.receivers) r.close();
    this.probes = [];
    this.receivers = [];
    this.board = null;
    await sleep(100);
  }
}

/** Samskab confirms every op (Saved), Hocuspocus acknowledges each (SyncStatus); y-websocket says nothing. */
function savedWanted(t: Target, tracker: OpTracker): number {
  return t.kind === 'ywebsocket' ? 0 : tracker.ops;
}

function ideaIds(maps: IdeaMap[]): string[] {
  return maps.map((m) => m.get('id') as string);
}
