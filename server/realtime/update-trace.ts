import diagnostics_channel from 'node:diagnostics_channel';

/**
 * Where one client update's time goes inside a room, published on a diagnostics channel
 * (as undici and Node's http do) for whoever subscribes: the bench's server entry
 * (bench/servers/samskab.ts) does, to tell a slow judge from a slow store from a slow
 * broadcast. Nothing is measured or published while nobody listens: the room checks
 * `tracingUpdates()` once per update, a property read.
 *
 * Times are `performance.now()` of this process (ms). An update that is refused, or that
 * changes nothing, publishes nothing.
 */
export interface UpdateTrace {
  /** The message was read from the connection and queued behind the room's earlier updates. */
  arrived: number;
  /** Its turn came: judging started (decode was done on arrival). */
  judging: number;
  /** Inspected and authorised, the store read of reserved idea ids included (the idea allowance is counted in memory). */
  judged: number;
  /** Applied to the document and handed to the persist queue. */
  pushed: number;
  /** The store has it, and every update before it. */
  durable: number;
  /** The broadcast that carries it has been written to every other peer. */
  sent: number;
  /** Updates that went out in that broadcast, and peers it went to. */
  batch: number;
  peers: number;
}

/** Everything but the last two stages, carried with the update until it is durable. */
export type PendingTrace = Pick<UpdateTrace, 'arrived' | 'judging' | 'judged' | 'pushed'>;

export const UPDATE_TRACE_CHANNEL = 'samskab:room:update';

const channel = diagnostics_channel.channel(UPDATE_TRACE_CHANNEL);

export function tracingUpdates(): boolean {
  return channel.hasSubscribers;
}

export function publishUpdateTrace(trace: UpdateTrace): void {
  channel.publish(trace);
}
