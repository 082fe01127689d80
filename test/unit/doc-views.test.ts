import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ideasMap } from '../../shared';
import { DocViews } from '../../server/realtime/room-views';

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function putIdea(doc: Y.Doc, id: string, text: string): void {
  const idea = new Y.Map<unknown>();
  idea.set('text', text);
  ideasMap(doc).set(id, idea as never);
}

describe('the room\u2019s idea count (DocViews.ideaCount)', () => {
  it('equals the ideas map\u2019s size after every change: new ideas, overwrites, deletions, re-adds and merged concurrent writes', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const room = new Y.Doc();
      const views = new DocViews(room);
      // Ideas stored before the room started counting.
      for (let i = 0; i < 20; i++) putIdea(room, `idea${i}`, 'stored');
      views.observe();
      const devices = [new Y.Doc(), new Y.Doc()];
      for (const device of devices) Y.applyUpdate(device, Y.encodeStateAsUpdate(room));
      for (let step = 0; step < 400; step++) {
        const r = next();
        const id = `idea${Math.floor(next() * 40)}`;
        if (r < 0.5) {
          // Two devices write concurrently (the same id at times), then the room gets both.
          const updates = devices.map((device, d) => {
            const before = Y.encodeStateVector(device);
            device.transact(() => {
              if (next() < 0.7) putIdea(device, d === 0 ? id : `idea${Math.floor(next() * 40)}`, `device ${d}`);
              else ideasMap(device).delete(id);
            });
            return Y.encodeStateAsUpdate(device, before);
          });
          for (const update of next() < 0.5 ? updates : updates.reverse()) Y.applyUpdate(room, update);
        } else if (r < 0.8) {
          room.transact(() => putIdea(room, id, 'server'));
        } else {
          // Several changes in one transaction, a put and a delete of one id among them.
          room.transact(() => {
            putIdea(room, id, 'again');
            ideasMap(room).delete(`idea${Math.floor(next() * 40)}`);
            if (next() < 0.3) ideasMap(room).delete(id);
          });
        }
        expect(views.ideaCount()).toBe(ideasMap(room).size);
        for (const device of devices) Y.applyUpdate(device, Y.encodeStateAsUpdate(room, Y.encodeStateVector(device)));
      }
    }
  });
});
