import { randomId, type Ack, type CreateBoardResponse, type SessionResponse } from '../../shared';
import type { Author } from './ideas';
import { fakeAuthor } from './ideas';
import type { Endpoint } from './wire-client';

/**
 * How a client reaches a board on each server. Samskab needs a board made over REST and a
 * session per person (its identity is checked on every write); the reference servers take
 * any document name and anyone.
 */

export type ServerKind = 'samskab' | 'ywebsocket' | 'hocuspocus';
export const SERVER_KINDS: readonly ServerKind[] = ['samskab', 'ywebsocket', 'hocuspocus'];
export const SERVER_LABEL: Record<ServerKind, string> = {
  samskab: 'Samskab',
  ywebsocket: '@y/websocket-server',
  hocuspocus: 'Hocuspocus',
};

export interface Target {
  kind: ServerKind;
  port: number;
}

/** Serializable (it crosses IPC): the orchestrator may create a board that a load worker joins. */
export interface BoardRef {
  kind: ServerKind;
  /** Samskab's board id; the document name on the reference servers. */
  id: string;
  tokens: { facilitator: string; participant: string } | null;
}

export interface Seat {
  endpoint: Endpoint;
  author: Author;
  /** Samskab session (for socket.io commands); null elsewhere. */
  session: string | null;
}

export const httpBase = (t: Target): string => `http://127.0.0.1:${t.port}`;

async function post<T>(t: Target, path: string, body: unknown): Promise<T> {
  const res = await fetch(httpBase(t) + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const ack = (await res.json()) as Ack<T>;
  if (!ack.ok) throw new Error(`POST ${path}: ${res.status} ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** A new board: Samskab's kick-off template (three questions), or a fresh document name. */
export async function createBoard(t: Target): Promise<BoardRef> {
  if (t.kind !== 'samskab') return { kind: t.kind, id: `bench-${randomId(10)}`, tokens: null };
  const board = await post<CreateBoardResponse>(t, '/api/boards', { template: 'kickoff', locale: 'en' });
  return { kind: t.kind, id: board.boardId, tokens: { facilitator: board.tokens.facilitator, participant: board.tokens.participant } };
}

export async function takeSeat(t: Target, board: BoardRef, role: 'participant' | 'facilitator' = 'participant'): Promise<Seat> {
  const ws = `ws://127.0.0.1:${t.port}`;
  switch (t.kind) {
    case 'samskab': {
      if (!board.tokens) throw new Error('a Samskab board needs its tokens');
      const s = await post<SessionResponse>(t, `/api/boards/${board.id}/sessions`, { token: board.tokens[role] });
      const { participantId, displayName, contributorType, organisation } = s.identity;
      return {
        endpoint: { url: `${ws}/yjs/${board.id}?session=${encodeURIComponent(s.sessionToken)}`, framing: { kind: 'plain' } },
        author: { participantId, displayName, contributorType, organisation },
        session: s.sessionToken,
      };
    }
    case 'ywebsocket':
      return { endpoint: { url: `${ws}/${board.id}`, framing: { kind: 'plain' } }, author: fakeAuthor(), session: null };
    case 'hocuspocus':
      return { endpoint: { url: `${ws}/`, framing: { kind: 'hocuspocus', docName: board.id } }, author: fakeAuthor(), session: null };
  }
}

/** Many seats, a few requests at a time (Samskab writes each session to Redis). */
export async function takeSeats(t: Target, board: BoardRef, count: number, concurrency = 16): Promise<Seat[]> {
  const seats: Seat[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      seats[i] = await takeSeat(t, board);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return seats;
}
