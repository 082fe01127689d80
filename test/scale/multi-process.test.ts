import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ideasMap, readIdeas, type CreateBoardResponse, type MyVotes } from '../../shared';
import { TestClient, createBoard, eventually, join, socketClient } from '../support/harness';
import { call, setStep, type TestSocket } from '../support/workshop';
import { killHard, startChildServer } from '../support/child-server';

const redisUrl = inject('redisUrl');

/**
 * Two server processes behind one Redis, as `docker compose --profile scale` runs them:
 * Yjs updates, presence and socket.io events cross between them, board rules hold across
 * them, and when one process dies its clients carry on at the other with nothing lost.
 */
describe.skipIf(!redisUrl)('two server processes on one Redis', () => {
  const env = { REDIS_URL: `${redisUrl}/8` };
  let a: Awaited<ReturnType<typeof startChildServer>>;
  let b: Awaited<ReturnType<typeof startChildServer>>;
  let board: CreateBoardResponse;
  const clients: TestClient[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
    board = await createBoard(a.url, 'kickoff');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.close();
    await Promise.all([killHard(a.child), killHard(b.child)]);
  });

  async function yjs(server: { url: string }, name: string | null, role: 'participant' | 'observer' | 'facilitator' = 'participant') {
    const client = new TestClient(server.url.replace('http', 'ws'), board.boardId, await join(server.url, board.boardId, board.tokens[role], name));
    clients.push(client);
    await client.synced();
    return client;
  }

  async function socket(server: { url: string }, sessionToken: string): Promise<TestSocket> {
    const s = socketClient(server.url, sessionToken);
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  it('converges clients on different processes, with presence across them', async () => {
    const onA = await yjs(a, 'Ane');
    const onB = await yjs(b, 'Bo');
    // y-protocols ignores a state at clock 0; the web client sets a field at start too.
    onB.provider.awareness.setLocalStateField('editing', null);
    const fromA = Array.from({ length: 20 }, (_, i) => onA.addIdea({ text: `fra A ${i}` }));
    const fromB = Array.from({ length: 20 }, (_, i) => onB.addIdea({ text: `fra B ${i}` }));
    await eventually(() => ideasMap(onA.doc).size >= 40 && ideasMap(onB.doc).size >= 40, 15_000, 'convergence');
    const ids = (c: TestClient) => readIdeas(c.doc).map((i) => i.id).sort();
    expect(ids(onA)).toEqual(ids(onB));
    for (const idea of [...fromA, ...fromB]) expect(ids(onB)).toContain(idea.id);
    // Both see each other in presence.
    await eventually(
      () => [...onA.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Bo'),
      15_000,
      'presence across processes',
    );
  });

  it('holds a vote budget when one participant votes through both processes at once', async () => {
    const lead = await join(a.url, board.boardId, board.tokens.facilitator, 'Lead');
    const leadSocket = await socket(a, lead.sessionToken);
    const writer = await yjs(b, 'Idémager');
    const targets = Array.from({ length: 6 }, (_, i) => writer.addIdea({ text: `stem på mig ${i}`, questionId: 'kickoff-q1' }));
    await eventually(() => writer.allSaved, 10_000, 'ideas saved');
    await setStep(leadSocket, 'kickoff-q1', 'vote');
    const voter = await join(a.url, board.boardId, board.tokens.participant, 'Vælger');
    const [viaA, viaB] = await Promise.all([socket(a, voter.sessionToken), socket(b, voter.sessionToken)]);
    // The default budget is a handful of votes: cast far more, alternating processes, all at once.
    const casts = await Promise.all(
      targets.flatMap((idea, i) => [call<MyVotes>(i % 2 ? viaA : viaB, 'vote:cast', { ideaId: idea.id }), call<MyVotes>(i % 2 ? viaB : viaA, 'vote:cast', { ideaId: idea.id })]),
    );
    const accepted = casts.filter((c) => c.ok).length;
    const mine = await call<MyVotes>(viaB, 'votes:mine', { questionId: 'kickoff-q1' });
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    const used = Object.values(mine.data.votes).reduce((sum, n) => sum + n, 0);
    expect(used).toBe(accepted);
    expect(mine.data.remaining).toBe(0);
    expect(casts.filter((c) => !c.ok).every((c) => !c.ok && ['NO_VOTES_LEFT', 'IDEA_VOTE_LIMIT'].includes(c.error.code))).toBe(true);
  });

  it('delivers socket.io events across processes', async () => {
    const lead = await join(b.url, board.boardId, board.tokens.facilitator, 'Lead B');
    const leadSocket = await socket(b, lead.sessionToken);
    const ack = await call(leadSocket, 'workshop:setSilent', { silent: true });
    expect(ack.ok).toBe(true);
    const author = await join(a.url, board.boardId, board.tokens.participant, 'Stille');
    const authorSocket = await socket(a, author.sessionToken);
    const heard = new Promise<string>((resolve) => leadSocket.once('ideas:hiddenAdded', ({ idea }) => resolve(idea.text)));
    const now = Date.now();
    const submitted = await call(authorSocket, 'idea:submitHidden', {
      idea: {
        id: 'hidden-across-1',
        text: 'skjult på tværs',
        authorId: author.identity.participantId,
        authorName: 'Stille',
        contributorType: null,
        organisation: null,
        createdAt: now,
        updatedAt: now,
        phase: null,
        principle: null,
        track: null,
        beacons: [],
        questionId: 'kickoff-q2',
        position: 'a0',
      },
    });
    expect(submitted.ok).toBe(true);
    expect(await heard).toBe('skjult på tværs');
    await call(leadSocket, 'workshop:setSilent', { silent: false });
  });

  it('lets clients of a killed process carry on at the other with nothing lost', async () => {
    const onA = await yjs(a, 'Flytter');
    const watcher = await yjs(b, null, 'observer');
    // Question 2 is still in its write step (question 1 went on to voting above).
    const confirmed = Array.from({ length: 30 }, (_, i) => onA.addIdea({ text: `bekræftet ${i}`, questionId: 'kickoff-q2' }));
    await eventually(() => onA.allSaved, 10_000, 'confirmed on A');
    await killHard(a.child);
    // Written while the device has no server; then it connects to B with the same document.
    const offline = Array.from({ length: 10 }, (_, i) => onA.addIdea({ text: `efter nedbrud ${i}`, questionId: 'kickoff-q2' }));
    const doc = onA.detach();
    const moved = new TestClient(b.url.replace('http', 'ws'), board.boardId, onA.session, true, doc);
    clients.push(moved);
    await moved.synced();
    await eventually(() => moved.allSaved, 15_000, 'saved on B');
    await eventually(() => [...confirmed, ...offline].every((i) => ideasMap(watcher.doc).has(i.id)), 15_000, 'watcher on B sees all');
  });
});
