import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CreateBoardResponse, type MyPollAnswer, type Poll, type PollCount, type PollDrafts, type PollResultsUpdate } from '../../shared';
import { createBoard, eventually, join, socketClient } from '../support/harness';
import { call, ok, type TestSocket } from '../support/workshop';
import { killHard, startChildServer } from '../support/child-server';

const redisUrl = inject('redisUrl');

/**
 * Two server processes on one Redis: one person answering the same poll through both at
 * once still has one answer (the store's record keyed by the participant), the count that
 * reaches the room through either process agrees, and drafts (in the store) are the same
 * list for facilitators on either process.
 */
describe.skipIf(!redisUrl)('polls across two server processes on one Redis', () => {
  const env = { REDIS_URL: `${redisUrl}/9` };
  let a: Awaited<ReturnType<typeof startChildServer>>;
  let b: Awaited<ReturnType<typeof startChildServer>>;
  let board: CreateBoardResponse;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
    board = await createBoard(a.url, 'kickoff');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all([killHard(a.child), killHard(b.child)]);
  });

  async function socket(server: { url: string }, sessionToken: string): Promise<TestSocket> {
    const s = socketClient(server.url, sessionToken);
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  it('counts one answer per session when it answers through both processes at once', async () => {
    const lead = await socket(a, (await join(a.url, board.boardId, board.tokens.facilitator, 'Lead')).sessionToken);
    const created = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'scale', question: 'Hvor godt kender du visionen?', scaleMax: 5 } }));
    await ok(call<Poll>(lead, 'poll:open', { pollId: created.id }));
    const counts: PollCount[] = [];
    const projector = await socket(b, (await join(b.url, board.boardId, board.tokens.observer)).sessionToken);
    projector.on('poll:count', (count) => counts.push(count));

    const ane = await join(a.url, board.boardId, board.tokens.participant, 'Ane');
    const [onA, onB] = [await socket(a, ane.sessionToken), await socket(b, ane.sessionToken)];
    const bo = await join(b.url, board.boardId, board.tokens.participant, 'Bo');
    const boOnB = await socket(b, bo.sessionToken);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => call<MyPollAnswer>(i % 2 ? onA : onB, 'poll:answer', { pollId: created.id, answer: { type: 'scale', value: (i % 5) + 1 } })),
      call<MyPollAnswer>(boOnB, 'poll:answer', { pollId: created.id, answer: { type: 'scale', value: 5 } }),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    for (const server of [lead, onB]) expect((await ok(call<PollCount>(server, 'poll:count', { pollId: created.id }))).answers).toBe(2);
    const { results } = await ok(call<PollResultsUpdate>(lead, 'poll:results', { pollId: created.id }));
    expect(results.kind === 'scale' && results.distribution.reduce((x, y) => x + y, 0)).toBe(2);
    // Ane's one answer is whichever write came last; both processes read the same one.
    const mineA = await ok(call<MyPollAnswer>(onA, 'poll:mine', { pollId: created.id }));
    const mineB = await ok(call<MyPollAnswer>(onB, 'poll:mine', { pollId: created.id }));
    expect(mineA).toEqual(mineB);
    await eventually(() => counts.some((c) => c.pollId === created.id && c.answers === 2), 10_000, 'the projector on the other process hears the count');
  });

  it('a draft made through one process reaches the facilitators on the other, and opening it there publishes it once', async () => {
    const lead = await socket(a, (await join(a.url, board.boardId, board.tokens.facilitator, 'Lead')).sessionToken);
    const coLead = await socket(b, (await join(b.url, board.boardId, board.tokens.facilitator, 'Co')).sessionToken);
    const heard: PollDrafts[] = [];
    coLead.on('poll:drafts', (drafts) => heard.push(drafts));
    const created = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'text', question: 'Hvad skal vi fejre i 2035?' } }));
    await eventually(() => heard.some((d) => d.polls.some((p) => p.id === created.id)), 10_000, 'the facilitator on the other process hears the draft');
    expect((await ok(call<PollDrafts>(coLead, 'poll:drafts'))).polls.map((p) => p.id)).toContain(created.id);
    await ok(call<Poll>(coLead, 'poll:open', { pollId: created.id }));
    await eventually(async () => !(await ok(call<PollDrafts>(lead, 'poll:drafts'))).polls.some((p) => p.id === created.id), 10_000, 'the draft leaves the list on the first process');
    expect((await ok(call<Poll>(lead, 'poll:close', { pollId: created.id }))).state).toBe('closed');
  });
});
