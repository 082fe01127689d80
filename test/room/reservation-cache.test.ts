import { describe, expect, it } from 'vitest';
import { ErrorCode, type ProtocolError } from '../../shared';
import { ReservationCache, type ReservationFeed, type ReservationSource } from '../../server/realtime/reservation-cache';
import { createLogger } from '../../server/log';
import type { BoardRoom } from '../../server/realtime/board-room';
import type { Principal } from '../../server/realtime/update-policy';
import { FakePeer, openRoom, principal, settle, texts } from './support';

const alice = principal('alice0001');
const bob = principal('bob000001');

/** The store's reservations, as a test sets them; counts the reads judging makes. */
class Reservations implements ReservationSource {
  readonly stored = new Map<string, string>();
  /** Ids of every `some` read, in order. */
  readonly asked: string[][] = [];
  loads = 0;
  private held: Array<() => void> | null = null;

  /** Holds `all` reads until `release`. */
  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }

  async all(): Promise<Map<string, string>> {
    this.loads += 1;
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    return new Map(this.stored);
  }

  async some(_boardId: string, ideaIds: readonly string[]): Promise<Map<string, string>> {
    this.asked.push([...ideaIds]);
    return new Map(ideaIds.flatMap((id) => (this.stored.has(id) ? [[id, this.stored.get(id) as string] as [string, string]] : [])));
  }
}

/** Another process's side of the cluster's reservation feed, as the test plays it. */
class Feed implements ReservationFeed {
  readonly published: Array<[string, string, string]> = [];
  onReserved: ((ideaId: string, authorId: string) => void) | null = null;
  onGap: ((state: 'lost' | 'back') => void) | null = null;
  unsubscribed = 0;

  publishReservation(boardId: string, ideaId: string, authorId: string): void {
    this.published.push([boardId, ideaId, authorId]);
  }

  async subscribeReservations(_boardId: string, onReserved: (ideaId: string, authorId: string) => void, onGap: (state: 'lost' | 'back') => void) {
    this.onReserved = onReserved;
    this.onGap = onGap;
    return () => {
      this.unsubscribed += 1;
    };
  }
}

async function setUp(feed: Feed | null = null) {
  const source = new Reservations();
  const cache = new ReservationCache(source, feed, createLogger('silent'));
  const { room } = await openRoom({ hooks: { reservedIdeas: cache } });
  await settle();
  return { source, cache, room };
}

const codeOf = (verdict: ProtocolError | null) => verdict?.code ?? null;

/**
 * Writes each idea from a device of its own: a refused update stays in its sender's
 * document, and a later update from that device would depend on it.
 */
function writer(room: BoardRoom, who: Principal) {
  return { addIdea: (id: string) => new FakePeer(room, who).addIdea(id) };
}

describe('the reservation cache in a room (in memory)', () => {
  it('judges a free id from memory, and asks the store only about an id it holds as reserved', async () => {
    const source = new Reservations();
    source.stored.set('idea0001', bob.participantId);
    const cache = new ReservationCache(source, null, createLogger('silent'));
    const { room } = await openRoom({ hooks: { reservedIdeas: cache } });
    await settle();
    expect(source.loads).toBe(1);
    const a = writer(room, alice);
    expect(await a.addIdea('idea0002')).toBeNull();
    expect(source.asked).toEqual([]);
    expect(codeOf(await a.addIdea('idea0001'))).toBe(ErrorCode.IDEA_ID_TAKEN);
    expect(source.asked).toEqual([['idea0001']]);
    // Its author may write it; the store confirms whose it is.
    expect(await writer(room, bob).addIdea('idea0001')).toBeNull();
    await room.flushed();
    expect(Object.keys(texts(room.doc)).sort()).toEqual(['idea0001', 'idea0002']);
    await room.close();
  });

  it('refuses an idea whose id was reserved while the update waited its turn', async () => {
    const source = new Reservations();
    const cache = new ReservationCache(source, null, createLogger('silent'));
    let letFirstThrough!: () => void;
    const gate = new Promise<void>((resolve) => (letFirstThrough = resolve));
    const { room } = await openRoom({
      hooks: {
        reservedIdeas: cache,
        // Holds Alice's update in judging, so Bob's arrives and waits behind it.
        beforeApply: async (_boardId, who) => {
          if (who.participantId === alice.participantId) await gate;
          return null;
        },
      },
    });
    await settle();
    const first = new FakePeer(room, alice).addIdea('idea0001');
    await settle();
    const second = new FakePeer(room, bob).addIdea('idea0002');
    await settle();
    // A contribution takes idea0002 now (written by its feature after saying so).
    room.reserving('idea0002', 'contributor');
    source.stored.set('idea0002', 'contributor');
    letFirstThrough();
    expect(await first).toBeNull();
    expect(codeOf(await second)).toBe(ErrorCode.IDEA_ID_TAKEN);
    await room.flushed();
    expect(Object.keys(texts(room.doc))).toEqual(['idea0001']);
    await room.close();
  });

  it('lets an id through once its reservation was withdrawn (memory is confirmed before a refusal)', async () => {
    const { source, room } = await setUp();
    room.reserving('idea0003', bob.participantId);
    // Bob's hidden idea is taken back: the store no longer holds it; memory still does.
    expect(await new FakePeer(room, alice).addIdea('idea0003')).toBeNull();
    expect(source.asked).toEqual([['idea0003']]);
    await room.close();
  });

  it('asks the store until the board\u2019s reservations have loaded', async () => {
    const source = new Reservations();
    source.hold();
    const cache = new ReservationCache(source, null, createLogger('silent'));
    const { room } = await openRoom({ hooks: { reservedIdeas: cache } });
    const a = writer(room, alice);
    expect(await a.addIdea('idea0004')).toBeNull();
    expect(source.asked).toEqual([['idea0004']]);
    source.release();
    await settle();
    expect(await a.addIdea('idea0005')).toBeNull();
    expect(source.asked).toEqual([['idea0004']]);
    await room.close();
  });

  it('hears other processes\u2019 reservations, and asks the store from a lost message until it has loaded again', async () => {
    const feed = new Feed();
    const { source, room } = await setUp(feed);
    const a = writer(room, alice);

    // Made here: told to the other processes.
    room.reserving('idea0006', bob.participantId);
    expect(feed.published).toEqual([['room0001', 'idea0006', bob.participantId]]);

    // Made in another process: heard, and refused here without the store being read for free ids.
    feed.onReserved?.('idea0007', bob.participantId);
    source.stored.set('idea0007', bob.participantId);
    expect(codeOf(await a.addIdea('idea0007'))).toBe(ErrorCode.IDEA_ID_TAKEN);
    expect(await a.addIdea('idea0008')).toBeNull();
    expect(source.asked).toEqual([['idea0007']]);

    // The feed's connection drops: a reservation made meanwhile is never heard of.
    feed.onGap?.('lost');
    source.stored.set('idea0009', bob.participantId);
    expect(codeOf(await a.addIdea('idea0009'))).toBe(ErrorCode.IDEA_ID_TAKEN);
    expect(source.asked.at(-1)).toEqual(['idea0009']);

    // Back: loaded again, and judged from memory.
    const loads = source.loads;
    feed.onGap?.('back');
    await settle();
    expect(source.loads).toBe(loads + 1);
    const reads = source.asked.length;
    expect(await a.addIdea('idea0010')).toBeNull();
    expect(source.asked).toHaveLength(reads);

    await room.close();
    expect(feed.unsubscribed).toBe(1);
  });

  it('forgets a board when its room closes, and loads it afresh with the next room', async () => {
    const { source, cache, room } = await setUp();
    expect(cache.mayBeReserved('room0001', ['idea0011'])).toEqual(new Set());
    await room.close();
    expect(cache.mayBeReserved('room0001', ['idea0011'])).toBeNull();
    const again = await openRoom({ hooks: { reservedIdeas: cache } });
    await settle();
    expect(source.loads).toBe(2);
    expect(cache.mayBeReserved('room0001', ['idea0011'])).toEqual(new Set());
    await again.room.close();
  });
});
