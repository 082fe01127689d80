import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore, Cluster } from '../../../server/store/board-store';
import { readPlannedSnapshot } from '../../../server/store/pieces/plan';
import { PIECE_BYTES } from '../../../server/store/pieces/split';
import { openEach, type StoreHarness } from './harness';

const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
const tagged = (tag: number, n: number) => Array.from({ length: n }, (_, i) => Uint8Array.from([tag, i >> 8, i & 255]));

/**
 * The store's cluster capability. A store only one process can open has none (null), and
 * the server then keeps socket.io, presence and rate limits in memory; a store several
 * processes share gives them a feed of every document's log, presence between them, and
 * connections for socket.io's adapter and the shared rate limiters. Shared stores run it
 * with a second store on the same data (h.reopen() without closing) standing in for a
 * second process.
 */
export function clusterContract(name: string, shared: boolean, open: () => Promise<StoreHarness>): void {
  describe(`Cluster contract: ${name}`, () => {
    let h: StoreHarness;
    let store: BoardStore;

    openEach(open, (opened) => {
      h = opened;
      store = opened.store;
    });

    // Registered by trait rather than skipped: a one-process store has nothing else to test here.
    if (!shared) {
      it('has no cluster when only one process can use the store', () => {
        expect(store.cluster).toBeNull();
      });
      return;
    }

    describe('shared by several processes', () => {
      const clusterOf = (s: BoardStore): Cluster => {
        expect(s.cluster).not.toBeNull();
        return s.cluster!;
      };

      it("delivers every update of every batch to another process's feed exactly once, in log order", async () => {
        const writer = store;
        const follower = await h.reopen();
        const seen: string[] = [];
        let snapshots = 0;
        await writer.appendUpdates('board:feed', tagged(0, 3));
        const loaded = await clusterOf(follower).follow('board:feed', (change) => {
          if (change.snapshot) snapshots += 1;
          seen.push(...change.updates.map(hex));
        });
        expect(loaded.updates.map(hex)).toEqual(tagged(0, 3).map(hex));
        // Batches from both processes at once, one of them more than a single script call.
        await Promise.all([
          ...[1, 2, 3, 4].map((tag) => writer.appendUpdates('board:feed', tagged(tag, 20))),
          writer.appendUpdates('board:feed', tagged(5, 2_100)),
          follower.appendUpdates('board:feed', tagged(6, 20)),
          writer.appendUpdates('board:feed', []),
        ]);
        // A last one seen means everything before it was delivered: a duplicate would show now.
        await writer.appendUpdates('board:feed', tagged(7, 1));
        const last = hex(tagged(7, 1)[0]!);
        await expect.poll(() => seen.includes(last), { timeout: 10_000 }).toBe(true);
        const log = (await writer.loadDocument('board:feed')).updates.map(hex);
        expect(log).toHaveLength(3 + 4 * 20 + 2_100 + 20 + 1);
        expect([...loaded.updates.map(hex), ...seen]).toEqual(log);
        expect(snapshots).toBe(0);
      });

      // A room loads through follow() when processes share the store: the plan must come with the snapshot.
      it('gives another process the compacted snapshot with its piece plan when it starts to follow', async () => {
        const doc = new Y.Doc();
        doc.transact(() => {
          for (let i = 0; i < 700; i++) doc.getMap('m').set(`idea${i}`, `${i} `.repeat(400));
        });
        await store.appendUpdate('board:planned', Y.encodeStateAsUpdate(doc));
        await store.compactDocument('board:planned');
        const follower = await h.reopen();
        const loaded = await clusterOf(follower).follow('board:planned', () => undefined);
        expect(loaded.snapshot!.length).toBeGreaterThan(PIECE_BYTES);
        expect(readPlannedSnapshot(loaded.snapshot!, loaded.plan!)?.pieces.length).toBeGreaterThan(1);
        clusterOf(follower).unfollow('board:planned');
      });

      it('stops delivering a document once unfollowed, and keeps delivering the others', async () => {
        const follower = await h.reopen();
        const seen: Record<string, string[]> = { 'board:f1': [], 'board:f2': [] };
        for (const doc of ['board:f1', 'board:f2']) {
          await clusterOf(follower).follow(doc, (change) => seen[doc]!.push(...change.updates.map(hex)));
        }
        await store.appendUpdates('board:f1', tagged(1, 1));
        await expect.poll(() => seen['board:f1']!.length, { timeout: 10_000 }).toBe(1);
        clusterOf(follower).unfollow('board:f1');
        await store.appendUpdates('board:f1', tagged(2, 1));
        await store.appendUpdates('board:f2', tagged(3, 1));
        // f2's update comes after f1's in time: once it is seen, f1's would have been too.
        await expect.poll(() => seen['board:f2']!, { timeout: 10_000 }).toEqual(tagged(3, 1).map(hex));
        expect(seen['board:f1']).toEqual(tagged(1, 1).map(hex));
      });

      it("carries presence to the other processes on the board, never back to the sender's own", async () => {
        const other = await h.reopen();
        const mine: string[] = [];
        const theirs: string[] = [];
        const elsewhere: string[] = [];
        const stops = [
          clusterOf(store).subscribePresence('board01', (u) => mine.push(hex(u))),
          clusterOf(other).subscribePresence('board01', (u) => theirs.push(hex(u))),
          clusterOf(other).subscribePresence('board02', (u) => elsewhere.push(hex(u))),
        ];
        // Subscribing is asynchronous: publish until each side hears the other.
        await expect.poll(() => {
          clusterOf(store).publishPresence('board01', Uint8Array.of(1));
          return theirs.length > 0;
        }, { timeout: 10_000 }).toBe(true);
        await expect.poll(() => {
          clusterOf(other).publishPresence('board01', Uint8Array.of(2));
          return mine.length > 0;
        }, { timeout: 10_000 }).toBe(true);
        // Both subscriptions are live now. The ping returns after Redis ran the publish (one
        // connection, in order), and Redis delivers messages in the order it ran the
        // publishes: once the marker arrives, an echo of our own would have arrived before it.
        clusterOf(store).publishPresence('board01', Uint8Array.of(1));
        await store.ping();
        clusterOf(other).publishPresence('board01', Uint8Array.of(3));
        await expect.poll(() => mine.includes('03'), { timeout: 10_000 }).toBe(true);
        expect(new Set(mine)).toEqual(new Set(['02', '03']));
        expect(new Set(theirs)).toEqual(new Set(['01']));
        expect(elsewhere).toEqual([]);
        for (const stop of stops) stop();
      });

      it('carries reservations to the other processes once subscribed, never back to their sender, and says when some may have been lost', async () => {
        const other = await h.reopen();
        const heard: string[] = [];
        const heardHere: string[] = [];
        const gaps: string[] = [];
        // Resolved: subscribed, so whatever is published from now on is heard.
        const stops = [
          await clusterOf(other).subscribeReservations('board01', (id, author) => heard.push(`${id}:${author}`), (state) => gaps.push(state)),
          await clusterOf(store).subscribeReservations('board01', (id, author) => heardHere.push(`${id}:${author}`), () => undefined),
          await clusterOf(other).subscribeReservations('board02', (id) => heard.push(`elsewhere ${id}`), () => undefined),
        ];
        clusterOf(store).publishReservation('board01', 'idea0001', 'author01');
        await expect.poll(() => heard, { timeout: 10_000 }).toEqual(['idea0001:author01']);
        await store.ping();
        expect(heardHere).toEqual([]);

        // Its subscriber connection dropped: lost, then back once subscribed again.
        const { client } = await clusterOf(store).sharedCounters();
        await client.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
        await expect.poll(() => gaps, { timeout: 10_000 }).toEqual(['lost', 'back']);
        clusterOf(store).publishReservation('board01', 'idea0002', 'author02');
        await expect.poll(() => heard, { timeout: 10_000 }).toEqual(['idea0001:author01', 'idea0002:author02']);
        for (const stop of stops) stop();
      });

      it('gives socket.io and the rate limiters connections of their own, under its key prefix, closed with the store', async () => {
        const adapter = await clusterOf(store).adapterConnection();
        const counters = await clusterOf(store).sharedCounters();
        expect(await adapter.ping()).toBe('PONG');
        expect(await counters.client.ping()).toBe('PONG');
        expect(counters.client).not.toBe(adapter);
        // Counters written under the prefix are the store's data: a second process sees them.
        const key = `${counters.keyPrefix}rl:contract`;
        await counters.client.set(key, '1');
        const other = await h.reopen();
        expect(await (await clusterOf(other).sharedCounters()).client.get(key)).toBe('1');
        await counters.client.del(key);
        await store.close();
        expect(adapter.isOpen).toBe(false);
        expect(counters.client.isOpen).toBe(false);
      });
    });
  });
}
