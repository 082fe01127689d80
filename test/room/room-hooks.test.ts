import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared';
import type { RoomHooks } from '../../server/realtime/room-hooks';
import { FakePeer, openRoom, principal, settle, texts } from './support';

const alice = principal('alice0001');
const bob = principal('bob000001');

/** A reservedIdeas hook whose answers the test releases, recording what it was asked. */
function heldReservations(reserved: Record<string, string>) {
  const asked: string[][] = [];
  const pending: Array<() => void> = [];
  const hook: NonNullable<RoomHooks['reservedIdeas']> = {
    authorsOf: (_boardId, ids) => {
      asked.push([...ids]);
      return new Promise((resolve) => {
        pending.push(() => resolve(new Map(ids.flatMap((id) => (reserved[id] ? [[id, reserved[id]] as [string, string]] : [])))));
      });
    },
  };
  return { hook, asked, releaseAll: () => pending.splice(0).forEach((release) => release()) };
}

describe('the room hook table (in memory)', () => {
  it('refuses an idea under an id reserved for someone else, and lets its author write it', async () => {
    const reservations = heldReservations({ idea0001: alice.participantId });
    const { room } = await openRoom({ hooks: { reservedIdeas: reservations.hook } });
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    const taken = b.addIdea('idea0001');
    await settle();
    reservations.releaseAll();
    expect((await taken)?.code).toBe(ErrorCode.IDEA_ID_TAKEN);
    const own = a.addIdea('idea0001');
    await settle();
    reservations.releaseAll();
    expect(await own).toBeNull();
    await room.flushed();
    expect(Object.keys(texts(room.doc))).toEqual(['idea0001']);
    await room.close();
  });

  it('asks about the ideas of an update as it arrives, while the updates ahead of it are still judged', async () => {
    const reservations = heldReservations({});
    const { room } = await openRoom({ hooks: { reservedIdeas: reservations.hook } });
    const a = new FakePeer(room, alice);
    const first = a.addIdea('idea0001');
    const second = a.addIdea('idea0002');
    await settle();
    // The first is waiting for its answer; the second was asked about already.
    expect(reservations.asked).toEqual([['idea0001'], ['idea0002']]);
    reservations.releaseAll();
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    await room.flushed();
    expect(Object.keys(texts(room.doc)).sort()).toEqual(['idea0001', 'idea0002']);
    await room.close();
  });

  it('leaves the board untouched when beforeApply refuses an update', async () => {
    const { room } = await openRoom({
      hooks: { beforeApply: async (_boardId, who) => (who.participantId === bob.participantId ? { code: ErrorCode.RATE_LIMITED, message: 'slow down' } : null) },
    });
    const a = new FakePeer(room, alice);
    const b = new FakePeer(room, bob);
    expect((await b.addIdea('idea0002'))?.code).toBe(ErrorCode.RATE_LIMITED);
    expect(await a.addIdea('idea0001')).toBeNull();
    await room.flushed();
    expect(Object.keys(texts(room.doc))).toEqual(['idea0001']);
    expect(Object.keys(texts(b.doc)).sort()).toEqual(['idea0001', 'idea0002']);
    await room.close();
  });
});
