import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type MyVotes,
  type ServerToClientEvents,
  type WorkshopState,
} from '../../shared';
import { QUESTION } from '../lib/ideas';
import { Samples } from '../lib/stats';
import { httpBase, type Target } from '../lib/targets';

/**
 * Samskab's dot votes are socket.io commands (`vote:cast` / `vote:retract`, budgeted per
 * participant and question) rather than Yjs writes. They are only allowed while the idea's
 * question is in the workshop's `vote` step, which a facilitator sets with
 * `workshop:setStep`. A server without those handlers ignores the events, so the setup
 * times out and the bench falls back to a Yjs write (see yjsVote).
 */

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const COMMAND_TIMEOUT_MS = 5_000;

export function connectSocket(t: Target, session: string): Promise<BenchSocket> {
  const socket: BenchSocket = io(httpBase(t), {
    auth: { session, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket.io connect timed out')), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** Puts the vote question into the vote step; false when the server does not know the command. */
export async function openVoting(t: Target, facilitatorSession: string): Promise<{ ok: boolean; reason: string }> {
  let socket: BenchSocket | null = null;
  try {
    socket = await connectSocket(t, facilitatorSession);
    const ack = (await socket
      .timeout(3_000)
      .emitWithAck('workshop:setStep', { questionId: QUESTION.vote, step: 'vote' })) as Ack<WorkshopState>;
    return ack.ok ? { ok: true, reason: 'vote:cast over socket.io' } : { ok: false, reason: `workshop:setStep refused: ${ack.error.code}` };
  } catch (error) {
    return { ok: false, reason: `no workshop:setStep on this server (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    socket?.close();
  }
}

export interface VoteStats {
  ack: Samples;
  cast: number;
  retracted: number;
  refused: Record<string, number>;
}

export const newVoteStats = (): VoteStats => ({ ack: new Samples(), cast: 0, retracted: 0, refused: {} });

/**
 * One participant's voting: cast while the budget lasts, then take a vote back, so a run of
 * any length keeps exercising the budget check instead of only hitting "no votes left".
 */
export class Voter {
  private mine: Record<string, number> = {};
  private remaining = 1;
  private busy = false;

  constructor(private readonly socket: BenchSocket) {}

  /** False when this person still waits for their previous vote (one command in flight, like a phone). */
  vote(candidates: readonly string[], stats: VoteStats): boolean {
    if (this.busy || candidates.length === 0) return false;
    this.busy = true;
    const started = performance.now();
    const retract = this.remaining <= 0;
    const owned = Object.keys(this.mine);
    const ideaId = retract ? (owned[Math.floor(Math.random() * owned.length)] as string) : (candidates[Math.floor(Math.random() * candidates.length)] as string);
    const event = retract && ideaId ? 'vote:retract' : 'vote:cast';
    this.socket
      .timeout(COMMAND_TIMEOUT_MS)
      .emitWithAck(event, { ideaId })
      .then((raw) => {
        const ack = raw as Ack<MyVotes>;
        stats.ack.push(performance.now() - started);
        if (ack.ok) {
          this.mine = ack.data.votes;
          this.remaining = ack.data.remaining;
          if (event === 'vote:cast') stats.cast++;
          else stats.retracted++;
        } else {
          stats.refused[ack.error.code] = (stats.refused[ack.error.code] ?? 0) + 1;
          // Out of budget or per-idea cap: retract next time so the run keeps going.
          this.remaining = 0;
          if (Object.keys(this.mine).length === 0) this.remaining = 1;
        }
      })
      .catch(() => {
        stats.refused.TIMEOUT = (stats.refused.TIMEOUT ?? 0) + 1;
      })
      .finally(() => {
        this.busy = false;
      });
    return true;
  }

  close(): void {
    this.socket.close();
  }
}
