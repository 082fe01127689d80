import * as Y from 'yjs';
import { ideasMap, type Ack } from '../../shared';
import { RedisStore } from '../../server/store/redis-store';
import { countIdeas } from '../lib/ideas';
import { lagMonitor } from '../lib/lag';
import { MetaCache } from '../lib/op-tracker';
import { sleep } from '../lib/proc';
import { createBoard, takeSeat, takeSeats, type BoardRef, type Target } from '../lib/targets';
import { connectSocket, openVoting } from '../load/votes';
import { MAX_OWN_IDEAS, SoakClient } from './client';
import { SoakTracker } from './tracker';
import type { Convergence, SetupResult, SoakOptions, WorkerInterval } from './types';

/**
 * The soak's workload: `clients` participants spread over `boards` kick-off boards, each
 * board with a facilitator who runs the timer and has opened question 2 for voting. At
 * `rate` ops/s in all, a random online participant adds an idea (35%), moves one (30%),
 * edits (10%) or deletes (10%) one of their own, or casts or takes back a dot vote over
 * socket.io (15%). Everyone has written PREFILL ideas before the clock starts and keeps at
 * most MAX_OWN_IDEAS, so a board is a workshop's size from the start and stays so however
 * long the run: what grows then is only what a long-lived board really accumulates. `churnPerMinute` times a minute someone leaves for 2–20 s
 * (`lostShare` of them by losing the network rather than closing), sometimes writing an
 * idea while away.
 */

const SEED_VOTE_IDEAS = 12;
/** Ideas each person has written when the clock starts: one short of the cap, so adds soon turn into deletes. */
const PREFILL = MAX_OWN_IDEAS - 1;
const FACILITATOR_EVERY_MS = 60_000;
const OFFLINE_WRITE_SHARE = 0.3;
const TICK_MS = 20;

interface Board {
  ref: BoardRef;
  clients: SoakClient[];
  facilitator: Awaited<ReturnType<typeof connectSocket>> | null;
  facilitatorSession: string;
}

export class SoakLoad {
  private readonly tracker = new SoakTracker();
  private readonly cache = new MetaCache();
  private readonly boards: Board[] = [];
  private readonly lag = lagMonitor();
  private running = false;
  private loops: Array<Promise<void>> = [];
  private ideaNumber = 0;
  private away = 0;

  constructor(
    private readonly target: Target,
    private readonly options: SoakOptions,
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {}

  private get clients(): SoakClient[] {
    return this.boards.flatMap((b) => b.clients);
  }

  async setup(): Promise<SetupResult> {
    const started = performance.now();
    const { clients, boards } = this.options;
    for (let b = 0; b < boards; b++) {
      const ref = await createBoard(this.target);
      const count = Math.floor(clients / boards) + (b < clients % boards ? 1 : 0);
      const seats = await takeSeats(this.target, ref, count);
      const facilitator = await takeSeat(this.target, ref, 'facilitator');
      const board: Board = { ref, clients: seats.map((seat) => new SoakClient(seat, this.target, this.tracker, this.cache)), facilitator: null, facilitatorSession: facilitator.session as string };
      this.boards.push(board);
      // A few at a time: a room of phones joins over seconds, not in one instant.
      for (let i = 0; i < board.clients.length; i += 25) await Promise.all(board.clients.slice(i, i + 25).map((c) => c.goOnline()));
      const [first] = board.clients;
      if (!first) continue;
      for (let n = 0; n < SEED_VOTE_IDEAS; n++) first.seedVoteIdea(this.ideaNumber++);
      // Otherwise the first minutes would fill the boards, and that growth would read as a memory slope.
      for (const client of board.clients) {
        client.prefill(PREFILL, this.ideaNumber);
        this.ideaNumber += PREFILL;
        await sleep(10);
      }
      const want = SEED_VOTE_IDEAS + PREFILL * board.clients.length;
      await until(() => board.clients.every((c) => countIdeas(c.doc) >= want && c.allSaved), 120_000, 'the seeded board everywhere');
    }
    const notes = new Set<string>();
    for (const board of this.boards) {
      const opened = await openVoting(this.target, board.facilitatorSession);
      notes.add(opened.reason);
      board.facilitator = await connectSocket(this.target, board.facilitatorSession);
    }
    this.tracker.take(); // setup is not part of the first interval
    this.lag.reset();
    return { boards: this.boards.map((b) => b.ref.id), clients: this.clients.length, seedIdeas: SEED_VOTE_IDEAS * boards, prefill: PREFILL, voteNote: [...notes].join('; '), setupMs: performance.now() - started };
  }

  start(): Promise<boolean> {
    this.running = true;
    this.loops = [this.opLoop(), this.churnLoop(), ...this.boards.map((b) => this.facilitatorLoop(b))];
    return Promise.resolve(true);
  }

  private async opLoop(): Promise<void> {
    const started = performance.now();
    let issued = 0;
    const all = this.clients;
    while (this.running) {
      const due = Math.floor((this.options.rate * (performance.now() - started)) / 1000) - issued;
      for (let k = 0; k < due; k++, issued++) {
        const client = pickOnline(all);
        if (!client) continue;
        const r = Math.random();
        if (r < 0.15 && client.vote()) continue;
        client.edit(r < 0.5 ? 'add' : r < 0.8 ? 'move' : r < 0.9 ? 'edit' : 'delete', this.ideaNumber++);
      }
      await sleep(TICK_MS);
    }
  }

  private async churnLoop(): Promise<void> {
    let owed = 0;
    while (this.running) {
      await sleep(1_000);
      owed += this.options.churnPerMinute / 60;
      for (; owed >= 1 && this.running; owed--) {
        const client = pickOnline(this.clients);
        if (client) void this.leaveAndReturn(client);
      }
    }
  }

  private async leaveAndReturn(client: SoakClient): Promise<void> {
    const lost = Math.random() < this.options.lostShare;
    const awayMs = 2_000 + Math.random() * 18_000;
    this.away++;
    client.goOffline(lost ? 'lost' : 'closed');
    if (lost) this.tracker.disconnects.lost++;
    else this.tracker.disconnects.clean++;
    if (Math.random() < OFFLINE_WRITE_SHARE) {
      await sleep(awayMs / 2);
      client.edit('add', this.ideaNumber++);
      await sleep(awayMs / 2);
    } else await sleep(awayMs);
    await client.goOnline();
    this.tracker.reconnects++;
    this.away--;
  }

  /** The facilitator restarts a one-minute timer now and then: a broadcast to every socket of the board. */
  private async facilitatorLoop(board: Board): Promise<void> {
    while (this.running) {
      // In short naps, so that stopping the load does not wait out a long one.
      const wakeAt = Date.now() + FACILITATOR_EVERY_MS * (0.5 + Math.random());
      while (this.running && Date.now() < wakeAt) await sleep(250);
      const socket = board.facilitator;
      if (!this.running || !socket?.connected) continue;
      for (const command of [{ action: 'set', durationMs: 60_000 }, { action: 'start' }] as const) {
        const ack = (await socket.timeout(5_000).emitWithAck('workshop:timer', command).catch(() => null)) as Ack<unknown> | null;
        if (!ack) this.tracker.error('timer:TIMEOUT');
        else if (!ack.ok) this.tracker.error(`timer:${ack.error.code}`);
      }
    }
  }

  /** Around the orchestrator's forced GC of the server (see SoakTracker.hold). */
  hold(): boolean {
    this.tracker.hold(300);
    return true;
  }

  release(): boolean {
    this.tracker.release(100);
    return true;
  }

  sample(): WorkerInterval {
    const taken = this.tracker.take();
    const online = this.clients.filter((c) => c.online).length;
    const loadLag = this.lag.read();
    this.lag.reset();
    const copies = this.boards.map((b) => b.clients.find((c) => c.online)?.doc ?? null);
    return {
      ops: taken.counts,
      fanoutValues: Array.from(taken.fanout.values()),
      loadGc: { maxMs: taken.loadGcMaxMs, pausedDeliveries: taken.pausedDeliveries },
      voteAckValues: Array.from(taken.voteAck.values()),
      budgetRefusals: taken.budgetRefusals,
      errors: taken.errors,
      disconnects: taken.disconnects,
      reconnects: taken.reconnects,
      refusedAttempts: taken.refusedAttempts,
      connected: online,
      offline: this.clients.length - online,
      docBytes: copies.map((doc) => (doc ? Y.encodeStateAsUpdate(doc).byteLength : NaN)),
      ideas: copies.map((doc) => (doc ? countIdeas(doc) : NaN)),
      loadLag,
    };
  }

  /** Each board as one Yjs update (base64: IPC is JSON), from a connected client's copy. */
  documents(): string[] {
    return this.boards.map((b) => {
      const doc = (b.clients.find((c) => c.online) ?? b.clients[0])?.doc;
      return doc ? Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') : '';
    });
  }

  /** Stops the workload, brings everyone back, and waits until all they wrote is saved. */
  async settle(timeoutMs: number): Promise<{ ms: number; notReconnected: number; unsaved: number }> {
    const started = performance.now();
    this.running = false;
    await Promise.all(this.loops);
    for (const board of this.boards) board.facilitator?.close();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (this.away > 0 || this.clients.some((c) => !c.online || !c.allSaved))) await sleep(100);
    await sleep(1_000); // the last broadcasts
    return {
      ms: performance.now() - started,
      notReconnected: this.clients.filter((c) => !c.online).length,
      unsaved: this.clients.filter((c) => !c.allSaved).length,
    };
  }

  /** Every client's document against its board as the store holds it (snapshot + log). */
  async converge(): Promise<Convergence> {
    const store = await RedisStore.connect(this.redisUrl, { keyPrefix: this.prefix, clientName: 'samskab-soak' });
    const out: Convergence = { boards: this.boards.length, clients: this.clients.length, diverged: 0, notReconnected: 0, ideas: 0, detail: [] };
    try {
      for (const board of this.boards) {
        const stored = await store.loadDocument(`board:${board.ref.id}`);
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
        const want = fingerprint(doc);
        out.ideas += countIdeas(doc);
        for (const client of board.clients) {
          if (!client.online) out.notReconnected++;
          else if (fingerprint(client.doc) !== want) {
            out.diverged++;
            if (out.detail.length < 5) out.detail.push(`board ${board.ref.id}: a client has ${countIdeas(client.doc)} ideas, the store ${countIdeas(doc)}`);
          }
        }
        doc.destroy();
      }
    } finally {
      await store.close();
    }
    return out;
  }

  async close(): Promise<void> {
    this.running = false;
    for (const board of this.boards) board.facilitator?.close();
    for (const client of this.clients) client.close();
    await sleep(200);
  }
}

function pickOnline(clients: SoakClient[]): SoakClient | null {
  for (let tries = 0; tries < 10; tries++) {
    const client = clients[Math.floor(Math.random() * clients.length)];
    if (client?.online) return client;
  }
  return null;
}

/** Ideas as data, keys sorted: two copies that converged print the same, whatever order they learned things in. */
function fingerprint(doc: Y.Doc): string {
  const ideas = ideasMap(doc).toJSON() as Record<string, Record<string, unknown>>;
  const sorted = Object.keys(ideas)
    .sort()
    .map((id) => [id, Object.fromEntries(Object.entries(ideas[id] ?? {}).sort(([a], [b]) => a.localeCompare(b)))]);
  return JSON.stringify(sorted);
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
