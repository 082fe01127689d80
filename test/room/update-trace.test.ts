import diagnostics_channel from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ideasMap } from '../../shared';
import { UPDATE_TRACE_CHANNEL, tracingUpdates, type UpdateTrace } from '../../server/realtime/update-trace';
import { FakePeer, openRoom, principal } from './support';

const alice = principal('alice0001');
const bob = principal('bob000001');

describe('the room update trace (diagnostics channel)', () => {
  const seen: UpdateTrace[] = [];
  const listen = (message: unknown) => seen.push(message as UpdateTrace);
  afterEach(() => {
    diagnostics_channel.unsubscribe(UPDATE_TRACE_CHANNEL, listen);
    seen.length = 0;
  });

  it('publishes nothing while nobody listens', async () => {
    expect(tracingUpdates()).toBe(false);
    const { room } = await openRoom();
    const a = new FakePeer(room, alice);
    new FakePeer(room, bob);
    expect(await a.addIdea('idea0001')).toBeNull();
    await room.flushed();
    expect(seen).toEqual([]);
    await room.close();
  });

  it('gives each accepted client update its stages in order, and none for a refused one', async () => {
    diagnostics_channel.subscribe(UPDATE_TRACE_CHANNEL, listen);
    const { room } = await openRoom();
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    new FakePeer(room, principal('carol0001'));
    expect(await a.addIdea('idea0001')).toBeNull();
    expect(await a.addIdea('idea0002')).toBeNull();
    await room.flushed();
    // Bob may not write into Alice's idea: refused, not traced.
    const refused = await b.write((doc) => (ideasMap(doc).get('idea0001') as Y.Map<unknown>).set('text', 'Bobs tekst'));
    expect(refused).not.toBeNull();
    await room.flushed();
    expect(seen).toHaveLength(2);
    for (const t of seen) {
      expect(t.arrived).toBeLessThanOrEqual(t.judging);
      expect(t.judging).toBeLessThanOrEqual(t.judged);
      expect(t.judged).toBeLessThanOrEqual(t.pushed);
      expect(t.pushed).toBeLessThanOrEqual(t.durable);
      expect(t.durable).toBeLessThanOrEqual(t.sent);
      expect(t.batch).toBeGreaterThanOrEqual(1);
      // Bob and Carol (the sender does not get back a batch it sent alone).
      expect(t.peers).toBe(2);
    }
    await room.close();
  });
});
