import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  ErrorCode,
  PROTOCOL_VERSION,
  boardMap,
  ideasMap,
  insertIdea,
  readBoardSettings,
  type Ack,
  type BoardSettings,
  type CreateBoardResponse,
} from '../../shared';
import { RawConnection, TestClient, api, createBoard, eventually, join, openStore, socketClient, startServer } from '../support/harness';

describe('protocol edges', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let board: CreateBoardResponse;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    board = await createBoard(running.url, 'kickoff');
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  async function client(role: 'participant' | 'facilitator' | 'observer' = 'participant', name: string | null = null) {
    const session = await join(running.url, board.boardId, board.tokens[role], name);
    const c = new TestClient(running.wsUrl, board.boardId, session);
    cleanups.push(() => c.destroy());
    await c.synced();
    return c;
  }

  it('closes only the socket that sent a malformed frame', async () => {
    const bystander = await client('participant', 'Bystander');
    const session = await join(running.url, board.boardId, board.tokens.participant);
    for (const frame of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.from([0, 2, 50, 1, 2, 3]), Buffer.from([42])]) {
      const raw = new RawConnection(running.wsUrl, board.boardId, session.sessionToken);
      await raw.opened;
      raw.ws.send(frame);
      expect([CloseCode.PROTOCOL_ERROR, CloseCode.MISSING_DEPENDENCY]).toContain(await raw.closed);
      expect(raw.errors.length).toBe(1);
    }
    const text = new RawConnection(running.wsUrl, board.boardId, session.sessionToken);
    await text.opened;
    text.ws.send('hello');
    expect(await text.closed).toBe(CloseCode.PROTOCOL_ERROR);
    // The bystander is still connected and still syncing.
    const idea = bystander.addIdea({ text: 'still here' });
    await eventually(() => bystander.allSaved, 10_000, 'saved');
    const observer = await client('observer');
    expect(ideasMap(observer.doc).has(idea.id)).toBe(true);
    expect(bystander.closes).toEqual([]);
  });

  it('acknowledges every update message with one Saved, deletions and resends included', async () => {
    const session = await join(running.url, board.boardId, board.tokens.participant, 'Counter');
    const raw = new RawConnection(running.wsUrl, board.boardId, session.sessionToken);
    await raw.opened;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const base = { authorId: session.identity.participantId, authorName: 'Counter', contributorType: null, organisation: null, createdAt: 1, updatedAt: 1, phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a0' };
    // The server's state first, so the update refers only to what it has.
    const server = new TestClient(running.wsUrl, board.boardId, session);
    cleanups.push(() => server.destroy());
    await server.synced();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.doc));
    updates.length = 0;
    insertIdea(doc, { ...base, id: 'counted-idea', text: 'one' });
    ideasMap(doc).delete('counted-idea');
    for (const u of updates) raw.sendUpdate(u);
    raw.sendUpdate(updates[0]!); // a resend: already known
    await eventually(() => raw.saved.length === 3, 10_000, 'three Saved messages');
    expect(raw.saved.every((s) => s.client === doc.clientID && s.clock >= 1)).toBe(true);
  });

  it('refuses garbage Yjs updates with INVALID_UPDATE', async () => {
    const session = await join(running.url, board.boardId, board.tokens.participant);
    const raw = new RawConnection(running.wsUrl, board.boardId, session.sessionToken);
    await raw.opened;
    raw.sendUpdate(new Uint8Array([1, 1, 200, 1, 0, 200, 7]));
    expect(await raw.closed).toBe(CloseCode.PROTOCOL_ERROR);
    expect(raw.errors[0]?.code).toBe(ErrorCode.INVALID_UPDATE);
  });

  it('refuses missing, unknown and foreign sessions with 4401, unknown boards with 4404', async () => {
    const other = await createBoard(running.url);
    const otherSession = await join(running.url, other.boardId, other.tokens.participant);
    const cases: Array<[string, string | null, number]> = [
      [board.boardId, null, CloseCode.UNAUTHENTICATED],
      [board.boardId, 'not-a-session', CloseCode.UNAUTHENTICATED],
      [board.boardId, otherSession.sessionToken, CloseCode.UNAUTHENTICATED],
      ['NoSuchBoard123', otherSession.sessionToken, CloseCode.UNAUTHENTICATED],
      ['..%2F..%2Fetc', otherSession.sessionToken, CloseCode.BOARD_NOT_FOUND],
      ['x'.repeat(10_000), otherSession.sessionToken, CloseCode.BOARD_NOT_FOUND],
    ];
    for (const [boardId, session, code] of cases) {
      const raw = new RawConnection(running.wsUrl, boardId, session);
      expect(await raw.closed).toBe(code);
    }
  });

  it('refuses a foreign Origin at the upgrade', async () => {
    const session = await join(running.url, board.boardId, board.tokens.participant);
    const raw = new RawConnection(running.wsUrl, board.boardId, session.sessionToken, { Origin: 'https://evil.example' });
    await expect(raw.opened).rejects.toThrow('HTTP 403');
  });

  it('writes the bound identity into awareness, whatever the client claims', async () => {
    const mallory = await client('participant', 'Mallory');
    const watcher = await client('observer');
    mallory.provider.awareness.setLocalStateField('user', { participantId: 'someoneelse1', name: 'Borgmester', role: 'facilitator', contributorType: null });
    await eventually(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Mallory'), 10_000, 'presence');
    const names = [...watcher.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string; role?: string } }).user);
    expect(names).not.toContainEqual(expect.objectContaining({ name: 'Borgmester' }));
    expect(names).toContainEqual(expect.objectContaining({ name: 'Mallory', role: 'participant' }));
  });

  it('answers REST errors with named codes', async () => {
    const badToken = await api(running.url, `/api/boards/${board.boardId}/sessions`, { token: 'nope' });
    expect(badToken.status).toBe(403);
    expect(badToken.body).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_TOKEN } });
    const missingBoard = await api(running.url, '/api/boards/NoSuchBoard123/sessions', { token: 'x' });
    expect(missingBoard.status).toBe(404);
    const invalid = await api(running.url, '/api/boards', { template: 'party' });
    expect(invalid.body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    const res = await fetch(`${running.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: ErrorCode.BAD_REQUEST } });
    // Valid JSON that is not an object breaks the schema, not the syntax.
    for (const body of ['null', '3', '"kickoff"']) {
      const notObject = await fetch(`${running.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(notObject.status).toBe(400);
      expect(await notObject.json()).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    }
    // A body of another type is refused, not read as empty (which would make a default board).
    for (const [type, body] of [['text/plain', '{"title":"Sendt som tekst"}'], ['application/x-www-form-urlencoded', 'title=Formular']]) {
      const wrongType = await fetch(`${running.url}/api/boards`, { method: 'POST', headers: { 'content-type': type! }, body });
      expect(wrongType.status).toBe(400);
      expect(await wrongType.json()).toMatchObject({ ok: false, error: { code: ErrorCode.BAD_REQUEST } });
    }
    // What a link opens, before anyone signs in with it.
    const link = await api(running.url, `/api/boards/${board.boardId}/link`, { token: board.tokens.participant });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ ok: true, data: { board: { id: board.boardId, title: board.title }, role: 'participant' } });
    expect((await api(running.url, `/api/boards/${board.boardId}/link`, { token: board.tokens.observer })).body).toMatchObject({ data: { role: 'observer' } });
    const wrongLink = await api(running.url, `/api/boards/${board.boardId}/link`, { token: 'nope' });
    expect(wrongLink.status).toBe(403);
    expect(wrongLink.body).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_TOKEN } });
    expect((await api(running.url, '/api/boards/NoSuchBoard123/link', { token: 'x' })).status).toBe(404);
    expect((await api(running.url, `/api/boards/${board.boardId}/link`, { token: 'x', displayName: 'Ane' })).body).toMatchObject({ error: { code: ErrorCode.VALIDATION_FAILED } });
    // No body at all is still the documented blank board.
    const empty = await fetch(`${running.url}/api/boards`, { method: 'POST' });
    expect(empty.status).toBe(201);
    const session = await join(running.url, board.boardId, board.tokens.participant, 'Ane');
    const me = await api(running.url, `/api/boards/${board.boardId}/session`, undefined, { authorization: `Bearer ${session.sessionToken}` });
    expect(me.body).toMatchObject({ ok: true, data: { identity: { displayName: 'Ane', role: 'participant' } } });
    const anon = await api(running.url, `/api/boards/${board.boardId}/session`);
    expect(anon.status).toBe(401);
    const health = await fetch(`${running.url}/readyz`);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'embedded', protocolVersion: PROTOCOL_VERSION });
  });

  it('runs socket.io commands with one acknowledgement shape and role checks', async () => {
    const lead = await join(running.url, board.boardId, board.tokens.facilitator, 'Lead');
    const part = await join(running.url, board.boardId, board.tokens.participant, 'Part');
    const watcher = await client('observer');
    const facilitatorSocket = socketClient(running.url, lead.sessionToken);
    const participantSocket = socketClient(running.url, part.sessionToken);
    cleanups.push(() => facilitatorSocket.close(), () => participantSocket.close());
    const hello = await new Promise<{ identity: { role: string } }>((resolve) => facilitatorSocket.once('session:hello', resolve));
    expect(hello.identity.role).toBe('facilitator');

    const emit = (socket: typeof facilitatorSocket, patch: unknown) =>
      new Promise<Ack<BoardSettings>>((resolve) => socket.emit('board:updateSettings', patch as never, resolve));
    const okAck = await emit(facilitatorSocket, { title: 'Kick-off 29. maj', beacons: [{ id: 'beacon-1', name: 'Sundhed og trivsel' }] });
    expect(okAck).toMatchObject({ ok: true, data: { title: 'Kick-off 29. maj' } });
    await eventually(() => readBoardSettings(watcher.doc)?.title === 'Kick-off 29. maj', 10_000, 'settings in yjs');
    expect(readBoardSettings(watcher.doc)?.beacons).toEqual([{ id: 'beacon-1', name: 'Sundhed og trivsel' }]);

    expect(await emit(participantSocket, { title: 'Mine now' })).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(await emit(facilitatorSocket, { title: 42 })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect(await emit(facilitatorSocket, 'nonsense')).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect(await emit(facilitatorSocket, { focusQuestionId: 'not-a-question' })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect(boardMap(watcher.doc).get('title')).toBe('Kick-off 29. maj');

    const time = await new Promise<Ack<{ serverTime: number }>>((resolve) => participantSocket.emit('time:sync', resolve));
    expect(time.ok && typeof time.data.serverTime).toBe('number');

    const stranger = socketClient(running.url, 'forged');
    cleanups.push(() => stranger.close());
    const refused = await new Promise<{ data?: { code?: string } }>((resolve) => stranger.once('connect_error', resolve));
    expect(refused.data?.code).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('answers sync only after a cold board is loaded', async () => {
    // Covered across restarts in board-sync.test.ts; here: a fresh board right after creation.
    const fresh = await createBoard(running.url, 'kickoff');
    const session = await join(running.url, fresh.boardId, fresh.tokens.observer);
    const c = new TestClient(running.wsUrl, fresh.boardId, session);
    cleanups.push(() => c.destroy());
    await c.synced();
    expect(readBoardSettings(c.doc)?.questions).toHaveLength(3);
    expect(Y.encodeStateVector(c.doc).length).toBeGreaterThan(1);
  });
});
