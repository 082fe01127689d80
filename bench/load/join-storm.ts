import * as Y from 'yjs';
import { ROOT } from '../../shared';
import { sleep } from '../lib/proc';
import { Samples, summarize, type Summary } from '../lib/stats';
import { takeSeats, type BoardRef, type Seat, type Target } from '../lib/targets';
import { WireClient } from '../lib/wire-client';

/**
 * Join storm: many receive-only clients join a large board within a window, as phones do
 * when a facilitator shows the QR code. Each counts the ideas it received (not the `sync`
 * event); since every joiner of an unchanged board receives identical bytes, each distinct
 * message is decoded once and its idea count reused, so the load process is not the
 * bottleneck it would be decoding a 4 MB update 300 times.
 */

export interface StormArgs {
  target: Target;
  board: BoardRef;
  clients: number;
  windowMs: number;
  expectedIdeas: number;
  /** After the last client is complete (or the deadline), keep watching for disconnects. */
  holdMs: number;
  timeoutMs: number;
}

export interface StormResult {
  clients: number;
  complete: number;
  /** Per client: from opening its socket to holding every idea. */
  fullMs: Summary;
  /** From the first client starting to the last one complete. */
  wallMs: number;
  disconnects: number;
  sessionsMs: number;
}

class IdeaCounter {
  private readonly known = new Map<number, Array<{ bytes: Buffer; ideas: number }>>();

  ideasIn(update: Uint8Array): number {
    const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    const candidates = this.known.get(bytes.length) ?? [];
    const hit = candidates.find((c) => c.bytes.equals(bytes));
    if (hit) return hit.ideas;
    // The ideas (maps under the `ideas` root) the update creates, read without applying it:
    // Samskab sends a large board in pieces, each of which applies only after the ones before.
    let ideas = 0;
    for (const struct of Y.decodeUpdate(update).structs) if (struct instanceof Y.Item && (struct.parent as unknown) === ROOT.ideas && struct.content instanceof Y.ContentType) ideas++;
    candidates.push({ bytes: Buffer.from(bytes), ideas });
    this.known.set(bytes.length, candidates);
    return ideas;
  }
}

let stormClients: WireClient[] = [];
let prepared: { seats: Seat[]; sessionsMs: number } | null = null;

/** Sessions first (Samskab: one REST call each), so the storm's CPU figures cover only the joins. */
export async function prepareStorm(args: { target: Target; board: BoardRef; clients: number }): Promise<number> {
  const started = performance.now();
  const seats = await takeSeats(args.target, args.board, args.clients);
  prepared = { seats, sessionsMs: performance.now() - started };
  return prepared.sessionsMs;
}

export async function joinStorm(args: StormArgs): Promise<StormResult> {
  if (!prepared || prepared.seats.length !== args.clients) throw new Error('prepareStorm first');
  const { seats, sessionsMs } = prepared;
  prepared = null;
  const counter = new IdeaCounter();
  const full = new Samples();
  let disconnects = 0;
  const started = performance.now();
  let lastComplete = started;
  const spacing = args.windowMs / args.clients;
  for (const [i, seat] of seats.entries()) {
    const due = started + i * spacing;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const joinedAt = performance.now();
    // Ideas may arrive in several messages (the reference server sends its cold load as an update after sync).
    let ideas = 0;
    let done = false;
    const client = new WireClient(seat.endpoint, null, {
      onUpdate: (update) => {
        if (done) return;
        ideas += counter.ideasIn(update);
        if (ideas >= args.expectedIdeas) {
          done = true;
          const now = performance.now();
          full.push(now - joinedAt);
          lastComplete = now;
        }
      },
      onClose: () => disconnects++,
    });
    stormClients.push(client);
  }
  const deadline = started + args.timeoutMs;
  while (full.length < args.clients && performance.now() < deadline) await sleep(20);
  await sleep(args.holdMs);
  return {
    clients: args.clients,
    complete: full.length,
    fullMs: summarize(full.values()),
    wallMs: lastComplete - started,
    disconnects,
    sessionsMs,
  };
}

export async function closeStorm(): Promise<void> {
  for (const c of stormClients) c.close();
  stormClients = [];
  await sleep(100);
}
