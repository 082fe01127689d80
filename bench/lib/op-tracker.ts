import * as Y from 'yjs';
import { Samples } from './stats';

/**
 * Fan-out bookkeeping. Each op a probe makes is one Yjs transaction, which creates structs
 * of the probe's Yjs client id at clocks [from, to). A receiver recognises an op by the
 * clock ranges an update carries (Y.parseUpdateMeta), so nothing needs to be embedded in
 * the content and servers that merge broadcasts (Hocuspocus batches per event-loop turn)
 * are still measured per op. Every client lives in this one process, so sending and
 * receiving times come from the same clock.
 */

export type OpKind = 'add' | 'move' | 'vote';

interface UpdateMeta {
  from: Map<number, number>;
  to: Map<number, number>;
}

interface ClientOps {
  clocks: number[];
  ops: number[];
}

export interface FanoutSample {
  /** Deliveries to the other probes (full Yjs clients): the headline latency. */
  probe: Samples;
  /** Deliveries to every other client, probes and receive-only. */
  all: Samples;
  /** Senders seeing their own op come back (servers that echo). */
  echo: Samples;
  /** Samskab: op sent → Saved; Hocuspocus: op sent → SyncStatus (in memory, not durable). */
  saved: Samples;
}

export class OpTracker {
  private readonly sentAt: number[] = [];
  private readonly senders: number[] = [];
  private readonly ends: number[] = [];
  private readonly yClients: number[] = [];
  private readonly seen: Uint8Array[] = [];
  private readonly byClient = new Map<number, ClientOps>();
  private readonly unsaved = new Map<number, number[]>();
  private readonly savedOps = new Set<number>();
  readonly samples: FanoutSample = { probe: new Samples(), all: new Samples(), echo: new Samples(), saved: new Samples() };
  delivered = 0;
  readonly kinds: Record<OpKind, number> = { add: 0, move: 0, vote: 0 };

  constructor(
    /** Receivers are numbered 0..clients-1; probes come first. */
    private readonly clients: number,
    private readonly probes: number,
  ) {}

  get ops(): number {
    return this.sentAt.length;
  }

  /** Deliveries owed: every op to every client but its sender. */
  get expected(): number {
    return this.sentAt.length * (this.clients - 1);
  }

  register(sender: number, yClient: number, from: number, to: number, kind: OpKind, at: number): void {
    if (to <= from) return; // the transaction changed nothing
    const op = this.sentAt.length;
    this.sentAt.push(at);
    this.senders.push(sender);
    this.ends.push(to);
    this.yClients.push(yClient);
    this.seen.push(new Uint8Array(this.clients));
    this.kinds[kind]++;
    let list = this.byClient.get(yClient);
    if (!list) this.byClient.set(yClient, (list = { clocks: [], ops: [] }));
    list.clocks.push(from);
    list.ops.push(op);
    const pending = this.unsaved.get(sender) ?? [];
    pending.push(op);
    this.unsaved.set(sender, pending);
  }

  observe(receiver: number, meta: UpdateMeta, now: number): void {
    for (const [client, to] of meta.to) {
      const list = this.byClient.get(client);
      if (!list) continue;
      const from = meta.from.get(client) ?? 0;
      for (let i = lowerBound(list.clocks, from); i < list.clocks.length && (list.clocks[i] as number) < to; i++) {
        this.mark(list.ops[i] as number, receiver, now);
      }
    }
  }

  /** Samskab's Saved(client, clock): the sender's ops ending at or below `clock` are durable. */
  saved(sender: number, clock: number, now: number): void {
    const pending = this.unsaved.get(sender);
    if (!pending) return;
    while (pending.length > 0 && (this.ends[pending[0] as number] as number) <= clock) this.confirm(pending.shift() as number, now);
  }

  /** Hocuspocus answers each update message with one SyncStatus, in order. */
  acknowledged(sender: number, now: number): void {
    const op = this.unsaved.get(sender)?.shift();
    if (op !== undefined) this.confirm(op, now);
  }

  private confirm(op: number, now: number): void {
    if (this.savedOps.has(op)) return;
    this.savedOps.add(op);
    this.samples.saved.push(now - (this.sentAt[op] as number));
  }

  private mark(op: number, receiver: number, now: number): void {
    const seen = this.seen[op] as Uint8Array;
    if (seen[receiver]) return;
    seen[receiver] = 1;
    const latency = now - (this.sentAt[op] as number);
    if (receiver === this.senders[op]) {
      this.samples.echo.push(latency);
      return;
    }
    this.delivered++;
    this.samples.all.push(latency);
    if (receiver < this.probes) this.samples.probe.push(latency);
  }
}

function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every receiver of a broadcast gets the same bytes, so receive-only clients look the
 * update's clock ranges up once per distinct frame instead of decoding it hundreds of times.
 */
export class MetaCache {
  private readonly cache = new Map<string, UpdateMeta>();

  get(update: Uint8Array, frame: Buffer): UpdateMeta {
    const key = frame.toString('latin1');
    let meta = this.cache.get(key);
    if (!meta) {
      if (this.cache.size > 20_000) this.cache.clear();
      meta = Y.parseUpdateMeta(update);
      this.cache.set(key, meta);
    }
    return meta;
  }
}
