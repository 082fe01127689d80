import * as Y from 'yjs';
import { ideasMap } from '../../shared';
import { addIdea, countIdeas, QUESTION } from '../lib/ideas';
import { sleep } from '../lib/proc';
import { Samples, summarize, type Summary } from '../lib/stats';
import { httpBase, takeSeat, type BoardRef, type Target } from '../lib/targets';
import { WireClient } from '../lib/wire-client';

/**
 * A new client opening a large board, as a browser does: a full Y.Doc, timed until it
 * holds every idea (counted, not inferred from `sync`). Cold = the first client after the
 * server started; warm = a second one while the first keeps the board loaded (Hocuspocus
 * unloads a document as soon as its last connection closes).
 */

export interface OpenBoardResult {
  fullMs: number;
  /** The message that completed the board arrived (before the client applied it): the rest of fullMs is the client's own work. */
  docArrivedMs: number;
  ideas: number;
}

const kept: WireClient[] = [];

export async function openBoard(args: { target: Target; board: BoardRef; expectedIdeas: number; timeoutMs: number }): Promise<OpenBoardResult> {
  const seat = await takeSeat(args.target, args.board);
  const doc = new Y.Doc();
  let docArrivedMs = NaN;
  let lastArrival = NaN;
  let fullMs = NaN;
  const started = performance.now();
  const client = new WireClient(seat.endpoint, doc, {
    onArrive: () => {
      lastArrival = performance.now() - started;
    },
    onUpdate: () => {
      // The cheap count first: a board that arrives in pieces would otherwise pay a full count of its fields per piece.
      if (Number.isNaN(fullMs) && ideasMap(doc).size >= args.expectedIdeas && countIdeas(doc) >= args.expectedIdeas) {
        fullMs = performance.now() - started;
        docArrivedMs = lastArrival;
      }
    },
  });
  kept.push(client);
  const deadline = started + args.timeoutMs;
  while (Number.isNaN(fullMs) && performance.now() < deadline) await sleep(5);
  return { fullMs, docArrivedMs, ideas: countIdeas(doc) };
}

export async function closeBoards(): Promise<void> {
  for (const c of kept.splice(0)) {
    c.close();
    c.doc?.destroy();
  }
  await sleep(100);
}

export interface WriteBurstResult {
  writes: number;
  /** Every write confirmed (Samskab: Saved; Hocuspocus: SyncStatus); null where the server confirms nothing. */
  allConfirmed: boolean | null;
  durationMs: number;
  /** GET latency of the server's cheapest HTTP endpoint while it persists and compacts. */
  ping: Summary;
  pingMaxAt: number;
}

/**
 * Writes `writes` one-idea updates at `rate` into a loaded board while timing a cheap HTTP
 * endpoint every 20 ms: enough updates to cross Samskab's COMPACT_AFTER_UPDATES, and
 * Hocuspocus's store debounce fires after it. `tailMs` keeps pinging after the last write.
 */
export async function writeBurst(args: { target: Target; board: BoardRef; writes: number; rate: number; tailMs: number }): Promise<WriteBurstResult> {
  const seat = await takeSeat(args.target, args.board);
  const doc = new Y.Doc();
  let saved = 0;
  const client = new WireClient(seat.endpoint, doc, {
    onSaved: (yClient, clock) => {
      if (yClient === doc.clientID) saved = clock;
    },
    onSyncStatus: () => saved++,
  });
  await client.opened;
  await sleep(300);
  const pingUrl = args.target.kind === 'samskab' ? `${httpBase(args.target)}/healthz` : `${httpBase(args.target)}/`;
  const pings = new Samples();
  let pingMaxAt = 0;
  let maxPing = 0;
  let pinging = true;
  const started = performance.now();
  const pinger = (async () => {
    while (pinging) {
      const t0 = performance.now();
      try {
        await (await fetch(pingUrl, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
        const ms = performance.now() - t0;
        if (ms > maxPing) {
          maxPing = ms;
          pingMaxAt = t0 - started;
        }
        pings.push(ms);
      } catch {
        pings.push(10_000);
      }
      await sleep(20);
    }
  })();
  for (let i = 0; i < args.writes; i++) {
    const due = started + (i * 1000) / args.rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    addIdea(doc, seat.author, QUESTION.write, 900_000 + i);
  }
  const writtenMs = performance.now() - started;
  await sleep(args.tailMs);
  pinging = false;
  await pinger;
  // Samskab's Saved carries a clock; Hocuspocus sends one SyncStatus per message, plus one for the sync reply.
  const allConfirmed =
    args.target.kind === 'samskab' ? saved >= Y.getState(doc.store, doc.clientID) : args.target.kind === 'hocuspocus' ? saved >= args.writes : null;
  client.close();
  doc.destroy();
  return { writes: args.writes, allConfirmed, durationMs: writtenMs, ping: summarize(pings.values()), pingMaxAt };
}
