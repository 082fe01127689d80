import type { Lag } from '../lib/lag';
import type { Summary } from '../lib/stats';

/** What crosses IPC between the soak orchestrator (bench/soak.ts) and its load worker, and what the report reads. */

export interface SoakOptions {
  minutes: number;
  clients: number;
  boards: number;
  /** Client operations per second over all clients (Yjs edits and socket.io votes). */
  rate: number;
  /** Deliberate disconnects per minute over all clients; each client comes back after a while. */
  churnPerMinute: number;
  /** Share of those disconnects where the network is lost (the connection goes silent) rather than closed. */
  lostShare: number;
  sampleSeconds: number;
  warmupSeconds: number;
  redisFsync: 'always' | 'no';
  /**
   * Load processes the clients are spread over (whole boards each), all on the load core.
   * One process holding every client's document has a heap of ~450 MB at 200 clients, and
   * V8's incremental marking of it takes its only core for about a second every minute or
   * so: every delivery in that second is timed late, a stall of the measuring device, not of
   * the server. Absent in runs before it was an option (one process).
   */
  loadProcesses?: number;
}

export type OpKind = 'add' | 'move' | 'edit' | 'delete' | 'vote' | 'offline';

/** What one load process reports per interval: raw latencies, so several processes' can be merged into one percentile. */
export type WorkerInterval = Omit<ClientInterval, 'fanout' | 'voteAck'> & { fanoutValues: number[]; voteAckValues: number[] };

/** Counted per interval by the load workers (merged over them), then reset. */
export interface ClientInterval {
  ops: Record<OpKind, number>;
  /** Live fan-out deliveries (Update messages to connected clients), op sent → applied by a receiver. */
  fanout: Summary;
  /** vote:cast / vote:retract sent → acknowledgement. */
  voteAck: Summary;
  /** Expected refusals: a vote over the person's budget or the per-idea cap (the workload asks for them). */
  budgetRefusals: number;
  /** Every unexpected error, by kind: `yjs:<code>` (Error message), `close:<code>` (server closed us), `socket:<reason>`, `vote:<code>`, `rest:<status>`, … */
  errors: Record<string, number>;
  /** Deliberate disconnects (`clean`: close frame; `lost`: the connection just goes silent, as a phone changing network). */
  disconnects: { clean: number; lost: number };
  /** Successful reconnects, and attempts the server refused before one succeeded. */
  reconnects: number;
  refusedAttempts: number;
  connected: number;
  offline: number;
  /** Per board, from one connected client's copy: encoded size and live ideas. */
  docBytes: number[];
  ideas: number[];
  loadLag: Lag;
  /**
   * The load process's longest GC pause, and the deliveries not timed because one of at
   * least LOAD_PAUSE_MS (tracker.ts) overlapped them. Absent in runs before it was measured.
   */
  loadGc?: { maxMs: number; pausedDeliveries: number };
}

export interface ServerSample {
  /** After two forced full collections (bench/servers/probe.ts `gc`), so the slope is not GC timing. */
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  cpu: number;
}

export interface Sample {
  /** Seconds since the load started. */
  t: number;
  server: ServerSample;
  /**
   * Heap the boards' documents take when rebuilt from one client's copy in the orchestrator:
   * what the server must hold for them. Growth beyond it is what a leak would look like.
   */
  documentsHeap: number;
  /** The load process's CPU (share of one core): near 1, the clients cannot keep up and latencies include their queueing. */
  loadCpu: number;
  redisBytes: number;
  /** Cores used by processes that are not the soak's (other people's test runs). */
  foreignCpu: number;
  compactions: number;
  compactionMaxMs: number;
  /** Redis's own latency monitor: the longest event over 50 ms in the interval (an fsync of the AOF, usually), or 0. */
  redisStall: { ms: number; event: string };
  /** The server's own event-loop delay in the interval, read before the forced GC (absent in older runs). */
  serverLag?: { p99Ms: number; maxMs: number };
  clients: ClientInterval;
}

export interface Convergence {
  boards: number;
  clients: number;
  /** Clients whose document differs from the store's copy of their board at the end. */
  diverged: number;
  /** Clients that did not get back online and synced before the deadline. */
  notReconnected: number;
  /** Ideas in the stored boards at the end. */
  ideas: number;
  detail: string[];
}

export interface SetupResult {
  boards: string[];
  clients: number;
  seedIdeas: number;
  /** Ideas each client wrote before the load started. */
  prefill: number;
  voteNote: string;
  setupMs: number;
}
