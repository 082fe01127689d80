import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideasMap, readIdeas, type Cluster, type CreateBoardResponse, type Idea, type Initiative, type Poll, type PollDraft, type SessionResponse } from '../../shared';
import { TestClient, createBoard, eventually, join, openStore, socketClient, startServer, storedDoc } from '../support/harness';
import { call, type TestSocket } from '../support/workshop';
import { fetchExport } from './export-helpers';

/** The table in docs/AUTHORIZATION.md, parsed: action → caller → allowed. */
function readMatrix(): Map<string, Map<string, boolean>> {
  const lines = readFileSync('docs/AUTHORIZATION.md', 'utf8').split('\n').filter((l) => l.startsWith('| '));
  const [header, , ...rows] = lines;
  const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  const callers = cells(header!).slice(1);
  const matrix = new Map<string, Map<string, boolean>>();
  for (const row of rows) {
    const [action, ...marks] = cells(row);
    matrix.set(action!, new Map(callers.map((caller, i) => [caller, marks[i] === '✓'])));
  }
  return matrix;
}

type Caller = 'no session' | 'other board' | 'observer' | 'participant' | 'other participant' | 'facilitator';
type Outcome = 'allowed' | 'refused';

/** The poll the matrix's poll rows create. */
const MATRIX_POLL: PollDraft = { type: 'single', question: 'Hvilket pejlemærke?', options: [{ label: 'Sundhed' }, { label: 'Fællesskab' }] };

describe('authorization matrix (docs/AUTHORIZATION.md)', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let otherBoard: CreateBoardResponse;
  const closers: Array<() => void> = [];
  const matrix = readMatrix();

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    otherBoard = await createBoard(running.url);
  });
  afterAll(async () => {
    for (const close of closers) close();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  /** A fresh board where "participant" wrote one idea in question 1 (and another to merge). */
  async function scene() {
    const board = await createBoard(running.url, 'kickoff');
    const sessions = {
      participant: await join(running.url, board.boardId, board.tokens.participant, 'Forfatter'),
      'other participant': await join(running.url, board.boardId, board.tokens.participant, 'Anden'),
      observer: await join(running.url, board.boardId, board.tokens.observer),
      facilitator: await join(running.url, board.boardId, board.tokens.facilitator, 'Facilitator'),
      'other board': await join(running.url, otherBoard.boardId, otherBoard.tokens.facilitator, 'Fremmed'),
    } satisfies Record<Exclude<Caller, 'no session'>, SessionResponse>;
    const author = yjs(board.boardId, sessions.participant.sessionToken, sessions.participant);
    await author.synced();
    const idea = author.addIdea({ text: 'Forfatterens idé', questionId: 'kickoff-q1' });
    const second = author.addIdea({ text: 'En dublet', questionId: 'kickoff-q1' });
    await eventually(() => author.allSaved, 10_000, 'scene saved');
    author.destroy();
    const lead = await socket(sessions.facilitator.sessionToken);
    return { board, sessions, idea, second, lead };
  }

  function yjs(boardId: string, token: string | null, session?: SessionResponse): TestClient {
    const fake = session ?? ({ sessionToken: token ?? '', identity: { participantId: 'nobody000', displayName: null } } as unknown as SessionResponse);
    const client = new TestClient(running.wsUrl, boardId, fake);
    closers.push(() => client.destroy());
    return client;
  }

  async function socket(token: string): Promise<TestSocket> {
    const s = socketClient(running.url, token);
    closers.push(() => s.close());
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  /** Connects as the caller over Yjs; null when the server refuses the connection. */
  async function connectYjs(boardId: string, caller: Caller, sessions: Record<string, SessionResponse>): Promise<TestClient | null> {
    const session = caller === 'no session' ? null : sessions[caller]!;
    const client = yjs(boardId, session?.sessionToken ?? null, session ?? undefined);
    await Promise.race([client.synced(), eventually(() => client.closes.length > 0, 10_000, 'sync or close')]);
    return client.closes.length > 0 ? null : client;
  }

  /** Runs a Yjs write; allowed when the server answers it with Saved, refused when it closes. */
  async function yjsWrite(client: TestClient | null, write: (c: TestClient) => void): Promise<Outcome> {
    if (!client) return 'refused';
    // The sync step 2 the client sent on connecting is answered with a Saved too: wait for it.
    await eventually(() => client.savedCount > 0, 10_000, 'first Saved');
    const before = client.savedCount;
    write(client);
    await eventually(() => client.savedCount > before || client.closes.length > 0, 10_000, 'saved or refused');
    return client.closes.length > 0 ? 'refused' : 'allowed';
  }

  /**
   * Runs a socket.io command as the caller. Commands act on the board of the caller's own
   * session, so for a session of another board "refused" means: our board did not change.
   */
  async function socketCommand(
    caller: Caller,
    ctx: Awaited<ReturnType<typeof scene>>,
    run: (s: TestSocket) => Promise<{ ok: boolean }>,
  ): Promise<Outcome> {
    if (caller === 'no session') return socket('').then(() => 'allowed' as const, () => 'refused' as const);
    const s = await socket(ctx.sessions[caller].sessionToken).catch(() => null);
    if (!s) return 'refused';
    const before = await boardState(ctx.board.boardId);
    const answer = await run(s);
    if (caller === 'other board') return JSON.stringify(await boardState(ctx.board.boardId)) === JSON.stringify(before) ? 'refused' : 'allowed';
    return answer.ok ? 'allowed' : 'refused';
  }

  async function boardState(boardId: string) {
    const doc = await storedDoc(env.store, boardId);
    return {
      board: doc.getMap('board').toJSON(),
      workshop: doc.getMap('workshop').toJSON(),
      ideas: readIdeas(doc),
      clusters: doc.getMap('clusters').toJSON(),
      initiatives: doc.getMap('initiatives').toJSON(),
      polls: doc.getMap('polls').toJSON(),
    };
  }

  /**
   * Exports every format but PDF as the caller (PDF passes the same check first, then needs
   * Chromium; test/integration/export-auth.test.ts covers it). Allowed only if every format
   * is served, refused only if every one is answered 401 or 403 with an error: anything in
   * between is neither, and fails the cell whichever way the table says.
   */
  async function exportAs(caller: Caller, ctx: Awaited<ReturnType<typeof scene>>): Promise<Outcome | 'mixed'> {
    const token = caller === 'no session' ? null : ctx.sessions[caller].sessionToken;
    const outcomes = new Set<Outcome | 'other'>();
    for (const format of ['csv', 'xlsx', 'md', 'html', 'json']) {
      const res = await fetchExport(running.url, ctx.board.boardId, format, token);
      if (res.status === 200) outcomes.add('allowed');
      else if ((res.status === 401 || res.status === 403) && res.ack?.ok === false) outcomes.add('refused');
      else outcomes.add('other');
    }
    const [only] = outcomes;
    return outcomes.size === 1 && only !== 'other' && only !== undefined ? only : 'mixed';
  }

  /**
   * Several commands that make up one row: allowed when every one was, refused when none
   * was; anything in between fails the cell whichever way the table says.
   */
  function every(answers: Array<{ ok: boolean }>): { ok: boolean } {
    const allowed = answers.filter((a) => a.ok).length;
    if (allowed !== 0 && allowed !== answers.length) throw new Error(`${allowed} of ${answers.length} commands were allowed`);
    return { ok: allowed === answers.length };
  }

  const actions: Record<string, (caller: Caller, ctx: Awaited<ReturnType<typeof scene>>) => Promise<Outcome | 'mixed'>> = {
    'read the board': async (caller, { board, sessions, idea }) => {
      const client = await connectYjs(board.boardId, caller, sessions);
      return client && ideasMap(client.doc).has(idea.id) ? 'allowed' : 'refused';
    },
    'add an idea': async (caller, { board, sessions }) =>
      yjsWrite(await connectYjs(board.boardId, caller, sessions), (c) => c.addIdea({ text: 'ny', questionId: 'kickoff-q1' })),
    "edit the idea's text": async (caller, { board, sessions, idea }) =>
      yjsWrite(await connectYjs(board.boardId, caller, sessions), (c) => ideasMap(c.doc).get(idea.id)?.set('text', 'ændret')),
    'move the idea to another group': async (caller, { board, sessions, idea }) =>
      yjsWrite(await connectYjs(board.boardId, caller, sessions), (c) => ideasMap(c.doc).get(idea.id)?.set('phase', 3)),
    'delete the idea': async (caller, { board, sessions, idea }) =>
      yjsWrite(await connectYjs(board.boardId, caller, sessions), (c) => ideasMap(c.doc).delete(idea.id)),
    'vote for the idea (in the vote step)': async (caller, ctx) => {
      expect((await call(ctx.lead, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' })).ok).toBe(true);
      return socketCommand(caller, ctx, (s) => call(s, 'vote:cast', { ideaId: ctx.idea.id }));
    },
    'merge ideas (moderate)': async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'idea:merge', { targetId: ctx.idea.id, sourceIds: [ctx.second.id] })),
    'change the step and the timer': async (caller, ctx) =>
      socketCommand(caller, ctx, async (s) => {
        const step = await call(s, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'group' });
        const timer = await call(s, 'workshop:timer', { action: 'set', durationMs: 60_000 });
        // Allowed if either went through: a refusal must refuse both.
        return { ok: step.ok || timer.ok };
      }),
    'lock the board': async (caller, ctx) => socketCommand(caller, ctx, (s) => call(s, 'workshop:setLocked', { locked: true })),
    'choose what the projector shows (`workshop:setScreen`)': async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'workshop:setScreen', { screen: { kind: 'results' } })),
    "change the board's settings": async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'board:updateSettings', { title: 'Ny titel' })),
    'export the board': exportAs,
    'comment on the idea': async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'comment:add', { id: `comment-${caller.replace(/\W/g, '')}`, ideaId: ctx.idea.id, text: 'En kommentar' })),
    'react to the idea': async (caller, ctx) => socketCommand(caller, ctx, (s) => call(s, 'reaction:toggle', { ideaId: ctx.idea.id, reaction: 'support' })),
    'report the idea to the moderators': async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'report:create', { target: { kind: 'idea', id: ctx.idea.id }, reason: 'spam' })),
    'hide the idea (moderate)': async (caller, ctx) => socketCommand(caller, ctx, (s) => call(s, 'idea:hide', { ideaId: ctx.idea.id, reason: 'spam' })),
    'delete the idea for good (GDPR)': async (caller, ctx) => socketCommand(caller, ctx, (s) => call(s, 'idea:purge', { ideaId: ctx.idea.id })),
    "set the idea's status": async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'idea:setStatus', { ideaId: ctx.idea.id, status: 'selected' })),
    'read the moderation queue and audit log': async (caller, ctx) =>
      socketCommand(caller, ctx, async (s) => {
        const queue = await call(s, 'moderation:queue', {});
        const audit = await call(s, 'audit:list', {});
        // Allowed if either answered: a refusal must refuse both.
        return { ok: queue.ok || audit.ok };
      }),
    'open the public call': async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' })),
    'create, rename and delete clusters': async (caller, ctx) => {
      const made = await call<Cluster>(ctx.lead, 'cluster:create', { name: 'Facilitatorens klynge', questionId: 'kickoff-q1' });
      if (!made.ok) throw new Error(made.error.message);
      return socketCommand(caller, ctx, async (s) =>
        every([
          await call(s, 'cluster:create', { name: 'Ny klynge', questionId: 'kickoff-q1' }),
          await call(s, 'cluster:rename', { clusterId: made.data.id, name: 'Omdøbt' }),
          await call(s, 'cluster:delete', { clusterId: made.data.id }),
        ]),
      );
    },
    'configure, reveal and reset voting': async (caller, ctx) =>
      socketCommand(caller, ctx, async (s) =>
        every([
          await call(s, 'voting:configure', { votesPerPerson: 5, maxPerIdea: 2 }),
          await call(s, 'voting:reveal', { revealed: true }),
          await call(s, 'voting:reset', {}),
        ]),
      ),
    'open or close joining by code (`join:setOpen`)': async (caller, ctx) => socketCommand(caller, ctx, (s) => call(s, 'join:setOpen', { open: false })),
    'save and delete initiatives': async (caller, ctx) => {
      const fields = { title: 'Kyststien', scale: 'small', kind: 'new', ideaIds: [ctx.idea.id] };
      const made = await call<Initiative>(ctx.lead, 'initiative:save', { fields });
      if (!made.ok) throw new Error(made.error.message);
      return socketCommand(caller, ctx, async (s) =>
        every([
          await call(s, 'initiative:save', { fields: { ...fields, title: 'Ny' } }),
          await call(s, 'initiative:save', { id: made.data.id, fields: { ...fields, title: 'Ændret' } }),
          await call(s, 'initiative:delete', { initiativeId: made.data.id }),
        ]),
      );
    },
    'create, open, reveal and delete polls': async (caller, ctx) => {
      const made = await call<Poll>(ctx.lead, 'poll:create', { poll: MATRIX_POLL });
      if (!made.ok) throw new Error(made.error.message);
      return socketCommand(caller, ctx, async (s) => {
        const answers = [
          await call(s, 'poll:open', { pollId: made.data.id }),
          await call(s, 'poll:reveal', { pollId: made.data.id, revealed: true }),
          await call(s, 'poll:delete', { pollId: made.data.id }),
        ];
        // Another board's facilitator may make polls on that board: what counts is ours, unchanged.
        if (caller !== 'other board') answers.push(await call<Poll>(s, 'poll:create', { poll: MATRIX_POLL }));
        return every(answers);
      });
    },
    'read the draft polls (`poll:drafts`)': async (caller, ctx) => {
      await call<Poll>(ctx.lead, 'poll:create', { poll: MATRIX_POLL });
      return socketCommand(caller, ctx, (s) => call(s, 'poll:drafts'));
    },
    'answer a live poll': async (caller, ctx) => {
      const made = await call<Poll>(ctx.lead, 'poll:create', { poll: MATRIX_POLL });
      if (!made.ok) throw new Error(made.error.message);
      await call(ctx.lead, 'poll:open', { pollId: made.data.id });
      await call(ctx.lead, 'poll:setLive', { pollId: made.data.id });
      const optionId = made.data.type === 'single' ? made.data.options[0]!.id : '';
      return socketCommand(caller, ctx, (s) => call(s, 'poll:answer', { pollId: made.data.id, answer: { type: 'single', optionId } }));
    },
    "find what the board holds about the idea's author (`person:find`)": async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'person:find', { by: 'participant', value: ctx.sessions.participant.identity.participantId })),
    "export what the board holds about the idea's author (`person:export`)": async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'person:export', { by: 'participant', value: ctx.sessions.participant.identity.participantId })),
    "delete everything the board holds about the idea's author (`person:delete`)": async (caller, ctx) =>
      socketCommand(caller, ctx, (s) => call(s, 'person:delete', { by: 'participant', value: ctx.sessions.participant.identity.participantId })),
    'subscribe to the moderation digest by e-mail (`mail:subscribe`, `mail:subscription`, `mail:unsubscribe`)': async (caller, ctx) =>
      socketCommand(caller, ctx, async (s) =>
        every([
          await call(s, 'mail:subscribe', { email: 'moderator@example.org', locale: 'da' }),
          await call(s, 'mail:subscription', {}),
          await call(s, 'mail:unsubscribe', {}),
        ]),
      ),
    'ask for ideas similar to a text or an idea (`POST /api/boards/:boardId/similar`, `GET …/ideas/:ideaId/similar`)': async (caller, ctx) =>
      asOutcome(
        every([
          await restAs(caller, ctx, 'POST', '/similar', { text: 'Forfatterens idé om en dublet' }),
          await restAs(caller, ctx, 'GET', `/ideas/${ctx.idea.id}/similar`),
        ]),
      ),
    'read possible duplicates and theme suggestions (`GET …/duplicates`, `GET …/themes`)': async (caller, ctx) =>
      asOutcome(every([await restAs(caller, ctx, 'GET', '/duplicates'), await restAs(caller, ctx, 'GET', '/themes')])),
    'mark two ideas as not duplicates (`POST …/duplicates/dismiss`)': async (caller, ctx) =>
      asOutcome(await restAs(caller, ctx, 'POST', '/duplicates/dismiss', { ideaIds: [ctx.idea.id, ctx.second.id] })),
  };

  /**
   * Calls a board's REST route as the caller: allowed on 2xx with `ok: true`, refused on
   * 401/403 with an error; anything else fails the cell whichever way the table says.
   */
  async function restAs(caller: Caller, ctx: Awaited<ReturnType<typeof scene>>, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ ok: boolean }> {
    const token = caller === 'no session' ? null : ctx.sessions[caller].sessionToken;
    const res = await fetch(`${running.url}/api/boards/${ctx.board.boardId}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const ack = (await res.json()) as { ok: boolean };
    if (res.ok && ack.ok) return { ok: true };
    if ((res.status === 401 || res.status === 403) && !ack.ok) return { ok: false };
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(ack)}`);
  }

  const asOutcome = (answer: { ok: boolean }): Outcome => (answer.ok ? 'allowed' : 'refused');

  it('covers every action in the table', () => {
    expect([...matrix.keys()].sort()).toEqual(Object.keys(actions).sort());
  });

  for (const [action, byCaller] of matrix) {
    for (const [caller, allowed] of byCaller) {
      it(`${caller}: ${action} → ${allowed ? 'allowed' : 'refused'}`, async () => {
        const ctx = await scene();
        const outcome = await actions[action]!(caller as Caller, ctx);
        expect(outcome).toBe(allowed ? 'allowed' : 'refused');
        if (!allowed) {
          // A refusal changes nothing: the author's idea is still there, as written.
          const stored = readIdeas(await storedDoc(env.store, ctx.board.boardId));
          expect(stored.find((i: Idea) => i.id === ctx.idea.id)).toMatchObject({ text: 'Forfatterens idé', phase: null });
        }
      });
    }
  }
});
