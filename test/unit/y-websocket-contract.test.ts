import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { readFileSync } from 'node:fs';
import { ErrorCode, YMessage, YSyncStep, ideasMap, insertIdea, type Identity } from '../../shared';
import { adaptProvider } from '../../client/sync/custom-messages';
import { YjsConnection } from '../../server/realtime/yjs-connection';
import { encodeUpdateMessage } from '../../server/realtime/messages';
import { createLogger } from '../../server/log';
import { ideaBy, openRoom, principal, settle } from '../room/support';

/**
 * The contract between Samskab and y-websocket's WebsocketProvider, which the client's Saved
 * tracking (client/sync/save-tracker.ts) and custom messages (client/sync/custom-messages.ts)
 * build on. y-websocket is pinned to an exact version in package.json; a new release must
 * pass this before the pin moves. The provider runs for real, over an in-memory socket
 * (its WebSocketPolyfill option), against the real server connection and room, no port.
 */

/** A WebSocket as the provider uses one, in memory; the other end is a fake `ws` socket on the server. */
class MemorySocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static last: MemorySocket | null = null;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Every frame the provider sent, in order. */
  readonly sent: Uint8Array[] = [];
  readonly server = new ServerSide(this);

  constructor(readonly url: string) {
    MemorySocket.last = this;
  }

  send(data: ArrayBuffer | Uint8Array): void {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    this.sent.push(bytes);
    this.server.emit('message', Buffer.from(bytes), true);
  }

  close(): void {
    this.readyState = MemorySocket.CLOSED;
  }

  /** Test side: the server accepted the connection. */
  open(): void {
    this.readyState = MemorySocket.OPEN;
    this.onopen?.({});
    for (const frame of this.server.early.splice(0)) this.deliver(frame);
  }

  deliver(frame: Uint8Array): void {
    if (this.readyState !== MemorySocket.OPEN) {
      this.server.early.push(frame);
      return;
    }
    const copy = frame.slice();
    this.onmessage?.({ data: copy.buffer });
  }
}

/** The server's view of the socket: what YjsConnection uses of a `ws` WebSocket. */
class ServerSide extends EventEmitter {
  bufferedAmount = 0;
  readonly early: Uint8Array[] = [];
  closedWith: number | null = null;
  constructor(private readonly client: MemorySocket) {
    super();
  }
  send(message: Uint8Array, done?: (error?: Error) => void): void {
    this.client.deliver(message);
    done?.();
  }
  close(code: number): void {
    this.closedWith = code;
    this.client.readyState = MemorySocket.CLOSED;
    this.client.onclose?.({ code, reason: '' });
    this.emit('close');
  }
  terminate(): void {
    this.close(1006);
  }
  ping(): void {}
}

const kinds = (frames: Uint8Array[]) =>
  frames.map((frame) => {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    return type === YMessage.Sync ? `sync${decoding.readVarUint(d)}` : `type${type}`;
  });

let provider: WebsocketProvider | null = null;
afterEach(() => {
  provider?.destroy();
  provider = null;
  MemorySocket.last = null;
});

async function connect(options: { adapt?: boolean } = {}) {
  // custom-messages reads WebSocket.OPEN; Node 20 has no global WebSocket.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= MemorySocket;
  const { room } = await openRoom();
  const doc = new Y.Doc();
  const saved: number[] = [];
  const errors: string[] = [];
  provider = new WebsocketProvider('ws://memory', 'room0001', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: MemorySocket as unknown as typeof WebSocket,
  });
  if (options.adapt !== false) {
    adaptProvider(provider, { onSaved: () => saved.push(Date.now()), onError: (code) => errors.push(code) });
  }
  provider.connect();
  const socket = MemorySocket.last!;
  const who = principal('alice0001');
  const identity = { ...who, boardId: 'room0001' } as Identity;
  new YjsConnection(socket.server as never, room, identity, createLogger('silent'), () => undefined, 1 << 24);
  socket.open();
  await settle();
  return { room, doc, socket, saved, errors, who };
}

describe('y-websocket provider contract (pinned version)', () => {
  it('is pinned to the exact installed version, as y-indexeddb is (client/sync/device-copy.ts hooks its internals)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ['y-websocket', 'y-indexeddb']) {
      const installed = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
      expect(pkg.dependencies[name]).toBe(installed.version);
    }
  });

  it('keeps a message handler table per provider that our Saved and Error handlers extend', () => {
    const a = new WebsocketProvider('ws://memory', 'a', new Y.Doc(), { connect: false, WebSocketPolyfill: MemorySocket as unknown as typeof WebSocket });
    const b = new WebsocketProvider('ws://memory', 'b', new Y.Doc(), { connect: false, WebSocketPolyfill: MemorySocket as unknown as typeof WebSocket });
    try {
      expect(Array.isArray(a.messageHandlers)).toBe(true);
      expect(typeof a.messageHandlers[YMessage.Sync]).toBe('function');
      expect(typeof a.messageHandlers[YMessage.Awareness]).toBe('function');
      adaptProvider(a, { onSaved: () => undefined, onError: () => undefined });
      expect(typeof a.messageHandlers[YMessage.Saved]).toBe('function');
      expect(b.messageHandlers[YMessage.Saved]).toBeUndefined();
      // Our handler replaces the provider's awareness sender where destroy() finds it.
      expect(typeof a._awarenessUpdateHandler).toBe('function');
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('opens with sync step 1, is synced only by a step 2, and answers the server’s step 1 with one step 2', async () => {
    const { socket } = await connect();
    expect(kinds(socket.sent)[0]).toBe(`sync${YSyncStep.Step1}`);
    expect(provider!.synced).toBe(true);
    expect(kinds(socket.sent).filter((k) => k === `sync${YSyncStep.Step2}`)).toHaveLength(1);
    // An update message alone never makes a provider synced.
    const fresh = new WebsocketProvider('ws://memory', 'x', new Y.Doc(), { connect: true, disableBc: true, WebSocketPolyfill: MemorySocket as unknown as typeof WebSocket });
    try {
      MemorySocket.last!.readyState = MemorySocket.OPEN;
      MemorySocket.last!.onopen?.({});
      const other = new Y.Doc();
      insertIdea(other, ideaBy(principal('bob000001'), 'idea0009'));
      MemorySocket.last!.deliver(encodeUpdateMessage(Y.encodeStateAsUpdate(other)));
      expect(fresh.synced).toBe(false);
      expect(ideasMap(fresh.doc).has('idea0009')).toBe(true);
    } finally {
      fresh.destroy();
    }
  });

  it('sends each local transaction as one update message, in order, and hears one Saved for each', async () => {
    const { socket, doc, saved, who, room } = await connect();
    const before = socket.sent.length;
    insertIdea(doc, ideaBy(who, 'idea0001'));
    insertIdea(doc, ideaBy(who, 'idea0002'));
    doc.transact(() => ideasMap(doc).get('idea0001')!.set('text', 'Rettet'));
    const updates = socket.sent.slice(before);
    expect(kinds(updates)).toEqual([`sync${YSyncStep.Update}`, `sync${YSyncStep.Update}`, `sync${YSyncStep.Update}`]);
    await room.flushed();
    await settle();
    // One Saved per update message plus one for the step 2 answering the server's step 1.
    expect(saved).toHaveLength(4);
    expect(ideasMap(room.doc).get('idea0001')?.get('text')).toBe('Rettet');
  });

  it('hands a server update to the update listeners as it arrived, without Yjs encoding it again', async () => {
    const { doc, socket } = await connect();
    const heard: Array<{ update: Uint8Array; origin: unknown }> = [];
    doc.on('update', (update, origin) => heard.push({ update, origin }));
    const other = new Y.Doc();
    insertIdea(other, ideaBy(principal('bob000001'), 'idea0009'));
    const update = Y.encodeStateAsUpdate(other);
    socket.deliver(encodeUpdateMessage(update));
    expect(ideasMap(doc).has('idea0009')).toBe(true);
    // Once, with the bytes sent (an encode by Yjs would have been a second call), tagged with the provider.
    expect(heard).toHaveLength(1);
    expect(heard[0]!.update).toEqual(update);
    expect(heard[0]!.origin).toBe(provider);
    // Nothing new: no call, as Yjs emits no update for a transaction that changed nothing.
    socket.deliver(encodeUpdateMessage(update));
    expect(heard).toHaveLength(1);
    // The listeners are back for local changes, and y-websocket's sender with them.
    const before = socket.sent.length;
    doc.transact(() => ideasMap(doc).get('idea0009')!.set('text', 'Lokal'));
    expect(heard).toHaveLength(2);
    expect(kinds(socket.sent.slice(before))).toEqual([`sync${YSyncStep.Update}`]);
  });

  it('still sends and stores a local change an observer makes while a server update applies', async () => {
    const { doc, socket, who, room, errors } = await connect();
    const heard: unknown[] = [];
    doc.on('update', (_update, origin) => heard.push(origin));
    // An observer that writes back at once (none of the client's do; this proves none could be lost).
    ideasMap(doc).observe((event) => {
      if (event.transaction.origin === provider && !ideasMap(doc).has('idea0002')) insertIdea(doc, ideaBy(who, 'idea0002'));
    });
    const other = new Y.Doc();
    insertIdea(other, ideaBy(principal('bob000001'), 'idea0009'));
    const before = socket.sent.length;
    socket.deliver(encodeUpdateMessage(Y.encodeStateAsUpdate(other)));
    // The local insert was encoded and emitted by Yjs as usual (origin null) and sent; the server's bytes followed.
    expect(heard).toEqual([null, provider]);
    expect(kinds(socket.sent.slice(before))).toEqual([`sync${YSyncStep.Update}`]);
    await settle();
    await room.flushed();
    expect(errors).toEqual([]);
    expect(ideasMap(room.doc).has('idea0002')).toBe(true);
  });

  it('logs an update it cannot apply and keeps the listeners', async () => {
    const { doc, socket, who } = await connect();
    const heard: unknown[] = [];
    doc.on('update', (_update, origin) => heard.push(origin));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      socket.deliver(encodeUpdateMessage(Uint8Array.from([1, 200, 3])));
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(['Caught error while handling a Yjs update']);
    const before = socket.sent.length;
    insertIdea(doc, ideaBy(who, 'idea0003'));
    expect(heard).toEqual([null]);
    expect(kinds(socket.sent.slice(before))).toEqual([`sync${YSyncStep.Update}`]);
  });

  it('hands our Error message to our handler and stops reconnecting on a 44xx close', async () => {
    const { socket, doc, errors } = await connect();
    const closed: number[] = [];
    provider!.on('closed', (event) => closed.push(event.code));
    // An idea without its fields: refused with our Error message and a 44xx close code.
    doc.transact(() => ideasMap(doc).set('idea0001', new Y.Map()));
    await settle();
    expect(errors).toEqual([ErrorCode.VALIDATION_FAILED]);
    expect(socket.server.closedWith).toBeGreaterThanOrEqual(4400);
    expect(closed).toEqual([socket.server.closedWith]);
    expect(provider!.shouldConnect).toBe(false);
    expect(provider!.synced).toBe(false);
  });
});
