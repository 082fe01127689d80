import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ErrorCode,
  JOIN_CODE_PATTERN,
  boardMap,
  defaultWorkshop,
  readWorkshop,
  type JoinCodeInfo,
  type SessionResponse,
  type WorkshopState,
} from '../../shared';
import { hashToken, newToken } from '../../server/core/tokens';
import { api, eventually } from '../support/harness';
import { call, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';

describe('join by code', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  async function boardWithCode() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const leadDoc = await env.yjs(lead);
    const code = readWorkshop(leadDoc.doc).joinCode;
    return { board, lead, code, leadSocket: await env.socket(lead) };
  }

  it('turns a code into a participant session that works on both channels', async () => {
    const { board, code } = await boardWithCode();
    expect(code).toMatch(JOIN_CODE_PATTERN);
    const info = await api<JoinCodeInfo>(env.url, `/api/join/${code.toLowerCase()}`);
    expect(info).toEqual({ status: 200, body: { ok: true, data: { code, title: 'Kick-off workshop med rådene', open: true } } });

    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `; // as a phone might send it
    const res = await api<SessionResponse>(env.url, '/api/join', { code: typed, displayName: ' Mette ', contributorType: 'council', organisation: 'Ældrerådet' });
    expect(res.status).toBe(201);
    if (!res.body.ok) throw new Error(res.body.error.code);
    expect(res.body.data.identity).toMatchObject({ boardId: board.boardId, role: 'participant', displayName: 'Mette', contributorType: 'council', organisation: 'Ældrerådet' });
    expect(res.body.data.board).toEqual({ id: board.boardId, title: 'Kick-off workshop med rådene' });

    const anonymous = await api<SessionResponse>(env.url, '/api/join', { code });
    expect(anonymous.body).toMatchObject({ ok: true, data: { identity: { displayName: null, role: 'participant' } } });
    const client = await env.yjs(res.body.data);
    const idea = client.addIdea({ text: 'fra telefonen', authorName: 'Mette', contributorType: 'council', organisation: 'Ældrerådet' });
    await eventually(() => client.allSaved, 10_000, 'saved');
    expect(client.closes).toEqual([]);
    expect(idea.id).toBeTruthy();
    const socket = await env.socket(res.body.data);
    expect((await ok(call<{ serverTime: number }>(socket, 'time:sync'))).serverTime).toBeGreaterThan(0);
  });

  it('refuses while the facilitator has closed joining, and accepts again once reopened', async () => {
    const { code, leadSocket } = await boardWithCode();
    await ok(call<WorkshopState>(leadSocket, 'join:setOpen', { open: false }));
    const closed = await api(env.url, '/api/join', { code });
    expect(closed.status).toBe(403);
    expect(closed.body).toMatchObject({ ok: false, error: { code: ErrorCode.JOIN_CLOSED } });
    expect((await api<JoinCodeInfo>(env.url, `/api/join/${code}`)).body).toMatchObject({ ok: true, data: { open: false } });
    await ok(call<WorkshopState>(leadSocket, 'join:setOpen', { open: true }));
    expect((await api(env.url, '/api/join', { code })).status).toBe(201);
  });

  it('gives every board its own code, and old boards one when they load', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await boardWithCode()).code);
    expect(codes.size).toBe(5);

    // A board stored before live workshops: settings, no `workshop` map.
    const tokens = { facilitator: newToken(), participant: newToken(), observer: newToken() };
    const boardId = 'oldBoard0001';
    await env.store.createBoard({
      id: boardId,
      createdAt: 1,
      template: 'blank',
      title: 'Gammel tavle',
      tokenHashes: { facilitator: hashToken(tokens.facilitator), participant: hashToken(tokens.participant), observer: hashToken(tokens.observer) },
    });
    const old = new Y.Doc();
    const settings = { title: 'Gammel tavle', description: '', beacons: [], questions: [], focusQuestionId: null };
    for (const [key, value] of Object.entries(settings)) boardMap(old).set(key, value);
    expect(readWorkshop(old)).toEqual(defaultWorkshop()); // readable when missing
    await env.store.appendUpdate(`board:${boardId}`, Y.encodeStateAsUpdate(old));
    const session = await api<SessionResponse>(env.url, `/api/boards/${boardId}/sessions`, { token: tokens.facilitator });
    if (!session.body.ok) throw new Error(session.body.error.code);
    const client = await env.yjs(session.body.data);
    const code = readWorkshop(client.doc).joinCode;
    expect(code).toMatch(JOIN_CODE_PATTERN);
    expect((await api<JoinCodeInfo>(env.url, `/api/join/${code}`)).body).toMatchObject({ ok: true, data: { title: 'Gammel tavle', open: true } });
  });

  it('answers unknown and malformed codes with JOIN_CODE_UNKNOWN, bad bodies with VALIDATION_FAILED', async () => {
    const unknown = await api(env.url, '/api/join', { code: 'ACDEFG' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: ErrorCode.JOIN_CODE_UNKNOWN } });
    expect((await api(env.url, '/api/join/not-a-code')).body).toMatchObject({ ok: false, error: { code: ErrorCode.JOIN_CODE_UNKNOWN } });
    expect((await api(env.url, '/api/join', { code: 'ACDEFG', role: 'facilitator' })).body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
  });
});

describe('join by code under guessing', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  it('lets forty people behind one address join, and stops a guesser after ten misses a minute', async () => {
    const board = await env.board('kickoff');
    const code = readWorkshop((await env.yjs(await env.session(board, 'facilitator'))).doc).joinCode;
    const joins = await Promise.all(Array.from({ length: 40 }, (_, i) => api(env.url, '/api/join', { code, displayName: `Deltager ${i}` })));
    expect(joins.map((j) => j.status)).toEqual(Array(40).fill(201));

    const wrong = code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    for (let i = 0; i < 10; i++) {
      const miss = await api(env.url, i % 2 ? '/api/join' : `/api/join/${wrong}`, i % 2 ? { code: wrong } : undefined);
      expect(miss.status).toBe(404);
    }
    const res = await fetch(`${env.url}/api/join/${wrong}`);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: ErrorCode.RATE_LIMITED } });
    // Once limited, even the right code is refused (a different answer would confirm a guess).
    const right = await api(env.url, '/api/join', { code });
    expect(right.status).toBe(429);
  });
});
