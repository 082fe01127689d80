import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { ROOT, YMessage, ideasMap, insertIdea, randomId } from '../../shared';
import { FullSyncCache } from '../../server/realtime/full-sync-cache';
import { prepareStoredAnswer } from '../../server/realtime/stored-answer';
import { storedBoard } from '../support/random-board';

/**
 * The load's answer from the stored bytes kept as the cached answer for later new devices
 * (FullSyncCache.adopt): the first new device after a load is answered without encoding
 * the board again, with the same document, and never with content deleted since.
 */

const contents = (doc: Y.Doc) => Object.fromEntries(Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]));

/** The room's document once the load applied the stored state (gc on, as the server's). */
function loadedRoom(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
  return doc;
}

/** A device handling the messages as y-websocket's provider does; which message made it synced. */
function standardClient(messages: Uint8Array[]): { doc: Y.Doc; syncedAfter: number } {
  const doc = new Y.Doc();
  let syncedAfter = -1;
  messages.forEach((message, i) => {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(YMessage.Sync);
    const step = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
    if (step === syncProtocol.messageYjsSyncStep2) syncedAfter = i;
  });
  return { doc, syncedAfter };
}

function expectAnswers(cache: FullSyncCache, room: Y.Doc): Uint8Array[] {
  const messages = cache.messages();
  const { doc, syncedAfter } = standardClient(messages);
  expect(syncedAfter).toBe(messages.length - 1);
  expect(doc.store.pendingStructs).toBeNull();
  expect(contents(doc)).toEqual(contents(room));
  expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(room))).toBe(true);
  return messages;
}

const newIdea = (n: number) => ({
  id: randomId(12),
  text: `ny idé ${n}`,
  authorId: 'author0002',
  authorName: null,
  contributorType: null,
  organisation: null,
  createdAt: n,
  updatedAt: n,
  phase: null,
  principle: null,
  track: null,
  beacons: [],
  questionId: null,
  position: 'a1',
});

describe('the stored answer kept for the next new devices', () => {
  it('answers them with the whole board without encoding it, what the room added since as the tail', () => {
    for (let seed = 70; seed <= 80; seed++) {
      const { stored, written } = storedBoard(seed);
      const answer = prepareStoredAnswer(stored, 1500);
      expect(answer.gapless).toBe(true);
      const room = loadedRoom(stored);
      const cache = new FullSyncCache(room, 1500);
      expect(cache.adopt(answer)).toBe(true);
      const messages = expectAnswers(cache, room);
      expect(cache.encodes).toBe(0);
      // The stored pieces as they were sent during the load, then the tail (here only the delete set).
      expect(messages.slice(0, answer.messages.length)).toEqual(answer.messages);
      expect(cache.messages()).toBe(cache.messages());
      const visible = JSON.stringify(contents(room));
      const bytes = Buffer.concat(messages);
      for (const text of written.filter((t) => !visible.includes(t))) expect(bytes.includes(text), `${text} (seed ${seed})`).toBe(false);

      // New ideas after the load: a tail, still no encode of the board.
      for (let i = 0; i < 5; i++) insertIdea(room, newIdea(i));
      expectAnswers(cache, room);
      expect(cache.encodes).toBe(0);

      // A text rewritten that the stored answer carries: it must go, so the board is encoded anew.
      const id = [...ideasMap(room).keys()].find((key) => bytes.includes(String(ideasMap(room).get(key)?.get('text'))));
      if (!id) continue;
      const old = ideasMap(room).get(id)!.get('text') as string;
      ideasMap(room).get(id)!.set('text', `rettet ${seed}`);
      const after = expectAnswers(cache, room);
      expect(cache.encodes).toBe(1);
      expect(Buffer.concat(after).includes(old)).toBe(false);
    }
  });

  it('is refused when the room deleted content since the stored state that the answer still carries', () => {
    for (let seed = 81; seed <= 86; seed++) {
      const { stored } = storedBoard(seed);
      const answer = prepareStoredAnswer(stored, 1500);
      const room = loadedRoom(stored);
      // A load hook or another process's update deleted an idea before the room was ready.
      const [id] = [...ideasMap(room).keys()];
      const text = String(ideasMap(room).get(id as string)?.get('text'));
      expect(Buffer.concat(answer.messages).includes(text)).toBe(true);
      ideasMap(room).delete(id as string);
      const cache = new FullSyncCache(room, 1500);
      expect(cache.adopt(answer)).toBe(false);
      const messages = expectAnswers(cache, room);
      expect(cache.encodes).toBe(1);
      expect(Buffer.concat(messages).includes(text)).toBe(false);
    }
  });

  it('is refused when the answer holds structs after a gap, and when a base is already there', () => {
    const { stored } = storedBoard(90);
    const room = loadedRoom(stored);
    const answer = prepareStoredAnswer(stored, 1500);
    expect(new FullSyncCache(room, 1500).adopt({ ...answer, gapless: false })).toBe(false);
    const cache = new FullSyncCache(room, 1500);
    cache.messages();
    expect(cache.adopt(answer)).toBe(false);
  });
});
