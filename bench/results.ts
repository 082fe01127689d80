import type { StepResult, VoteMode } from './load/fanout';
import type { StormResult } from './load/join-storm';
import type { PersistEvent } from './servers/probe';
import type { Summary } from './lib/stats';
import type { UpdateStages } from './servers/probe';
import type { ServerKind } from './lib/targets';

/** Everything a run measures, per server; report.ts turns it into RESULTS.md. */

export interface Plan {
  mode: 'short' | 'full';
  probes: number;
  fanout: { clients: number[]; rates: number[]; stepMs: number; drainMs: number };
  saturation: { clients: number; rates: number[]; stepMs: number; drainMs: number; p99LimitMs: number };
  /** timeoutMs: from the first join; clients not complete by then count as not complete. */
  storm: { clients: number; windowMs: number; holdMs: number; timeoutMs: number };
  boards: number[];
  /** tailMs: time kept after the last write (Hocuspocus gets its 2 s store debounce on top). */
  burst: { first: number; second: number; rate: number; tailMs: number };
}

/** A fan-out step and the server's mean CPU use (share of one core) while it ran. */
/** CPU as a share of one core: the process itself, and its whole core (kernel network work included). */
export type StepWithCpu = StepResult & {
  serverCpu: number;
  loadCpu: number;
  serverCore: number;
  loadCore: number;
  /** Cores used meanwhile by processes that are not the bench's (other work on a shared machine). */
  foreignCpu: number;
  /** The server's longest event-loop delay during the step (ms): a stall there delays every delivery. Absent in older results. */
  serverLagMaxMs?: number;
  /** Samskab only: where its updates' time went inside the server (bench/servers/probe.ts). */
  stages?: UpdateStages | null;
};

export interface FanoutCell {
  clients: number;
  probes: number;
  rate: number;
  voteMode: VoteMode;
  voteNote: string;
  step: StepWithCpu;
}

export interface IdleMemory {
  connections: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

export interface SaturationStep {
  rate: number;
  achievedRate: number;
  p99: number;
  share: number;
  loadLagP99: number;
  serverCpu: number;
  loadCpu: number;
  serverCore: number;
  loadCore: number;
  /** The load process, not the server, was the limit (its core ≥ 90% busy or lag p99 > 100 ms). */
  loadBound: boolean;
  pass: boolean;
}

export interface Saturation {
  clients: number;
  steps: SaturationStep[];
  /** Highest rate that passed, and the first that did not (null: none failed within the plan). */
  lastPass: number | null;
  firstFail: number | null;
}

export interface BoardLoad {
  ideas: number;
  /** Server side: from the first request for the board until the server holds it. */
  serverLoadMs: number | null;
  coldDocArrivedMs: number;
  coldFullMs: number;
  warmFullMs: number;
  boardRss: number;
  boardHeap: number;
}

export interface Persistence {
  ideas: number;
  /** Redis bytes of the board's stored form divided by its ideas (snapshot after compaction / store). */
  storedBytesPerIdea: number | null;
  /** Samskab: bytes one single-idea update costs in the update log before compaction. */
  logBytesPerUpdate: number | null;
  events: PersistEvent[];
  ping: Summary;
  writesConfirmed: boolean | null;
}

export interface Storm extends StormResult {
  ideas: number;
  windowMs: number;
  peakCpu: number;
  meanCpu: number;
  rssAfter: number;
  rssPeak: number;
}

export interface ServerResults {
  kind: ServerKind;
  /** Cores other processes used just before this server's measurements started. */
  foreignCpuAtStart: number;
  fanout: FanoutCell[];
  idle: IdleMemory[];
  saturation: Saturation | null;
  boards: BoardLoad[];
  persistence: Persistence | null;
  storm: Storm | null;
  errors: string[];
  notes: string[];
}

export interface RunInfo {
  mode: 'short' | 'full';
  date: string;
  durationS: number;
  machine: Record<string, string>;
  versions: Record<string, string>;
  pinning: string;
  redisFsync: string;
  /** One 400-byte XADD at a time against the run's Redis: what a durable append costs on this disk. */
  redisWrite: string;
  profile: string | null;
}

export function emptyResults(kind: ServerKind): ServerResults {
  return { kind, foreignCpuAtStart: NaN, fanout: [], idle: [], saturation: null, boards: [], persistence: null, storm: null, errors: [], notes: [] };
}
