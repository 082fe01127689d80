import * as Y from 'yjs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { CloseCode, ErrorCode, ideasMap } from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { TestClient, createBoard, eventually, join, openStore, startServer, type StoreKind } from '../support/harness';

const redisUrl = inject('redisUrl');

/** y-websocket's provider gives up for good on 4400–4499; every other close is retried. */
const isFinal = (code: number) => code >= 4400 && code < 4500;

/**
 * Presence shows every awareness client id, so anyone can announce someone else's. While B
 * is briefly offline, A announces B's id; B's reconnect must still work. The id belongs to
 * the first session that announced (or wrote with) it, on every server process: a
 * stranger's claim is refused for that one connection, with a close code the provider
 * retries on, and never the owner's.
 */
describe.each<StoreKind>(['embedded', 'redis'])('presence cannot lock anyone out (%s store)', (kind) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** `count` servers on one store (two processes' worth on Redis, each with its own connection). */
  async function servers(count: number) {
    const opened = await openStore(kind, redisUrl);
    const stores: BoardStore[] = [opened.store];
    while (stores.length < count) stores.push(await opened.reopen());
    const running: Array<Awaited<ReturnType<typeof startServer>>> = [];
    for (const store of stores) running.push(await startServer(store));
    cleanups.push(async () => {
      for (const r of running) await r.server.close();
      for (const store of stores) await store.close();
      await opened.cleanup();
    });
    return running;
  }

  function client(...args: ConstructorParameters<typeof TestClient>): TestClient {
    const c = new TestClient(...args);
    cleanups.push(() => c.destroy());
    return c;
  }

  /** Whether `viewer` sees `clientId` present under `name`. */
  function sees(viewer: TestClient, clientId: number, name: string): boolean {
    const state = viewer.provider.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined;
    return state?.user?.name === name;
  }

  async function scene(wsUrls: [string, string]) {
    const [first, second] = wsUrls;
    const http = first.replace('ws', 'http');
    const board = await createBoard(http, 'kickoff');
    const bSession = await join(http, board.boardId, board.tokens.participant, 'Bo');
    const aSession = await join(http, board.boardId, board.tokens.participant, 'Asta');
    const b = client(first, board.boardId, bSession);
    const a = client(second, board.boardId, aSession);
    await Promise.all([a.synced(), b.synced()]);
    b.provider.awareness.setLocalState({ editing: null });
    await eventually(() => sees(a, b.doc.clientID, 'Bo'), 10_000, 'A sees B in presence');
    return { board, a, b, aSession, bSession };
  }

  async function lockoutAttempt(wsUrls: [string, string], reconnectTo: 'same' | 'other') {
    const { board, a, b, aSession } = await scene(wsUrls);
    const bId = b.doc.clientID;

    // B loses its network for a moment.
    b.provider.disconnect();
    await eventually(() => !a.provider.awareness.getStates().has(bId), 10_000, 'B gone from presence');

    // A opens a second connection that announces B's id (learnt from presence).
    const forged = new Y.Doc();
    forged.clientID = bId;
    const thief = client(wsUrls[1], board.boardId, aSession, true, forged);
    thief.provider.awareness.setLocalState({ editing: null });
    await eventually(() => thief.errors.length > 0, 10_000, 'the stolen id is refused');
    expect(thief.errors[0]?.code).toBe(ErrorCode.CLIENT_ID_TAKEN);
    expect(thief.closes[0]).toBe(CloseCode.CLIENT_ID_CONFLICT);
    expect(isFinal(thief.closes[0]!)).toBe(false);
    thief.destroy();

    // B comes back, on the same server or another one: present, and saving.
    // Behind a load balancer the same URL may reach another process.
    if (reconnectTo === 'other') b.provider.serverUrl = `${wsUrls[1]}/yjs`;
    b.provider.connect();
    const back = b;
    await back.synced();
    back.provider.awareness.setLocalState({ editing: 'none-yet' });
    await eventually(() => sees(a, bId, 'Bo'), 10_000, 'B is back in presence');
    const idea = back.addIdea({ text: 'Tilbage igen', questionId: 'kickoff-q1' });
    await eventually(() => back.allSaved, 10_000, 'B saves again');
    await eventually(() => ideasMap(a.doc).has(idea.id), 10_000, 'A receives the idea');
    expect(back.errors).toEqual([]);
    expect(back.closes.filter(isFinal)).toEqual([]);
    // A's own connection was never touched.
    expect(a.closes).toEqual([]);
  }

  it.skipIf(kind === 'redis' && !redisUrl)('lets the owner reconnect after another session announced its id', async () => {
    const [one] = await servers(1);
    await lockoutAttempt([one!.wsUrl, one!.wsUrl], 'same');
  });

  // Scale-out runs on Redis only.
  if (kind === 'redis') {
    it.skipIf(!redisUrl)('holds across two server processes on one Redis', async () => {
      const [one, two] = await servers(2);
      await lockoutAttempt([one!.wsUrl, two!.wsUrl], 'other');
    });
  }

  it.skipIf(kind === 'redis' && !redisUrl)('shows a reconnected client again at once, not only when its presence next changes', async () => {
    const [one] = await servers(1);
    const { a, b } = await scene([one!.wsUrl, one!.wsUrl]);
    // No renewal: y-protocols re-announces a state every 15 s, which would hide the problem.
    clearInterval((b.provider.awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval);
    const clockSeenByA = () => a.provider.awareness.meta.get(b.doc.clientID)?.clock ?? -1;
    const before = clockSeenByA();
    b.provider.disconnect();
    await eventually(() => !a.provider.awareness.getStates().has(b.doc.clientID), 10_000, 'B gone from presence');
    b.provider.connect();
    await b.synced();
    await eventually(() => sees(a, b.doc.clientID, 'Bo'), 10_000, 'B back in presence without changing it');
    // And B's later changes still get through.
    b.provider.awareness.setLocalStateField('editing', 'some-idea');
    await eventually(() => (a.provider.awareness.getStates().get(b.doc.clientID) as { editing?: unknown } | undefined)?.editing === 'some-idea', 10_000, 'B’s next change');
    // y-websocket re-sends every awareness change it hears, its own included: raising the
    // clock must not start an echo loop that raises it again and again.
    expect(clockSeenByA()).toBeLessThanOrEqual(before + 3);
    expect(b.closes.filter(isFinal)).toEqual([]);
  });

  it.skipIf(kind === 'redis' && !redisUrl)('refuses a stranger only on the connection that claimed the id, with a retryable close', async () => {
    const [one] = await servers(1);
    const { board, a, b, aSession } = await scene([one!.wsUrl, one!.wsUrl]);
    const forged = new Y.Doc();
    forged.clientID = b.doc.clientID;
    const thief = client(one!.wsUrl, board.boardId, aSession, true, forged);
    await eventually(() => thief.closes.length > 0, 10_000, 'the stolen id is refused');
    expect(thief.errors[0]?.code).toBe(ErrorCode.CLIENT_ID_TAKEN);
    expect(isFinal(thief.closes[0]!)).toBe(false);
    thief.destroy();
    expect(b.closes).toEqual([]);
    expect(a.closes).toEqual([]);
    b.addIdea({ text: 'Uforstyrret', questionId: 'kickoff-q1' });
    await eventually(() => b.allSaved, 10_000, 'B still saves');
    expect(sees(a, b.doc.clientID, 'Bo')).toBe(true);
  });
});
