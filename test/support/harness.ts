import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { io as ioClient, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  YMessage,
  insertIdea,
  randomId,
  type Ack,
  type ClientToServerEvents,
  type CreateBoardResponse,
  type Idea,
  type ServerToClientEvents,
  type SessionResponse,
} from '../../shared';
import { testConfig } from '../../server/config';
import { createServer, type SamskabServer } from '../../server/create-server';
import type { BoardStore } from '../../server/store/board-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { RedisStore } from '../../server/store/redis-store';

// y-websocket's provider adds a process 'exit' listener per instance in Node; tests run dozens.
process.setMaxListeners(200);

export type StoreKind = 'embedded' | 'redis';

/** Opens a fresh store of a kind; `reopen` gives a new handle on the same data (a restart). */
export async function openStore(kind: StoreKind, redisUrl: string | null) {
  if (kind === 'redis') {
    if (!redisUrl) throw new Error('no redis');
    const prefix = `t${randomId(8)}:`;
    return {
      store: (await RedisStore.connect(redisUrl, { keyPrefix: prefix })) as BoardStore,
      reopen: async () => (await RedisStore.connect(redisUrl, { keyPrefix: prefix })) as BoardStore,
      cleanup: async () => undefined,
    };
  }
  const dir = await mkdtemp(joinPath(tmpdir(), 'samskab-test-'));
  return {
    store: (await EmbeddedStore.open(dir)) as BoardStore,
    reopen: async () => (await EmbeddedStore.open(dir)) as BoardStore,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function startServer(store: BoardStore, overrides: Parameters<typeof testConfig>[0] = {}) {
  const server: SamskabServer = await createServer({ store, config: testConfig(overrides) });
  const { url } = await server.listen(0, '127.0.0.1');
  return { server, url, wsUrl: url.replace('http', 'ws') };
}

export async function api<T>(base: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Ack<T> };
}

export async function createBoard(base: string, template = 'blank'): Promise<CreateBoardResponse> {
  const res = await api<CreateBoardResponse>(base, '/api/boards', { template });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.data;
}

export async function join(base: string, boardId: string, token: string, displayName: string | null = null): Promise<SessionResponse> {
  const res = await api<SessionResponse>(base, `/api/boards/${boardId}/sessions`, { token, displayName });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.data;
}

/** A real y-websocket client, recording Samskab's Saved and Error messages and close events. */
export class TestClient {
  readonly provider: WebsocketProvider;
  readonly errors: Array<{ code: string; message: string }> = [];
  readonly closes: number[] = [];
  private savedClock = 0;
  /** Saved messages received: the server sends one per update message it accepted. */
  savedCount = 0;

  /** Pass the `doc` of an earlier client to carry its state over (a reconnect to another server). */
  constructor(
    wsUrl: string,
    boardId: string,
    readonly session: SessionResponse,
    connect = true,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.provider = new WebsocketProvider(`${wsUrl}/yjs`, boardId, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { session: session.sessionToken },
      disableBc: true,
      connect,
    });
    this.provider.messageHandlers[YMessage.Saved] = (_encoder, decoder) => {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (client === this.doc.clientID) this.savedClock = Math.max(this.savedClock, clock);
      this.savedCount++;
    };
    this.provider.messageHandlers[YMessage.Error] = (_encoder, decoder) => {
      this.errors.push({ code: decoding.readVarString(decoder), message: decoding.readVarString(decoder) });
    };
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push(event.code);
    });
  }

  get identity() {
    return this.session.identity;
  }

  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve) => this.provider.once('sync', (s: boolean) => s && resolve()));
  }

  /** The highest clock of this client's own structs that the server confirmed saved. */
  get savedClockValue(): number {
    return this.savedClock;
  }

  /** True once the server has confirmed everything this client wrote. */
  get allSaved(): boolean {
    return this.savedClock >= Y.getState(this.doc.store, this.doc.clientID);
  }

  addIdea(fields: Partial<Idea> = {}): Idea {
    const now = Date.now();
    const idea: Idea = {
      id: randomId(12),
      text: 'An idea',
      authorId: this.identity.participantId,
      authorName: this.identity.displayName,
      contributorType: null,
      organisation: null,
      createdAt: now,
      updatedAt: now,
      phase: null,
      principle: null,
      track: null,
      beacons: [],
      questionId: null,
      position: 'a0',
      clusterId: null,
      ...fields,
    };
    insertIdea(this.doc, idea);
    return idea;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }

  /** Closes the connection but keeps the document, as a device that loses its server does. */
  detach(): Y.Doc {
    this.provider.destroy();
    return this.doc;
  }
}

export function socketClient(url: string, session: string): Socket<ServerToClientEvents, ClientToServerEvents> {
  return ioClient(url, { auth: { session, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
}

/** Polls until `check` holds (tests assert behaviour, not time: the timeout only bounds a failure). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The board as the store holds it: a fresh doc rebuilt from snapshot + log. */
export async function storedDoc(store: BoardStore, boardId: string): Promise<Y.Doc> {
  const stored = await store.loadDocument(`board:${boardId}`);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A bare WebSocket on the Yjs endpoint, for messages no well-behaved client would send. */
export class RawConnection {
  readonly ws: WebSocket;
  readonly errors: Array<{ code: string; message: string }> = [];
  readonly saved: Array<{ client: number; clock: number }> = [];
  closeCode: number | null = null;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(wsUrl: string, boardId: string, session: string | null, headers: Record<string, string> = {}) {
    const query = session === null ? '' : `?session=${encodeURIComponent(session)}`;
    this.ws = new WebSocket(`${wsUrl}/yjs/${boardId}${query}`, { headers });
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === YMessage.Error) {
        this.errors.push({ code: decoding.readVarString(decoder), message: decoding.readVarString(decoder) });
      } else if (type === YMessage.Saved) {
        this.saved.push({ client: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder) });
      }
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  /** Sends a Yjs update as a y-websocket sync Update message. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessage.Sync);
    syncProtocol.writeUpdate(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }
}
