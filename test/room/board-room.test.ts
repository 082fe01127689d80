import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode, ideasMap } from '../../shared';
import { MAX_IN_FLIGHT } from '../../server/realtime/persist-queue';
import { DOC_NAME, FakePeer, GatedStore, framesContain, openRoom, principal, settle, texts } from './support';

const alice = principal('alice0001');
const bob = principal('bob000001');
const lead = principal('lead00001', 'facilitator');

describe('BoardRoom through fake peers (in memory)', () => {
  it('broadcasts an accepted update, acknowledges it once, and a joiner gets the board', async () => {
    const { room, store } = await openRoom();
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    expect(await a.addIdea('idea0001')).toBeNull();
    await room.flushed();
    expect(texts(b.doc)).toEqual({ idea0001: 'Idé idea0001' });
    expect(a.acks).toEqual([Y.getState(a.doc.store, a.doc.clientID)]);
    // The sender does not get its own update back when it sent everything in the batch.
    expect(a.updates).toBe(0);
    const c = new FakePeer(room, principal('carol0001'));
    c.sync();
    await settle();
    expect(c.steps2).toBe(1);
    expect(texts(c.doc)).toEqual(texts(room.doc));
    expect((await store.loadDocument(DOC_NAME)).updates.length).toBeGreaterThan(1);
    await room.close();
  });

  it('shows nobody a change, and acknowledges none, before the store has it', async () => {
    const store = new GatedStore();
    const { room } = await openRoom({ store });
    store.gated = true;
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    expect(await a.addIdea('idea0001')).toBeNull();
    await settle();
    expect(store.held).toHaveLength(1);
    expect(texts(b.doc)).toEqual({});
    expect(a.acks).toEqual([]);
    // A device that joins now is answered with what was applied, once that is durable.
    const c = new FakePeer(room, principal('carol0001'));
    c.sync();
    await settle();
    expect(c.frames).toEqual([]);
    store.held[0]!.land();
    await settle();
    expect(texts(b.doc)).toEqual({ idea0001: 'Idé idea0001' });
    expect(texts(c.doc)).toEqual({ idea0001: 'Idé idea0001' });
    expect(a.acks).toHaveLength(1);
    store.gated = false;
    await room.close();
  });

  it('lets a writer and a reader wait for their own sequence, not for later writes', async () => {
    const store = new GatedStore();
    const { room } = await openRoom({ store });
    store.gated = true;
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    await a.addIdea('idea0001');
    const joiner = new FakePeer(room, principal('carol0001'));
    joiner.sync();
    let served = false;
    const serverWrite = room.writeAsServer((doc) => doc.getMap('workshop').set('locked', false)).then(() => (served = true));
    await b.addIdea('idea0002');
    await settle();
    expect(store.held).toHaveLength(3);
    // The first write lands; the later ones are still in flight (a steady stream never empties the queue).
    store.held[0]!.land();
    await settle();
    expect(a.acks).toHaveLength(1);
    expect(joiner.steps2).toBe(1);
    expect(Object.keys(texts(joiner.doc))).toEqual(['idea0001']);
    expect(served).toBe(false);
    expect(b.acks).toEqual([]);
    store.held[1]!.land();
    await settle();
    expect(served).toBe(true);
    expect(b.acks).toEqual([]);
    store.held[2]!.land();
    await serverWrite;
    await settle();
    expect(b.acks).toHaveLength(1);
    expect(Object.keys(texts(joiner.doc)).sort()).toEqual(['idea0001', 'idea0002']);
    store.gated = false;
    await room.close();
  });

  it('sends the updates that become durable together as one frame per peer', async () => {
    const store = new GatedStore();
    const { room } = await openRoom({ store });
    store.gated = true;
    const writers = [alice, bob, principal('carol0001')].map((p) => new FakePeer(room, p));
    const reader = new FakePeer(room, principal('dave00001'));
    for (const [i, writer] of writers.entries()) await writer.addIdea(`idea000${i}`);
    await settle();
    expect(store.held).toHaveLength(Math.min(3, MAX_IN_FLIGHT));
    store.held[2]!.land();
    store.held[1]!.land();
    await settle();
    expect(reader.frames).toEqual([]);
    store.held[0]!.land();
    await settle();
    expect(reader.frames).toHaveLength(1);
    expect(Object.keys(texts(reader.doc)).sort()).toEqual(['idea0000', 'idea0001', 'idea0002']);
    // Each writer gets the one frame too (its own update in it is a no-op) and one Saved.
    for (const writer of writers) {
      expect(writer.updates).toBe(1);
      expect(writer.acks).toHaveLength(1);
      expect(Object.keys(texts(writer.doc))).toHaveLength(3);
    }
    store.gated = false;
    await room.close();
  });

  it('keeps the full-sync answer across writes and rebuilds it only when a write deletes what it holds', async () => {
    const { room } = await openRoom();
    const a = new FakePeer(room, alice);
    await a.addIdea('idea0001', { text: 'HEMMELIG-tekst-1' });
    // A board of some size: the tail stays small beside the base.
    for (let i = 10; i < 50; i++) await a.addIdea(`idea00${i}`);
    await room.flushed();
    const join = async () => {
      const peer = new FakePeer(room, principal(`join${Math.random().toString(36).slice(2, 8)}`));
      peer.sync();
      await settle();
      peer.leave();
      return peer;
    };
    const first = await join();
    expect(texts(first.doc)).toEqual(texts(room.doc));
    const encodes = () => (room as unknown as { fullSync: { encodes: number } }).fullSync.encodes;
    expect(encodes()).toBe(1);

    // New ideas: answered from the cached base plus a tail, nothing encoded again.
    await a.addIdea('idea0003');
    await a.addIdea('idea0004');
    await room.flushed();
    const second = await join();
    expect(texts(second.doc)).toEqual(texts(room.doc));
    expect(second.steps2).toBe(1);
    expect(encodes()).toBe(1);

    // Moving an idea overwrites its old position, which is no content anyone is kept from: the base stays.
    expect(await a.write((doc) => ideasMap(doc).get('idea0010')!.set('position', 'z9'))).toBeNull();
    await room.flushed();
    const moved = await join();
    expect(ideasMap(moved.doc).get('idea0010')?.get('position')).toBe('z9');
    expect(texts(moved.doc)).toEqual(texts(room.doc));
    expect(encodes()).toBe(1);

    // Rewriting a text the base holds deletes the old value: the base would still carry it.
    expect(await a.write((doc) => ideasMap(doc).get('idea0001')!.set('text', 'Ny tekst'))).toBeNull();
    await room.flushed();
    const third = await join();
    expect(texts(third.doc)).toEqual(texts(room.doc));
    expect(framesContain(third.frames, 'HEMMELIG-tekst-1')).toBe(false);
    expect(encodes()).toBe(2);

    // Deleting an idea that came after the base needs no new base: the tail is read from the document.
    await a.addIdea('idea0005', { text: 'HEMMELIG-tekst-5' });
    await room.flushed();
    expect(texts((await join()).doc)).toEqual(texts(room.doc));
    const before = encodes();
    await a.write((doc) => ideasMap(doc).delete('idea0005'));
    await room.flushed();
    const fourth = await join();
    expect(texts(fourth.doc)).toEqual(texts(room.doc));
    expect(framesContain(fourth.frames, 'HEMMELIG-tekst-5')).toBe(false);
    expect(encodes()).toBe(before);
    await room.close();
  });

  it('refuses observers, forged client ids and forbidden writes, applying nothing of them', async () => {
    const { room } = await openRoom();
    const a = new FakePeer(room, alice);
    const watcher = new FakePeer(room, principal('watch0001', 'observer'));
    expect(await a.addIdea('idea0001')).toBeNull();
    await room.flushed();
    expect((await watcher.addIdea('idea0002'))?.code).toBe(ErrorCode.READ_ONLY);

    // Bob writes with Alice's Yjs client id.
    const forger = new FakePeer(room, bob);
    Y.applyUpdate(forger.doc, Y.encodeStateAsUpdate(room.doc));
    forger.doc.clientID = a.doc.clientID; // after the sync: Yjs picks a new id when it sees its own from elsewhere
    expect((await forger.addIdea('idea0003'))?.code).toBe(ErrorCode.CLIENT_ID_TAKEN);

    const b = new FakePeer(room, bob);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(room.doc));
    expect((await b.write((doc) => ideasMap(doc).get('idea0001')!.set('text', 'Bobs tekst')))?.code).toBe(ErrorCode.NOT_OWNER);
    // A refused update closes the connection; the next attempt comes on a new one.
    expect((await new FakePeer(room, bob).write((doc) => doc.getMap('workshop').set('locked', true)))?.code).toBe(ErrorCode.FORBIDDEN);
    await room.flushed();
    expect(texts(room.doc)).toEqual({ idea0001: 'Idé idea0001' });
    expect(room.workshop().locked).toBe(false);
    await room.close();
  });

  it('acknowledges a resend of what the room has, once it is durable', async () => {
    const store = new GatedStore();
    const { room } = await openRoom({ store });
    const a = new FakePeer(room, alice);
    const update = await (async () => {
      let captured!: Uint8Array;
      a.doc.once('update', (u: Uint8Array) => (captured = u));
      await a.addIdea('idea0001');
      return captured;
    })();
    await room.flushed();
    expect(a.acks).toHaveLength(1);
    store.gated = true;
    expect(await new FakePeer(room, lead).addIdea('idea0009')).toBeNull();
    expect(await room.receiveUpdate(a, update)).toBeNull();
    await settle();
    // The resend changes nothing, but it waits for what the room applied before it.
    expect(a.acks).toHaveLength(1);
    for (const held of store.held) held.land();
    await settle();
    expect(a.acks).toHaveLength(2);
    store.gated = false;
    await room.close();
  });

  it('compacts the log in the background without losing anything a joiner gets', async () => {
    const { room, store } = await openRoom({ compactAfterUpdates: 5 });
    const a = new FakePeer(room, alice);
    for (let i = 0; i < 12; i++) await a.addIdea(`idea${String(i).padStart(4, '0')}`);
    await room.flushed();
    await settle();
    const stored = await store.loadDocument(DOC_NAME);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(12);
    const rebuilt = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(rebuilt, u);
    expect(texts(rebuilt)).toEqual(texts(room.doc));
    await room.close();
  });
});
