import { expect } from 'vitest';
import { ErrorCode, ideasMap, readVoteTotals, votesMap, type MyVotes, type WorkshopState } from '../../shared';
import { eventually, storedDoc } from '../support/harness';
import { call, describeOnStores, ok, refusal, setStep, type TestSocket } from '../support/workshop';

describeOnStores('dot voting on the %s store', (env, test) => {
  /** A kick-off board with `count` ideas on question 1, which is in the vote step. */
  async function votingBoard(count: number, voting = { votesPerPerson: 3, maxPerIdea: 2 }) {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const leadSocket = await env.socket(lead);
    const leadDoc = await env.yjs(lead);
    const ideas = Array.from({ length: count }, (_, i) => leadDoc.addIdea({ text: `Idé ${i}`, questionId: 'kickoff-q1' }));
    await eventually(() => leadDoc.allSaved, 10_000, 'ideas saved');
    await ok(call<WorkshopState>(leadSocket, 'voting:configure', voting));
    await setStep(leadSocket, 'kickoff-q1', 'vote');
    return { board, lead, leadSocket, leadDoc, ideas: ideas.map((i) => i.id) };
  }

  const cast = (socket: TestSocket, ideaId: string) => call<MyVotes>(socket, 'vote:cast', { ideaId });

  test('refuses the (budget+1)th vote and a vote past the maximum per idea', async () => {
    const { board, ideas } = await votingBoard(3);
    const ane = await env.socket(await env.session(board, 'participant', 'Ane'));
    expect(await ok(cast(ane, ideas[0]!))).toEqual({ questionId: 'kickoff-q1', votes: { [ideas[0]!]: 1 }, remaining: 2 });
    await ok(cast(ane, ideas[0]!));
    expect(await refusal(cast(ane, ideas[0]!))).toBe(ErrorCode.IDEA_VOTE_LIMIT);
    expect(await ok(cast(ane, ideas[1]!))).toMatchObject({ remaining: 0 });
    expect(await refusal(cast(ane, ideas[2]!))).toBe(ErrorCode.NO_VOTES_LEFT);
    // Taking one back frees it for another idea.
    expect(await ok(call<MyVotes>(ane, 'vote:retract', { ideaId: ideas[0]! }))).toMatchObject({ remaining: 1 });
    expect(await ok(cast(ane, ideas[2]!))).toEqual({ questionId: 'kickoff-q1', votes: { [ideas[0]!]: 1, [ideas[1]!]: 1, [ideas[2]!]: 1 }, remaining: 0 });
  });

  test('holds the budget when two tabs of one participant cast at once, and across a reconnect', async () => {
    const { board, ideas } = await votingBoard(4, { votesPerPerson: 5, maxPerIdea: 5 });
    const session = await env.session(board, 'participant', 'Ane');
    const [tab1, tab2] = [await env.socket(session), await env.socket(session)];
    const pushed: MyVotes[] = [];
    tab2.on('votes:mine', (mine) => pushed.push(mine));
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => [cast(tab1!, ideas[i % 4]!), cast(tab2!, ideas[(i + 1) % 4]!)]).flat(),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(11).fill(ErrorCode.NO_VOTES_LEFT));
    await eventually(() => pushed.length >= 2, 10_000, 'the other tab hears about the votes');
    const again = await env.socket(session); // a reconnect: a new socket, the same session
    const mine = await ok(call<MyVotes>(again, 'votes:mine', {}));
    expect(mine.remaining).toBe(0);
    expect(Object.values(mine.votes).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await refusal(cast(again, ideas[0]!))).toBe(ErrorCode.NO_VOTES_LEFT);
  });

  test('counts 200 participants casting all their votes at once exactly', async () => {
    const { board, leadSocket, leadDoc, ideas } = await votingBoard(10, { votesPerPerson: 3, maxPerIdea: 3 });
    const sessions = await Promise.all(Array.from({ length: 200 }, (_, i) => env.session(board, 'participant', `P${i}`)));
    const sockets = await Promise.all(sessions.map((s) => env.socket(s)));
    const expected: Record<string, number> = {};
    const casts = sockets.flatMap((socket, p) =>
      [0, 1, 2].map((k) => {
        const ideaId = ideas[(p * 3 + k) % ideas.length]!;
        expected[ideaId] = (expected[ideaId] ?? 0) + 1;
        return ok(cast(socket, ideaId));
      }),
    );
    await Promise.all(casts);
    // One more each is refused: nobody exceeds the budget.
    const extra = await Promise.all(sockets.slice(0, 20).map((s) => refusal(cast(s, ideas[0]!))));
    expect(new Set(extra)).toEqual(new Set([ErrorCode.NO_VOTES_LEFT]));
    await ok(call(leadSocket, 'voting:reveal', { revealed: true }));
    await eventually(() => Object.values(readVoteTotals(leadDoc.doc)).reduce((a, b) => a + b, 0) === 600, 15_000, 'totals');
    expect(readVoteTotals(leadDoc.doc)).toEqual(expected);
    expect(readVoteTotals(await storedDoc(env.store, board.boardId))).toEqual(expected);
    for (const socket of sockets) socket.close();
  });

  test('keeps totals out of the document until revealed, live while revealed, gone when hidden', async () => {
    const { board, leadSocket, ideas } = await votingBoard(2);
    const screen = await env.yjs(await env.session(board, 'observer'));
    const ane = await env.socket(await env.session(board, 'participant', 'Ane'));
    const bo = await env.socket(await env.session(board, 'participant', 'Bo'));
    await ok(cast(ane, ideas[0]!));
    await ok(cast(bo, ideas[0]!));
    await ok(cast(bo, ideas[1]!));
    // Something public changes after the votes, so the observer has caught up with them.
    await setStep(leadSocket, 'kickoff-q2', 'group');
    await eventually(() => (screen.doc.getMap('workshop').get('steps') as Record<string, string>)['kickoff-q2'] === 'group', 10_000, 'caught up');
    expect(votesMap(screen.doc).size).toBe(0);
    expect(votesMap(await storedDoc(env.store, board.boardId)).size).toBe(0);

    await ok(call(leadSocket, 'voting:reveal', { revealed: true }));
    await eventually(() => readVoteTotals(screen.doc)[ideas[0]!] === 2, 10_000, 'revealed');
    expect(readVoteTotals(screen.doc)).toEqual({ [ideas[0]!]: 2, [ideas[1]!]: 1 });
    await ok(cast(ane, ideas[1]!));
    await eventually(() => readVoteTotals(screen.doc)[ideas[1]!] === 2, 10_000, 'live update');
    await ok(call(ane, 'vote:retract', { ideaId: ideas[0]! }));
    await eventually(() => readVoteTotals(screen.doc)[ideas[0]!] === 1, 10_000, 'retraction');

    await ok(call(leadSocket, 'voting:reveal', { revealed: false }));
    await eventually(() => votesMap(screen.doc).size === 0, 10_000, 'hidden again');
    expect(votesMap(await storedDoc(env.store, board.boardId)).size).toBe(0);
  });

  test('allows voting only in the vote step, to writers, while unlocked, on ideas that exist', async () => {
    const { board, leadSocket, leadDoc, ideas } = await votingBoard(2);
    const ane = await env.socket(await env.session(board, 'participant', 'Ane'));
    const screen = await env.socket(await env.session(board, 'observer'));
    const other = leadDoc.addIdea({ text: 'on question 2', questionId: 'kickoff-q2' });
    await eventually(() => leadDoc.allSaved, 10_000, 'saved');
    expect(await refusal(cast(ane, other.id))).toBe(ErrorCode.STEP_FORBIDS);
    expect(await refusal(cast(ane, 'no-such-idea'))).toBe(ErrorCode.IDEA_NOT_FOUND);
    expect(await refusal(cast(screen, ideas[0]!))).toBe(ErrorCode.READ_ONLY);
    expect(await refusal(call(ane, 'vote:cast', { ideaId: 42 }))).toBe(ErrorCode.VALIDATION_FAILED);
    await ok(call(leadSocket, 'workshop:setLocked', { locked: true }));
    expect(await refusal(cast(ane, ideas[0]!))).toBe(ErrorCode.BOARD_LOCKED);
    await ok(call(leadSocket, 'workshop:setLocked', { locked: false }));
    await ok(cast(ane, ideas[0]!));
    // Facilitators vote too, by the same rules.
    expect(await ok(cast(leadSocket, ideas[0]!))).toMatchObject({ remaining: 2 });
    await setStep(leadSocket, 'kickoff-q1', 'results');
    expect(await refusal(cast(ane, ideas[1]!))).toBe(ErrorCode.STEP_FORBIDS);
    expect(await refusal(call(ane, 'vote:retract', { ideaId: ideas[0]! }))).toBe(ErrorCode.STEP_FORBIDS);
    expect(await refusal(call(ane, 'voting:configure', { votesPerPerson: 9, maxPerIdea: 9 }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(leadSocket, 'voting:configure', { votesPerPerson: 0, maxPerIdea: 9 }))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  test('budgets each question separately, and gives back votes of deleted ideas', async () => {
    const { board, leadSocket, leadDoc, ideas } = await votingBoard(1, { votesPerPerson: 1, maxPerIdea: 1 });
    const second = leadDoc.addIdea({ text: 'question 2', questionId: 'kickoff-q2' });
    await eventually(() => leadDoc.allSaved, 10_000, 'saved');
    await setStep(leadSocket, 'kickoff-q2', 'vote');
    const ane = await env.socket(await env.session(board, 'participant', 'Ane'));
    await ok(cast(ane, ideas[0]!));
    expect(await ok(cast(ane, second.id))).toEqual({ questionId: 'kickoff-q2', votes: { [second.id]: 1 }, remaining: 0 });
    expect(await ok(call<MyVotes>(ane, 'votes:mine', { questionId: 'kickoff-q1' }))).toMatchObject({ remaining: 0 });
    const refreshed = new Promise<void>((resolve) => ane.once('votes:refresh', () => resolve()));
    ideasMap(leadDoc.doc).delete(ideas[0]!);
    await refreshed;
    expect(await ok(call<MyVotes>(ane, 'votes:mine', { questionId: 'kickoff-q1' }))).toEqual({ questionId: 'kickoff-q1', votes: {}, remaining: 1 });
    // A reset of one question leaves the other's votes alone.
    await ok(call(leadSocket, 'voting:reset', { questionId: 'kickoff-q2' }));
    expect(await ok(call<MyVotes>(ane, 'votes:mine', { questionId: 'kickoff-q2' }))).toMatchObject({ remaining: 1, votes: {} });
  });
});
