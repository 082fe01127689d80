import { expect } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode, readWorkshop, workshopMap, type Timer, type WorkshopState } from '../../shared';
import { eventually, storedDoc } from '../support/harness';
import { call, describeOnStores, ok, refusal, type TestSocket } from '../support/workshop';

/**
 * The server holds the timer: `endsAt` in its own clock while running, `remainingMs` while
 * paused. Tests compare against the server's own answers (time:sync), never the wall clock,
 * so they do not depend on how fast the machine is.
 */
describeOnStores('workshop timer on the %s store', (env, test) => {
  const timer = (socket: TestSocket, command: object) => ok(call<WorkshopState>(socket, 'workshop:timer', command)).then((s) => s.timer);
  const serverNow = async (socket: TestSocket) => (await ok(call<{ serverTime: number }>(socket, 'time:sync'))).serverTime;

  async function scene() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    return { board, lead, socket: await env.socket(lead) };
  }

  test('sets, starts, pauses, adds a minute and stops, with the end time in server time', async () => {
    const { socket, board } = await scene();
    expect(await timer(socket, { action: 'set', durationMs: 120_000 })).toEqual({ state: 'idle', endsAt: null, remainingMs: 120_000, durationMs: 120_000 });
    const before = await serverNow(socket);
    const running = await timer(socket, { action: 'start' });
    const after = await serverNow(socket);
    expect(running.state).toBe('running');
    expect(running.endsAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(running.endsAt).toBeLessThanOrEqual(after + 120_000);

    const paused = await timer(socket, { action: 'pause' });
    expect(paused).toMatchObject({ state: 'paused', endsAt: null, durationMs: 120_000 });
    expect(paused.remainingMs).toBeLessThanOrEqual(120_000);
    expect(paused.remainingMs).toBeGreaterThan(110_000);
    expect(await timer(socket, { action: 'pause' })).toEqual(paused); // idempotent

    const longer = await timer(socket, { action: 'addMinute' });
    expect(longer).toEqual({ ...paused, remainingMs: paused.remainingMs + 60_000, durationMs: 180_000 });
    const resumed = await timer(socket, { action: 'start' });
    const resumedAt = await serverNow(socket);
    expect(resumed.endsAt! - resumedAt).toBeLessThanOrEqual(longer.remainingMs);
    const plus = await timer(socket, { action: 'addMinute' });
    expect(plus.endsAt).toBe(resumed.endsAt! + 60_000);

    expect(await timer(socket, { action: 'stop' })).toEqual({ state: 'idle', endsAt: null, remainingMs: 240_000, durationMs: 240_000 });
    const part = await env.socket(await env.session(board, 'participant', 'Ane'));
    expect(await refusal(call(part, 'workshop:timer', { action: 'start' }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(socket, 'workshop:timer', { action: 'set', durationMs: 10 }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(socket, 'workshop:timer', { action: 'rewind' }))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  test('reaches done by itself at zero, and a minute more runs again', async () => {
    const { board, socket } = await scene();
    const screen = await env.yjs(await env.session(board, 'observer'));
    await timer(socket, { action: 'set', durationMs: 1000 });
    const started = await timer(socket, { action: 'start' });
    await eventually(() => readWorkshop(screen.doc).timer.state === 'done', 10_000, 'done');
    // It keeps its end: the room's screens let "time's up" go a minute after it, all at once.
    expect(readWorkshop(screen.doc).timer).toEqual({ state: 'done', endsAt: started.endsAt, remainingMs: 0, durationMs: 1000 });
    const again = await timer(socket, { action: 'addMinute' });
    expect(again).toMatchObject({ state: 'running', durationMs: 61_000 });
  });

  test('survives a reconnect and a server restart, running or paused', async () => {
    const { board, lead, socket } = await scene();
    await timer(socket, { action: 'set', durationMs: 600_000 });
    const running = await timer(socket, { action: 'start' });
    const first = await env.yjs(lead);
    expect(readWorkshop(first.doc).timer).toEqual(running);
    first.destroy();
    expect(readWorkshop((await env.yjs(lead)).doc).timer).toEqual(running); // reconnect

    await env.restart();
    const afterRestart = await env.yjs(await env.session(board, 'observer'));
    expect(readWorkshop(afterRestart.doc).timer).toEqual(running);

    const socket2 = await env.socket(lead);
    const paused = await timer(socket2, { action: 'pause' });
    await env.restart();
    expect(readWorkshop((await env.yjs(lead)).doc).timer).toEqual(paused);
    const resumed = await timer(await env.socket(lead), { action: 'start' });
    expect(resumed.state).toBe('running');
  });

  test('ends, when it loads, a timer that ran out while the server was down', async () => {
    const { board, lead } = await scene();
    let expired: Timer | null = null;
    // As if the server had died while the timer ran: its end is now in the past.
    await env.restartWith(async (store) => {
      const doc = await storedDoc(store, board.boardId);
      const before = Y.encodeStateVector(doc);
      expired = { state: 'running', endsAt: Date.now() - 5_000, remainingMs: 60_000, durationMs: 60_000 };
      workshopMap(doc).set('timer', expired);
      await store.appendUpdate(`board:${board.boardId}`, Y.encodeStateAsUpdate(doc, before));
    });
    expect(expired).not.toBeNull();
    const client = await env.yjs(lead);
    await eventually(() => readWorkshop(client.doc).timer.state === 'done', 10_000, 'done after load');
    expect(readWorkshop(client.doc).timer).toEqual({ state: 'done', endsAt: expired!.endsAt, remainingMs: 0, durationMs: 60_000 });
  });
});
