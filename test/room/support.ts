import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { boardMap, insertIdea, YMessage, YSyncStep, type IdeaInput, type ProtocolError } from '../../shared';
import { BoardRoom, type RoomPeer } from '../../server/realtime/board-room';
import type { RoomHooks } from '../../server/realtime/room-hooks';
import type { Principal } from '../../server/realtime/update-policy';
import { MemoryStore } from '../../server/store/memory-store';
import { createLogger } from '../../server/log';

/**
 * A board room in memory, driven through RoomPeer by fake peers: no server, no port, no
 * socket (as tldraw's sync-core tests drive TLSyncRoom through TestSocketPair). What the
 * room sends a peer is decoded and applied to the peer's own Y.Doc, as y-websocket would.
 */

export const DOC_NAME = 'board:room0001';

export const SETTINGS = {
  title: 'Rummet',
  description: '',
  beacons: [{ id: 'beacon01', name: 'Fyrtårn' }],
  questions: [
    { id: 'question1', text: 'Hvad nu?' },
    { id: 'question2', text: 'Og så?' },
  ],
  focusQuestionId: 'question1',
  call: null,
};

export function principal(participantId: string, role: Principal['role'] = 'participant', displayName: string | null = `Navn ${participantId}`): Principal {
  return { participantId, role, displayName, contributorType: 'citizen', organisation: null };
}

export function ideaBy(author: Principal, id: string, overrides: Partial<IdeaInput> = {}): IdeaInput {
  return {
    id,
    text: `Idé ${id}`,
    authorId: author.participantId,
    authorName: author.displayName,
    contributorType: author.contributorType,
    organisation: author.organisation,
    createdAt: 1,
    updatedAt: 1,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: 'question1',
    position: 'a0',
    clusterId: null,
    ...overrides,
  };
}

/** The board as the server makes it: settings written into the `board` root. */
export function seedUpdate(settings: Record<string, unknown> = SETTINGS): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [key, value] of Object.entries(settings)) boardMap(doc).set(key, value);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** A store whose appends each wait until the test lets them land (or fail). */
export class GatedStore extends MemoryStore {
  gated = false;
  readonly held: Array<{ updates: Uint8Array[]; land: () => void; fail: () => void }> = [];

  override appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ logLength: number }> {
    if (!this.gated) return super.appendUpdates(docName, updates);
    return new Promise((resolve, reject) => {
      this.held.push({
        updates,
        land: () => void super.appendUpdates(docName, updates).then(resolve, reject),
        fail: () => reject(new Error('store unreachable')),
      });
    });
  }
}

export async function openRoom(options: { store?: MemoryStore; compactAfterUpdates?: number; hooks?: RoomHooks } = {}) {
  const store = options.store ?? new MemoryStore();
  if ((await store.loadDocument(DOC_NAME)).updates.length === 0) await store.appendUpdate(DOC_NAME, seedUpdate());
  const room = await BoardRoom.load('room0001', DOC_NAME, store, createLogger('silent'), options.compactAfterUpdates ?? 10_000, undefined, options.hooks);
  return { room, store };
}

/** Lets every pending promise reaction run (the memory store answers in microtasks). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A connection on the room, as the room sees it, with the device's document behind it. */
export class FakePeer implements RoomPeer {
  readonly doc = new Y.Doc();
  /** Every frame the room sent, raw. */
  readonly frames: Uint8Array[] = [];
  /** Sync step 2 answers received, and update messages received. */
  steps2 = 0;
  updates = 0;
  /** One per accepted update message, with the saved clock of this peer's Yjs client. */
  readonly acks: number[] = [];
  private readonly outbox: Uint8Array[] = [];

  constructor(
    readonly room: BoardRoom,
    readonly principal: Principal,
  ) {
    room.peers.add(this);
    this.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) this.outbox.push(update);
    });
  }

  send(message: Uint8Array): void {
    this.frames.push(message);
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type !== YMessage.Sync) return;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === YSyncStep.Step2) this.steps2 += 1;
    if (step === YSyncStep.Update) this.updates += 1;
    if (step !== YSyncStep.Step1) Y.applyUpdate(this.doc, payload, this);
  }

  acknowledge(_clocks: ReadonlyMap<number, number>, durableClock: (client: number) => number): void {
    this.acks.push(durableClock(this.doc.clientID));
  }

  /** Sends the room a sync step 1 with this device's state vector, as y-websocket does on connect. */
  sync(): void {
    this.room.answerSync(this, Y.encodeStateVector(this.doc));
  }

  /** Makes a local change and sends it as one update message; resolves with the room's verdict. */
  write(change: (doc: Y.Doc) => void): Promise<ProtocolError | null> {
    this.doc.transact(() => change(this.doc));
    const updates = this.outbox.splice(0);
    if (updates.length === 0) throw new Error('the change changed nothing');
    return this.room.receiveUpdate(this, Y.mergeUpdates(updates));
  }

  addIdea(id: string, overrides: Partial<IdeaInput> = {}): Promise<ProtocolError | null> {
    return this.write((doc) => insertIdea(doc, ideaBy(this.principal, id, overrides)));
  }

  leave(): void {
    this.room.removePeer(this, null);
  }
}

/** The ideas' texts a document holds, by id. */
export function texts(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, map] of doc.getMap<Y.Map<unknown>>('ideas')) out[id] = map.get('text');
  return out;
}

/** Whether `needle` occurs anywhere in the frames (hidden means hidden: not even as bytes). */
export function framesContain(frames: Uint8Array[], needle: string): boolean {
  const bytes = Buffer.from(needle);
  return frames.some((frame) => Buffer.from(frame).includes(bytes));
}
