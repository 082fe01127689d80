import type { ChildProcess } from 'node:child_process';

/**
 * Request/reply over Node's IPC channel between the orchestrator and its children (server
 * entries and load workers). Children also push unsolicited events (a board loaded, a
 * compaction ran) that the orchestrator collects while a scenario runs.
 */

// Handlers take any argument shape; callers are typed through the Api map instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Api = Record<string, (args: any) => Promise<unknown>>;

interface RpcRequest {
  rpc: number;
  cmd: string;
  args: unknown;
}

interface RpcReply {
  rpc: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface RpcEvent {
  event: string;
  data: unknown;
}

function isReply(message: unknown): message is RpcReply {
  return typeof message === 'object' && message !== null && 'rpc' in message && 'ok' in message;
}

function isEvent(message: unknown): message is RpcEvent {
  return typeof message === 'object' && message !== null && 'event' in message;
}

/** In a child: answer the parent's calls with `handlers`. */
export function serveRpc(handlers: Api): void {
  process.on('message', (message: RpcRequest) => {
    const handler = handlers[message.cmd];
    const reply = (body: Omit<RpcReply, 'rpc'>) => process.send?.({ rpc: message.rpc, ...body });
    if (!handler) {
      reply({ ok: false, error: `unknown command ${message.cmd}` });
      return;
    }
    handler(message.args).then(
      (result) => reply({ ok: true, result }),
      (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}

/** In a child: tell the parent something happened (fire and forget). */
export function emitEvent(event: string, data: unknown): void {
  process.send?.({ event, data } satisfies RpcEvent);
}

/** In the parent: typed calls into one child. */
export class RpcClient<A extends Api> {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  readonly events: RpcEvent[] = [];

  constructor(
    private readonly child: ChildProcess,
    private readonly name: string,
  ) {
    child.on('message', (message: unknown) => {
      if (isEvent(message)) {
        this.events.push(message);
        return;
      }
      if (!isReply(message)) return;
      const waiter = this.pending.get(message.rpc);
      if (!waiter) return;
      this.pending.delete(message.rpc);
      clearTimeout(waiter.timer);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(`${this.name}: ${message.error ?? 'failed'}`));
    });
    child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`${this.name} exited (${code ?? signal}) during a call`));
      }
      this.pending.clear();
    });
  }

  /** Every call is bounded: a wedged child fails the scenario instead of hanging the run. */
  call<K extends keyof A & string>(cmd: K, args: Parameters<A[K]>[0], timeoutMs = 60_000): Promise<Awaited<ReturnType<A[K]>>> {
    const rpc = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.name}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rpc, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ rpc, cmd, args } satisfies RpcRequest);
    });
  }

  /** Events of one kind received so far, and forget them. */
  take<T>(event: string): T[] {
    const out: T[] = [];
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i] as RpcEvent;
      if (e.event === event) {
        out.unshift(e.data as T);
        this.events.splice(i, 1);
      }
    }
    return out;
  }
}
