import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Ack,
  type ClientToServerEvents,
  type CreateBoardResponse,
  type Idea,
  type Role,
  type ServerToClientEvents,
  type SessionResponse,
  type WorkshopState,
} from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { buildIdea } from '../../client/sync/idea-writes';
import { TestClient, createBoard, join, openStore, socketClient, startServer, type StoreKind } from './harness';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One server for a workshop test file, with helpers to open boards, sessions, Yjs clients
 * and socket.io clients, and to restart the server on the same store. Everything opened is
 * closed by close().
 */
export async function workshopEnv(kind: StoreKind, redisUrl: string | null, overrides: Parameters<typeof startServer>[1] = {}) {
  const opened = await openStore(kind, redisUrl);
  let store: BoardStore = opened.store;
  let running = await startServer(store, overrides);
  let clients: TestClient[] = [];
  let sockets: TestSocket[] = [];

  const closeClients = () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.close();
    clients = [];
    sockets = [];
  };

  return {
    get url() {
      return running.url;
    },
    get store() {
      return store;
    },
    get server() {
      return running.server;
    },
    board: (template = 'kickoff') => createBoard(running.url, template),
    session: (board: CreateBoardResponse, role: Role, name: string | null = null) => join(running.url, board.boardId, board.tokens[role], name),
    /** A synced y-websocket client for a session. */
    async yjs(session: SessionResponse): Promise<TestClient> {
      const client = new TestClient(running.wsUrl, session.identity.boardId, session);
      clients.push(client);
      await client.synced();
      return client;
    },
    /** A connected socket.io client for a session. */
    async socket(session: SessionResponse): Promise<TestSocket> {
      const socket = socketClient(running.url, session.sessionToken);
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    /** Closes every client, stops server and store, opens both again on the same data. */
    async restart() {
      closeClients();
      await running.server.close();
      await store.close();
      store = await opened.reopen();
      running = await startServer(store, overrides);
    },
    /** Stops the server and store, runs `meanwhile` on the data (a fresh handle), starts again. */
    async restartWith(meanwhile: (store: BoardStore) => Promise<void>) {
      closeClients();
      await running.server.close();
      await store.close();
      store = await opened.reopen();
      await meanwhile(store);
      running = await startServer(store, overrides);
    },
    async close() {
      closeClients();
      await running.server.close();
      await store.close();
      await opened.cleanup();
    },
  };
}
export type WorkshopEnv = Awaited<ReturnType<typeof workshopEnv>>;

/**
 * The tests in `body` once per store, each block with a workshopEnv of its own, started
 * before its tests and closed after them; the Redis block is skipped when the suite runs
 * without Redis (`test` is `it`, skipped then). `env` forwards to the block's environment,
 * so it is used inside tests only. `title` may name the store with %s.
 */
export function describeOnStores(title: string, body: (env: WorkshopEnv, test: ReturnType<typeof it.skipIf>, kind: StoreKind) => void): void {
  const redisUrl = inject('redisUrl');
  describe.each(['embedded', 'redis'] as const)(title, (kind) => {
    let started: WorkshopEnv | undefined;
    beforeAll(async () => {
      if (kind === 'redis' && !redisUrl) return;
      started = await workshopEnv(kind, redisUrl);
    });
    afterAll(async () => {
      await started?.close();
    });
    const env = new Proxy({} as WorkshopEnv, {
      get(_target, key) {
        if (!started) throw new Error('the store environment is not started: use env inside a test');
        return Reflect.get(started, key, started) as unknown;
      },
    });
    body(env, it.skipIf(kind === 'redis' && !redisUrl), kind);
  });
}

/** Emits a command and resolves with its acknowledgement. */
export function call<T = unknown>(socket: TestSocket, event: keyof ClientToServerEvents, payload?: unknown): Promise<Ack<T>> {
  const untyped = socket as unknown as { emit(event: string, ...args: unknown[]): void };
  return new Promise((resolve) => {
    if (payload === undefined) untyped.emit(event, resolve);
    else untyped.emit(event, payload, resolve);
  });
}

/** The data of a successful acknowledgement; fails the test with the error otherwise. */
export async function ok<T>(ack: Promise<Ack<T>>): Promise<T> {
  const answer = await ack;
  if (!answer.ok) throw new Error(`expected ok, got ${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** The error code of a refused acknowledgement (undefined when it succeeded). */
export async function refusal(ack: Promise<Ack<unknown>>): Promise<string | undefined> {
  const answer = await ack;
  return answer.ok ? undefined : answer.error.code;
}

export function setStep(socket: TestSocket, questionId: string, step: WorkshopState['steps'][string]) {
  return ok(call<WorkshopState>(socket, 'workshop:setStep', { questionId, step }));
}

/** Whether a document's full state, as bytes on the wire, contains a string anywhere. */
export function docContains(doc: Y.Doc, text: string): boolean {
  return Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text, 'utf8'));
}

/** A connected socket.io client outside a workshopEnv (close it yourself). */
export async function socketOf(url: string, session: SessionResponse): Promise<TestSocket> {
  const socket = socketClient(url, session.sessionToken);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * An idea as a session's client submits it while silent writing is on (`idea:submitHidden`):
 * built by the client's own `buildIdea`, as board-sync.ts does, on a board with no ideas yet.
 */
export function draft(session: SessionResponse, text: string, questionId: string | null = 'kickoff-q1'): Idea {
  const idea = buildIdea(new Y.Doc(), session.identity, { text, phase: null, principle: null, track: null, beacons: [], questionId });
  if (!idea) throw new Error(`draft: not a valid idea: ${JSON.stringify(text)}`);
  return idea;
}
