import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { ROOT, YMessage, YSyncStep, ideasMap, insertIdea, randomId } from '../../shared';
import { randomBoardEdit, seededRandom, syncWithServer } from '../support/random-board';
import { splitUpdate } from '../../server/store/pieces/split';
import { FullSyncCache } from '../../server/realtime/full-sync-cache';

const roots = [...Object.values(ROOT)];
const contents = (doc: Y.Doc) => ({
  ...Object.fromEntries(roots.map((name) => [name, doc.getMap(name).toJSON()])),
  list: doc.getArray('list').toJSON(),
  text: doc.getText('text').toString(),
});
const clocks = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);

/**
 * A server's gc'd document written by many devices (Yjs clients): devices come and go (a
 * new one starts from the server's state), add ideas, move and edit others' ideas, delete
 * some, and edit a shared list and text (left and right origins across clients); some of
 * it concurrently, since a device syncs only now and then. `written` holds every text ever
 * written to an idea or the board title.
 */
function multiClientBoard(seed: number, steps = 400) {
  const rand = seededRandom(seed);
  const server = new Y.Doc();
  const fresh = () => {
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    return device;
  };
  const devices = Array.from({ length: 4 }, fresh);
  const written: string[] = [];
  for (let step = 0; step < steps; step++) {
    const slot = Math.floor(rand() * devices.length);
    if (rand() < 0.04) {
      syncWithServer(server, devices[slot] as Y.Doc);
      devices[slot] = fresh(); // another person's device: a new Yjs client
    }
    const device = devices[slot] as Y.Doc;
    const roll = rand();
    if (roll < 0.1) {
      const list = device.getArray<string>('list');
      if (list.length > 3 && rand() < 0.4) list.delete(Math.floor(rand() * (list.length - 2)), 2);
      else list.insert(Math.floor(rand() * (list.length + 1)), [`l${step}`, `m${step}`]);
    } else if (roll < 0.2) {
      const shared = device.getText('text');
      if (shared.length > 4 && rand() < 0.4) shared.delete(Math.floor(rand() * (shared.length - 3)), 3);
      else shared.insert(Math.floor(rand() * (shared.length + 1)), `t${step}æ😀`);
    } else {
      randomBoardEdit(device, rand, seed, step, written);
    }
    if (rand() < 0.4) syncWithServer(server, device);
  }
  for (const device of devices) syncWithServer(server, device);
  return { server, written, clients: server.store.clients.size };
}

/** Applies updates in order to a new document; checks after each that nothing waits in Yjs's pending structs or deletes. */
function applyInOrder(updates: Uint8Array[], doc = new Y.Doc()): Y.Doc {
  for (const update of updates) {
    Y.applyUpdate(doc, update);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  return doc;
}

function expectSameDoc(copy: Y.Doc, original: Y.Doc): void {
  expect(clocks(copy)).toEqual(clocks(original));
  expect(contents(copy)).toEqual(contents(original));
  expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(original))).toBe(true);
}

describe('a large update cut into pieces', () => {
  it('applies in order, piece by piece, to the same document, nothing waiting in between', () => {
    const manyClients: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const { server, clients } = multiClientBoard(seed);
      manyClients.push(clients);
      const update = Y.encodeStateAsUpdate(server);
      for (const bound of [700, 3000]) {
        const pieces = splitUpdate(update, bound);
        expect(pieces.length).toBeGreaterThan(update.length / bound);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(bound);
        // Each a v1 update of its own; the deletes come with the last.
        for (const piece of pieces.slice(0, -1)) expect(Y.decodeUpdate(piece).ds.clients.size).toBe(0);
        expectSameDoc(applyInOrder(pieces), server);
      }
    }
    // Most boards had many Yjs clients (a seed or two of the simple generator have few).
    expect(manyClients.filter((clients) => clients >= 10).length).toBeGreaterThan(9);
  });

  it('cuts a tail (the state beyond a state vector) the same way', () => {
    for (let seed = 40; seed <= 45; seed++) {
      const { server } = multiClientBoard(seed, 200);
      const base = Y.encodeStateAsUpdate(server);
      const vector = Y.encodeStateVector(server);
      const more = multiClientBoard(seed + 100, 200);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(more.server));
      ideasMap(server).delete([...ideasMap(server).keys()][0] as string);
      const tail = Y.encodeStateAsUpdate(server, vector);
      const pieces = splitUpdate(tail, 1000);
      expect(pieces.length).toBeGreaterThan(1);
      expectSameDoc(applyInOrder(pieces, applyInOrder([base])), server);
    }
  });

  it('makes the first pieces smaller (an eighth, a quarter, a half of the bound) unless told to start at the bound', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 2000; i++) insertIdea(doc, { id: `idea${String(i).padStart(8, '0')}`, text: `Idé ${i}`, authorId: 'author0001', authorName: null, contributorType: null, organisation: null, createdAt: i, updatedAt: i, phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a0' });
    const update = Y.encodeStateAsUpdate(doc);
    const bound = 40_000;
    const ramped = splitUpdate(update, bound).map((piece) => piece.length);
    [bound / 8, bound / 4, bound / 2, bound].forEach((limit, i) => {
      expect(ramped[i]).toBeLessThanOrEqual(limit);
      expect(ramped[i]).toBeGreaterThan(limit * 0.75);
    });
    const flat = splitUpdate(update, bound, 0).map((piece) => piece.length);
    expect(flat[0]).toBeGreaterThan(bound * 0.75);
    expect(flat.length).toBeLessThan(ramped.length);
    expectSameDoc(applyInOrder(splitUpdate(update, bound, 0)), doc);
  });

  it('leaves an update that fits as it is', () => {
    const { server } = multiClientBoard(7, 50);
    const update = Y.encodeStateAsUpdate(server);
    expect(splitUpdate(update, update.length)).toEqual([update]);
    expect(splitUpdate(update, update.length)[0]).toBe(update);
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(splitUpdate(empty, 1)).toEqual([empty]);
  });

  it('leaves a merged update with gaps as it is', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 40; i++) doc.getMap('m').set(`k${i}`, 'x'.repeat(100));
    const gapped = Y.mergeUpdates([updates[0] as Uint8Array, ...updates.slice(5)]);
    expect(Y.decodeUpdate(gapped).structs.some((struct) => struct instanceof Y.Skip)).toBe(true);
    expect(splitUpdate(gapped, 500)).toEqual([gapped]);
  });

  it('keeps an idea whole when a cut can go before a new idea instead of inside one', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 600; i++) insertIdea(doc, { id: `idea${String(i).padStart(8, '0')}`, text: `Idé ${i}`, authorId: 'author0001', authorName: null, contributorType: null, organisation: null, createdAt: i, updatedAt: i, phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a0' });
    const fields = ideasMap(doc).get('idea00000000')!.size;
    const copy = new Y.Doc();
    // (The first piece has an eighth of the bound; the room it leaves for a whole idea, an eighth of that, is larger than an idea.)
    for (const piece of splitUpdate(Y.encodeStateAsUpdate(doc), 40_000)) {
      Y.applyUpdate(copy, piece);
      for (const idea of ideasMap(copy).values()) expect(idea.size).toBe(fields);
    }
    expect(ideasMap(copy).size).toBe(600);
  });
});

/** The update in a sync message, and its sub-type. */
function readSync(message: Uint8Array): { step: number; update: Uint8Array } {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(YMessage.Sync);
  const step = decoding.readVarUint(decoder);
  return { step, update: decoding.readVarUint8Array(decoder) };
}

/** A client that handles the messages as y-protocols does (y-websocket's provider), and says when it got its step 2. */
function standardClient(messages: Uint8Array[]): { doc: Y.Doc; syncedAfter: number } {
  const doc = new Y.Doc();
  let syncedAfter = -1;
  messages.forEach((message, i) => {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    const step = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
    if (step === syncProtocol.messageYjsSyncStep2) syncedAfter = i;
  });
  return { doc, syncedAfter };
}

describe('the cached whole-board answer in pieces', () => {
  it('is updates then one sync step 2, base and tail, with no deleted content', () => {
    for (let seed = 60; seed <= 64; seed++) {
      const { server } = multiClientBoard(seed, 300);
      const cache = new FullSyncCache(server, 1500);
      const check = () => {
        const messages = cache.messages();
        expect(messages.length).toBeGreaterThan(2);
        const steps = messages.map((m) => readSync(m).step);
        expect(steps).toEqual([...steps.slice(0, -1).map(() => YSyncStep.Update), YSyncStep.Step2]);
        for (const message of messages) expect(message.length).toBeLessThanOrEqual(1500 + 8);
        const { doc, syncedAfter } = standardClient(messages);
        expect(syncedAfter).toBe(messages.length - 1);
        expectSameDoc(applyInOrder(messages.map((m) => readSync(m).update)), server);
        expectSameDoc(doc, server);
        return messages;
      };
      check();
      expect(cache.messages()).toBe(cache.messages()); // cached: a join does no work
      // New ideas: a tail after the base's pieces.
      for (let i = 0; i < 10; i++) insertIdea(server, { id: randomId(12), text: `ny ${i}`, authorId: 'author0002', authorName: null, contributorType: null, organisation: null, createdAt: i, updatedAt: i, phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a1' });
      const encodes = cache.encodes;
      check();
      expect(cache.encodes).toBe(encodes);
      // A text rewritten: the base held the old one, so it goes.
      const [id] = [...ideasMap(server).keys()];
      const old = ideasMap(server).get(id as string)!.get('text') as string;
      ideasMap(server).get(id as string)!.set('text', 'rettet');
      const messages = check();
      expect(Buffer.concat(messages).includes(old)).toBe(false);
    }
  });
});
