import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ErrorCode,
  ideasMap,
  randomId,
  type Ack,
  type CallSimilarResponse,
  type OverviewThemesResponse,
  type DuplicatesResponse,
  type HiddenIdea,
  type SessionResponse,
  type SimilarResponse,
  type SubmitHiddenResult,
  type ThemesResponse,
  type WorkshopState,
} from '../../shared';
import { TEST_COORDINATOR_TOKEN, testConfig } from '../../server/config';
import { createServer } from '../../server/create-server';
import { DEFAULT_ABUSE_LIMITS } from '../../server/moderation/abuse-limits';
import { eventually, openStore, type StoreKind } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { call, draft, ok, socketOf, workshopEnv, type WorkshopEnv } from '../support/workshop';

/**
 * Sensemaking over REST with real servers, both stores: suggestions hold only what the
 * caller may see, follow edits and deletes at once, and the public call's endpoint is
 * limited. The engine's quality and speed are in test/unit and bench/sensemaking.ts.
 */
const redisUrl = inject('redisUrl');
const kinds: StoreKind[] = redisUrl ? ['embedded', 'redis'] : ['embedded'];

async function rest<T>(base: string, path: string, session: SessionResponse | null, body?: unknown) {
  const res = await fetch(base + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.sessionToken}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Ack<T>, retryAfter: res.headers.get('retry-after') };
}

describe.each(kinds)('sensemaking on the %s store', (kind) => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv(kind, redisUrl);
  });
  afterAll(() => env.close());

  it('never suggests silent, pending or hidden ideas of others, to a participant or an observer', async () => {
    const board = await env.board('blank');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const bo = await env.session(board, 'participant', 'Bo');
    const screen = await env.session(board, 'observer');
    const leadSocket = await env.socket(lead);
    const aneSocket = await env.socket(ane);
    const aneDoc = await env.yjs(ane);

    const visible = aneDoc.addIdea({ text: 'Flere cykelstier til skolerne i Ishøj' });
    const toHide = aneDoc.addIdea({ text: 'Sikre cykelstier hele vejen til skolen' });
    await eventually(() => aneDoc.allSaved, 10_000, 'saved');

    // Hidden by a facilitator.
    await ok(call<HiddenIdea>(leadSocket, 'idea:hide', { ideaId: toHide.id, reason: 'test' }));
    // Written silently by Ane.
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    const silent = draft(ane, 'Cykelstier til skolen skal ryddes for sne', null);
    await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: silent }));
    // Pending in a pre-moderated public call.
    const callInfo = await openCall(leadSocket, 'pre');
    const pending = await contribute(env.url, callInfo.callId!, { text: 'Cykelsti til skolen langs Ishøj Boulevard' });
    expect(pending.status).toBe(201);

    for (const who of [bo, screen, ane, lead]) {
      const answer = await rest<SimilarResponse>(env.url, `/api/boards/${board.boardId}/similar`, who, { text: 'cykelsti til skolen', limit: 20 });
      expect(answer.status).toBe(200);
      if (!answer.body.ok) throw new Error(answer.body.error.message);
      const ids = answer.body.data.suggestions.map((s) => s.ideaId);
      expect(ids).toContain(visible.id);
      expect(ids).not.toContain(toHide.id);
      expect(ids).not.toContain(silent.id);
      expect(JSON.stringify(answer.body)).not.toMatch(/Boulevard|sne|hele vejen/);
    }
    // The public call's form sees published ideas only, with their text.
    const fromCall = await rest<CallSimilarResponse>(env.url, `/api/calls/${callInfo.callId}/similar`, null, { text: 'cykelsti til skolen' });
    if (!fromCall.body.ok) throw new Error(fromCall.body.error.message);
    expect(fromCall.body.data.suggestions.map((s) => s.ideaId)).toEqual([visible.id]);
    expect(fromCall.body.data.suggestions[0]?.text).toBe(visible.text);

    // A hidden idea answers exactly like an unknown one.
    const hiddenAsk = await rest<SimilarResponse>(env.url, `/api/boards/${board.boardId}/ideas/${toHide.id}/similar`, bo);
    const unknownAsk = await rest<SimilarResponse>(env.url, `/api/boards/${board.boardId}/ideas/${randomId(12)}/similar`, bo);
    expect(hiddenAsk.status).toBe(404);
    expect(hiddenAsk.body).toEqual(unknownAsk.body);
    expect(!hiddenAsk.body.ok && hiddenAsk.body.error.code).toBe(ErrorCode.NOT_FOUND);
  });

  it('follows an edit or a delete at once', async () => {
    const board = await env.board('blank');
    const ane = await env.session(board, 'participant', 'Ane');
    const aneDoc = await env.yjs(ane);
    const a = aneDoc.addIdea({ text: 'Længere åbningstider på biblioteket' });
    const b = aneDoc.addIdea({ text: 'Biblioteket skal have åbent om aftenen' });
    const c = aneDoc.addIdea({ text: 'Bænke ved stranden' });
    await eventually(() => aneDoc.allSaved, 10_000, 'saved');
    const ask = async (path: string, body?: unknown) => {
      const answer = await rest<SimilarResponse>(env.url, `/api/boards/${board.boardId}${path}`, ane, body);
      if (!answer.body.ok) throw new Error(answer.body.error.message);
      return answer.body.data.suggestions.map((s) => s.ideaId);
    };
    expect(await ask(`/ideas/${a.id}/similar?limit=5`)).toEqual([b.id]);

    ideasMap(aneDoc.doc).get(b.id)!.set('text', 'Flere bænke ved stranden');
    await eventually(() => aneDoc.allSaved, 10_000, 'edit saved');
    expect(await ask(`/ideas/${a.id}/similar?limit=5`)).toEqual([]);
    expect(await ask(`/ideas/${c.id}/similar?limit=5`)).toEqual([b.id]);

    ideasMap(aneDoc.doc).delete(b.id);
    await eventually(() => aneDoc.allSaved, 10_000, 'delete saved');
    expect(await ask('/similar', { text: 'bænke ved stranden' })).toEqual([c.id]);
  });

  it('answers bad input with a named error', async () => {
    const board = await env.board('blank');
    const ane = await env.session(board, 'participant', 'Ane');
    const path = `/api/boards/${board.boardId}/similar`;
    for (const body of [{ text: '' }, { text: 'x'.repeat(1001) }, { text: 'ok', limit: 21 }, { text: 'ok', extra: 1 }]) {
      const answer = await rest(env.url, path, ane, body);
      expect(answer.status).toBe(400);
      expect(!answer.body.ok && answer.body.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    }
    expect((await rest(env.url, path, null, { text: 'ok' })).status).toBe(401);
    // Themes and duplicates are for facilitators.
    const themes = await rest(env.url, `/api/boards/${board.boardId}/themes`, ane);
    expect(!themes.body.ok && themes.body.error.code).toBe(ErrorCode.FORBIDDEN);
  });

  it('gives facilitators duplicate pairs, remembers "not duplicates", and suggests themes', async () => {
    const board = await env.board('blank');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const aneDoc = await env.yjs(ane);
    const base = `/api/boards/${board.boardId}`;
    const few = await rest<ThemesResponse>(env.url, `${base}/themes`, lead);
    expect(few.body).toEqual({ ok: true, data: { themes: [], reason: 'TOO_FEW_IDEAS' } });

    const texts = [
      'Flere cykelstier til skolerne', 'Sikre cykelstier til skolen', 'Cykelstierne skal ryddes for sne',
      'Længere åbningstider på biblioteket', 'Biblioteket skal have åbent om aftenen', 'Bibliotekets åbningstider er for korte',
      'Fællesspisning for ældre der bor alene',
    ];
    const ideas = texts.map((text) => aneDoc.addIdea({ text }));
    await eventually(() => aneDoc.allSaved, 10_000, 'saved');

    const dupes = await rest<DuplicatesResponse>(env.url, `${base}/duplicates`, lead);
    if (!dupes.body.ok) throw new Error(dupes.body.error.message);
    expect(dupes.body.data.pairs.length).toBeGreaterThan(0);
    const first = dupes.body.data.pairs[0]!.ideaIds;
    expect((await rest(env.url, `${base}/duplicates/dismiss`, lead, { ideaIds: first })).status).toBe(200);
    const after = await rest<DuplicatesResponse>(env.url, `${base}/duplicates`, lead);
    if (!after.body.ok) throw new Error(after.body.error.message);
    expect(after.body.data.pairs.map((pair) => pair.ideaIds.join())).not.toContain(first.join());

    const themes = await rest<ThemesResponse>(env.url, `${base}/themes`, lead);
    if (!themes.body.ok) throw new Error(themes.body.error.message);
    const { themes: list } = themes.body.data;
    const cycling = list.find((theme) => theme.ideaIds.includes(ideas[0]!.id));
    expect(cycling?.label).toMatch(/cykelsti/);
    expect(cycling?.ideaIds).toEqual(expect.arrayContaining([ideas[0]!.id, ideas[1]!.id]));
    for (const quote of list.flatMap((theme) => theme.quotes)) expect(texts).toContain(quote.text);
  });
});

describe('themes across boards', () => {
  it('groups every board\u2019s visible ideas for the coordinator, with counts per board and the ideas behind them', async () => {
    const env = await workshopEnv('embedded', null);
    try {
      const first = await env.board('blank');
      const second = await env.board('blank');
      const one = await env.yjs(await env.session(first, 'participant', 'Ane'));
      const two = await env.yjs(await env.session(second, 'participant', 'Bo'));
      for (const text of ['Flere cykelstier til skolerne', 'Sikre cykelstier til skolen', 'Bænke i parken']) one.addIdea({ text });
      for (const text of ['Cykelstier langs stranden', 'Cykelstier til stationen', 'Fællesspisning for ældre']) two.addIdea({ text });
      await eventually(() => one.allSaved && two.allSaved, 10_000, 'saved');
      const session = await rest<{ sessionToken: string }>(env.url, '/api/coordinator/sessions', null, { token: TEST_COORDINATOR_TOKEN });
      if (!session.body.ok) throw new Error(session.body.error.message);
      const bearer = { sessionToken: session.body.data.sessionToken } as SessionResponse;
      const answer = await rest<OverviewThemesResponse>(env.url, '/api/overview/themes', bearer);
      if (!answer.body.ok) throw new Error(answer.body.error.message);
      const cycling = answer.body.data.themes.find((theme) => /cykelsti/.test(theme.label));
      expect(cycling?.boards.map((board) => board.boardId).sort()).toEqual([first.boardId, second.boardId].sort());
      expect(cycling?.ideas.length).toBe(4);
      expect(answer.body.data.truncated).toBe(false);
      // Only the coordinator asks across boards.
      const participant = await env.session(first, 'facilitator', 'Lead');
      expect((await rest(env.url, '/api/overview/themes', participant)).status).toBe(401);
    } finally {
      await env.close();
    }
  });
});

describe('the public call\u2019s similar ideas', () => {
  it('is rate limited per address with 429 and Retry-After', async () => {
    const opened = await openStore('embedded', null);
    const server = await createServer({ store: opened.store, config: testConfig({}), abuseLimits: limitsWith({ callSimilarPerIp: { points: 3, seconds: 60 } }) });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const board = await (await fetch(`${url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"template":"blank"}' })).json();
      const lead = await (
        await fetch(`${url}/api/boards/${board.data.boardId}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: board.data.tokens.facilitator }) })
      ).json();
      const socket = await socketOf(url, lead.data);
      const callInfo = await openCall(socket, 'post');
      socket.close();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i += 1) {
        const answer = await rest<CallSimilarResponse>(url, `/api/calls/${callInfo.callId}/similar`, null, { text: 'cykelsti' });
        statuses.push(answer.status);
        if (answer.status === 429) {
          retryAfter = answer.retryAfter;
          expect(!answer.body.ok && answer.body.error.code).toBe(ErrorCode.RATE_LIMITED);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await server.close();
      await opened.store.close();
      await opened.cleanup();
    }
  });
});

function limitsWith(overrides: Record<string, { points: number; seconds: number }>) {
  return { ...DEFAULT_ABUSE_LIMITS, ...overrides };
}
