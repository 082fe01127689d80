import { expect } from 'vitest';
import { ErrorCode, readPolls, type CreateBoardResponse, type MyPollAnswer, type Poll, type PollResultsUpdate } from '../../shared';
import { storedDoc } from '../support/harness';
import { call, describeOnStores, ok } from '../support/workshop';
import { fetchExport, restore } from './export-helpers';

interface Backup {
  store: { pollAnswers: Array<{ pollId: string; participantId: string; answer: unknown }> };
}

describeOnStores('polls in the JSON backup on the %s store', (env, test) => {
  test('backup → restore brings back the polls and every answer; the restored board exports the same answers', async () => {
    const board = await env.board('kickoff');
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    const lead = await env.socket(leadSession);
    const poll = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'wordcloud', question: 'Ét ord', maxWords: 2 } }));
    await ok(call(lead, 'poll:open', { pollId: poll.id }));
    const people = await Promise.all(['Ane', 'Bo', 'Cai'].map(async (name) => env.socket(await env.session(board, 'participant', name))));
    await Promise.all(people.map((s, i) => ok(call<MyPollAnswer>(s, 'poll:answer', { pollId: poll.id, answer: { type: 'wordcloud', words: i === 2 ? ['Havn'] : ['havn', 'skov'] } }))));
    await ok(call(lead, 'poll:open', { pollId: 'kickoff-poll-2' }));
    await ok(call(people[0]!, 'poll:answer', { pollId: 'kickoff-poll-2', answer: { type: 'scale', value: 3 } }));

    const first = await fetchExport(env.url, board.boardId, 'json', leadSession.sessionToken);
    expect(first.status).toBe(200);
    const backup = JSON.parse(first.text()) as Backup;
    expect(backup.store.pollAnswers).toHaveLength(4);
    const restored = await restore(env.url, first.body);
    expect(restored.status).toBe(201);
    if (!restored.body.ok) throw new Error(restored.body.error.message);
    const copy: CreateBoardResponse = restored.body.data;
    const copyDoc = await storedDoc(env.store, copy.boardId);
    expect(readPolls(copyDoc).map((p) => p.id)).toEqual(readPolls(await storedDoc(env.store, board.boardId)).map((p) => p.id));
    const copyLead = await env.socket(await env.session(copy, 'facilitator', 'Lead'));
    const { results } = await ok(call<PollResultsUpdate>(copyLead, 'poll:results', { pollId: poll.id }));
    expect(results).toEqual({ kind: 'words', answers: 3, words: [{ word: 'havn', count: 3 }, { word: 'skov', count: 2 }] });
    const again = JSON.parse((await fetchExport(env.url, copy.boardId, 'json', (await env.session(copy, 'facilitator')).sessionToken)).text()) as Backup;
    expect(again.store.pollAnswers).toEqual(backup.store.pollAnswers);
  });

  test('a backup whose answers name no poll of its document, or twice one person, is refused and nothing is made', async () => {
    const board = await env.board('kickoff');
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    const lead = await env.socket(leadSession);
    await ok(call(lead, 'poll:open', { pollId: 'kickoff-poll-2' }));
    await ok(call(lead, 'poll:answer', { pollId: 'kickoff-poll-2', answer: { type: 'scale', value: 3 } }));
    const backup = JSON.parse((await fetchExport(env.url, board.boardId, 'json', leadSession.sessionToken)).text()) as Backup;
    const orphan = structuredClone(backup);
    orphan.store.pollAnswers[0]!.pollId = 'nosuchpoll';
    const twice = structuredClone(backup);
    twice.store.pollAnswers.push({ ...twice.store.pollAnswers[0]! });
    for (const bad of [orphan, twice]) {
      const res = await restore(env.url, JSON.stringify(bad));
      expect(res.status).toBe(400);
      expect(!res.body.ok && res.body.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});
