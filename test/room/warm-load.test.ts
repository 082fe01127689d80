import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomRegistry } from '../../server/realtime/room-registry';
import type { StoredAnswer } from '../../server/realtime/stored-answer';
import { MemoryStore } from '../../server/store/memory-store';
import { createLogger } from '../../server/log';
import { seedUpdate } from './support';

const BOARD = 'warmload01';

/**
 * A load started for a device about to connect (`RoomRegistry.warm`, as making a session
 * does) holds its apply for a moment so the device, once it asks, is answered from the
 * stored state before the board's apply takes the event loop. The moment is a timer, faked
 * here: the tests advance it, they never wait on the clock.
 */
describe('a board warmed for a new device', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setUp() {
    const store = new MemoryStore();
    await store.createBoard({ id: BOARD, createdAt: 1, template: 'blank', title: 'Varm', tokenHashes: { facilitator: 'f', participant: 'p', observer: 'o' } });
    await store.appendUpdate(`board:${BOARD}`, seedUpdate());
    // Tells when the load has read the stored state (and so has answered nobody yet).
    const load = store.loadDocument.bind(store);
    let read!: () => void;
    const stateRead = new Promise<void>((resolve) => (read = resolve));
    store.loadDocument = async (docName) => {
      const stored = await load(docName);
      setImmediate(read);
      return stored;
    };
    const registry = new RoomRegistry(store, createLogger('silent'), 1000);
    const events: string[] = [];
    registry.onLoad(() => {
      events.push('loaded');
    });
    // Only setTimeout is faked: the load's turns (setImmediate) run as usual.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    return { registry, events, stateRead };
  }

  const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('answers the device that asks while the load waits, before the board is applied', async () => {
    const { registry, events, stateRead } = await setUp();
    registry.warm(BOARD);
    await stateRead;
    await macrotask();
    // Nobody asked yet, and the wait has not run out: the room is not there.
    expect(registry.peek(BOARD)).toBeUndefined();
    let written!: () => void;
    registry.loading(BOARD)?.answer((answer: StoredAnswer) => {
      events.push(`answered with ${answer.messages.length} message(s)`);
      return new Promise<void>((resolve) => (written = resolve)).then(() => {
        events.push('written');
      });
    });
    await macrotask();
    written();
    const room = await registry.acquire(BOARD);
    expect(events).toEqual(['answered with 1 message(s)', 'written', 'loaded']);
    expect(room.doc.getMap('board').get('title')).toBe('Rummet');
    registry.release(BOARD);
    await registry.closeAll();
  });

  it('applies the board once the wait runs out when no device asks', async () => {
    const { registry, events, stateRead } = await setUp();
    registry.warm(BOARD);
    await stateRead;
    await macrotask();
    vi.advanceTimersByTime(149);
    await macrotask();
    expect(registry.peek(BOARD)).toBeUndefined();
    vi.advanceTimersByTime(1);
    await vi.waitFor(() => expect(registry.peek(BOARD)).toBeDefined());
    expect(events).toEqual(['loaded']);
    await registry.closeAll();
  });

  it('does not wait when nobody warmed the board (a device with a copy, a command)', async () => {
    const { registry, events } = await setUp();
    const room = await registry.acquire(BOARD);
    expect(events).toEqual(['loaded']);
    expect(room.doc.getMap('board').get('title')).toBe('Rummet');
    registry.release(BOARD);
    await registry.closeAll();
  });
});
