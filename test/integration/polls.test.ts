import { expect } from 'vitest';
import {
  ErrorCode,
  ideasMap,
  pollsMap,
  readIdeas,
  readPoll,
  readPolls,
  type MyPollAnswer,
  type Poll,
  type PollCount,
  type PollDraft,
  type PollDrafts,
  type PollResultsUpdate,
  type PollTextAnswer,
  type PollToIdeasResult,
} from '../../shared';
import { pollAnswerSpace } from '../../server/polls/answer-book';
import { eventually, storedDoc, type TestClient } from '../support/harness';
import { call, describeOnStores, docContains, ok, refusal, type TestSocket } from '../support/workshop';

const DRAFTS = {
  single: { type: 'single', question: 'Hvilket fyrtårn betyder mest?', options: [{ label: 'Natur' }, { label: 'Fællesskab' }, { label: 'Uddannelse' }] },
  multiple: { type: 'multiple', question: 'Hvad kan jeres råd bidrage med?', options: [{ label: 'Tid' }, { label: 'Viden' }, { label: 'Netværk' }, { label: 'Lokaler' }], maxChoices: 2 },
  scale: { type: 'scale', question: 'Hvor godt kender du visionen?', scaleMax: 5, minLabel: 'Slet ikke', maxLabel: 'Rigtig godt' },
  wordcloud: { type: 'wordcloud', question: 'Ét ord for Ishøj i 2035', maxWords: 3 },
  ranking: { type: 'ranking', question: 'Sæt i rækkefølge', options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }] },
  text: { type: 'text', question: 'Hvad bør vi spørge borgerne om?' },
} satisfies Record<string, PollDraft>;

describeOnStores('polls on the %s store', (env, test) => {
  async function room() {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    const ane = await env.session(board, 'participant', 'Ane');
    const projector = await env.session(board, 'observer');
    return { board, lead, ane, aneSocket: await env.socket(ane), projector, projectorSocket: await env.socket(projector) };
  }

  async function openPoll(lead: TestSocket, draft: PollDraft): Promise<Poll> {
    const poll = await ok(call<Poll>(lead, 'poll:create', { poll: draft }));
    return ok(call<Poll>(lead, 'poll:open', { pollId: poll.id }));
  }

  const answer = (socket: TestSocket, pollId: string, value: unknown) => call<MyPollAnswer>(socket, 'poll:answer', { pollId, answer: value });
  const count = async (socket: TestSocket, pollId: string) => (await ok(call<PollCount>(socket, 'poll:count', { pollId }))).answers;
  const results = (socket: TestSocket, pollId: string) => ok(call<PollResultsUpdate>(socket, 'poll:results', { pollId }));

  test('only facilitators create and run polls; an opened poll reaches everyone in the polls root', async () => {
    const { lead, ane, aneSocket, projectorSocket } = await room();
    expect(await refusal(call(aneSocket, 'poll:create', { poll: DRAFTS.single }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(projectorSocket, 'poll:create', { poll: DRAFTS.single }))).toBe(ErrorCode.FORBIDDEN);
    const poll = await ok(call<Poll>(lead, 'poll:create', { poll: DRAFTS.single }));
    expect(poll).toMatchObject({ state: 'draft', live: false, revealed: false, resultMode: 'hidden', results: null, type: 'single' });
    const doc = await env.yjs(ane);
    expect(await refusal(call(aneSocket, 'poll:open', { pollId: poll.id }))).toBe(ErrorCode.FORBIDDEN);
    // A draft takes no answers, and cannot go live.
    expect(await refusal(answer(aneSocket, poll.id, { type: 'single', optionId: poll.type === 'single' ? poll.options[0]!.id : '' }))).toBe(ErrorCode.POLL_NOT_OPEN);
    expect(await refusal(call(lead, 'poll:setLive', { pollId: poll.id }))).toBe(ErrorCode.POLL_NOT_OPEN);
    // Opened, it is in everyone's copy (a draft is in none: poll-drafts.test.ts).
    await ok(call(lead, 'poll:open', { pollId: poll.id }));
    await eventually(() => readPoll(doc.doc, poll.id)?.state === 'open', 10_000, 'poll in the participant copy');
    // A client cannot write the root itself: refused with FORBIDDEN, the stored poll unchanged.
    doc.doc.transact(() => pollsMap(doc.doc).set(poll.id, { ...poll, question: 'hacked' }));
    await eventually(() => doc.errors.length > 0, 10_000, 'write refused');
    expect(doc.errors[0]?.code).toBe(ErrorCode.FORBIDDEN);
    expect(readPoll(await storedDoc(env.store, doc.identity.boardId), poll.id)?.question).toBe(DRAFTS.single.question);
  });

  test('a kick-off board starts with the memo\u2019s two polls as drafts', async () => {
    const { board, lead } = await room();
    const { polls } = await ok(call<PollDrafts>(lead, 'poll:drafts'));
    expect(polls.map((p) => [p.id, p.type, p.state, p.question])).toEqual([
      ['kickoff-poll-1', 'multiple', 'draft', 'Hvad kan jeres råd bidrage med?'],
      ['kickoff-poll-2', 'scale', 'draft', 'Hvor godt kender du visionen?'],
    ]);
    expect(readPolls(await storedDoc(env.store, board.boardId))).toEqual([]);
    // They run like any other poll.
    await ok(call(lead, 'poll:open', { pollId: 'kickoff-poll-2' }));
    await ok(answer(lead, 'kickoff-poll-2', { type: 'scale', value: 5 }));
    expect(await count(lead, 'kickoff-poll-2')).toBe(1);
  });

  test('one live poll at a time', async () => {
    const { board, lead } = await room();
    const first = await openPoll(lead, DRAFTS.single);
    const second = await openPoll(lead, DRAFTS.scale);
    await ok(call(lead, 'poll:setLive', { pollId: first.id }));
    expect(await ok(call(lead, 'poll:setLive', { pollId: second.id }))).toEqual({ livePollId: second.id });
    const doc = await storedDoc(env.store, board.boardId);
    expect(readPoll(doc, first.id)?.live).toBe(false);
    expect(readPoll(doc, second.id)?.live).toBe(true);
    await ok(call(lead, 'poll:setLive', { pollId: null }));
    expect(readPolls(await storedDoc(env.store, board.boardId)).filter((p) => p.live)).toEqual([]);
  });

  test('every type takes a valid answer; a later answer replaces the earlier; none after close', async () => {
    const { lead, aneSocket } = await room();
    const polls = Object.fromEntries(await Promise.all(Object.entries(DRAFTS).map(async ([type, draft]) => [type, await openPoll(lead, draft)] as const)));
    const ids = (p: Poll) => ('options' in p ? p.options.map((o) => o.id) : []);
    const single = polls.single!;
    expect(await ok(answer(aneSocket, single.id, { type: 'single', optionId: ids(single)[0] }))).toMatchObject({ answer: { type: 'single', optionId: ids(single)[0] } });
    await ok(answer(aneSocket, single.id, { type: 'single', optionId: ids(single)[2] }));
    expect(await count(lead, single.id)).toBe(1);
    expect((await results(lead, single.id)).results).toEqual({ kind: 'choice', answers: 1, counts: { [ids(single)[0]!]: 0, [ids(single)[1]!]: 0, [ids(single)[2]!]: 1 } });
    expect((await ok(call<MyPollAnswer>(aneSocket, 'poll:mine', { pollId: single.id }))).answer).toEqual({ type: 'single', optionId: ids(single)[2] });

    const multiple = polls.multiple!;
    // Choices are kept in the poll's order.
    expect((await ok(answer(aneSocket, multiple.id, { type: 'multiple', optionIds: [ids(multiple)[3], ids(multiple)[0]] }))).answer).toEqual({
      type: 'multiple',
      optionIds: [ids(multiple)[0], ids(multiple)[3]],
    });
    await ok(answer(aneSocket, polls.scale!.id, { type: 'scale', value: 4 }));
    expect((await results(lead, polls.scale!.id)).results).toEqual({ kind: 'scale', answers: 1, distribution: [0, 0, 0, 1, 0], mean: 4 });
    const words = await ok(answer(aneSocket, polls.wordcloud!.id, { type: 'wordcloud', words: [' Fællesskab ', 'FÆLLESSKAB', 'Grøn  by'] }));
    expect(words.answer).toEqual({ type: 'wordcloud', words: ['fællesskab', 'grøn by'] });
    const ranking = polls.ranking!;
    await ok(answer(aneSocket, ranking.id, { type: 'ranking', order: [ids(ranking)[2], ids(ranking)[0], ids(ranking)[1]] }));
    expect((await results(lead, ranking.id)).results).toEqual({
      kind: 'ranking',
      answers: 1,
      order: [
        { optionId: ids(ranking)[2], averagePlace: 1 },
        { optionId: ids(ranking)[0], averagePlace: 2 },
        { optionId: ids(ranking)[1], averagePlace: 3 },
      ],
    });
    await ok(answer(aneSocket, polls.text!.id, { type: 'text', text: 'Hvordan vil I bo?' }));

    await ok(call(lead, 'poll:close', { pollId: single.id }));
    expect(await refusal(answer(aneSocket, single.id, { type: 'single', optionId: ids(single)[1] }))).toBe(ErrorCode.POLL_NOT_OPEN);
    expect((await ok(call<MyPollAnswer>(aneSocket, 'poll:mine', { pollId: single.id }))).answer).toEqual({ type: 'single', optionId: ids(single)[2] });
    // Reopened: answers are taken (and kept) again.
    await ok(call(lead, 'poll:open', { pollId: single.id }));
    await ok(answer(aneSocket, single.id, { type: 'single', optionId: ids(single)[1] }));
    expect(await count(lead, single.id)).toBe(1);
  });

  test('every bad answer gets its named error and nothing is stored', async () => {
    const { lead, aneSocket, projectorSocket } = await room();
    const single = await openPoll(lead, DRAFTS.single);
    const multiple = await openPoll(lead, DRAFTS.multiple);
    const scale = await openPoll(lead, DRAFTS.scale);
    const cloud = await openPoll(lead, DRAFTS.wordcloud);
    const ranking = await openPoll(lead, DRAFTS.ranking);
    const closed = await openPoll(lead, DRAFTS.text);
    await ok(call(lead, 'poll:close', { pollId: closed.id }));
    const opt = (p: Poll, i: number) => ('options' in p ? p.options[i]!.id : '');
    const cases: Array<[TestSocket, string, unknown, string]> = [
      [aneSocket, 'nosuchpoll1', { type: 'single', optionId: 'x' }, ErrorCode.POLL_NOT_FOUND],
      [aneSocket, closed.id, { type: 'text', text: 'for sent' }, ErrorCode.POLL_NOT_OPEN],
      [aneSocket, single.id, { type: 'scale', value: 3 }, ErrorCode.POLL_WRONG_TYPE],
      [aneSocket, single.id, { type: 'single', optionId: 'nope' }, ErrorCode.POLL_OPTION_INVALID],
      [aneSocket, scale.id, { type: 'scale', value: 6 }, ErrorCode.POLL_OPTION_INVALID],
      [aneSocket, scale.id, { type: 'scale', value: 0 }, ErrorCode.POLL_OPTION_INVALID],
      [aneSocket, multiple.id, { type: 'multiple', optionIds: [opt(multiple, 0), opt(multiple, 1), opt(multiple, 2)] }, ErrorCode.POLL_TOO_MANY_CHOICES],
      [aneSocket, multiple.id, { type: 'multiple', optionIds: [opt(multiple, 0), opt(multiple, 0)] }, ErrorCode.POLL_DUPLICATE_ENTRY],
      [aneSocket, cloud.id, { type: 'wordcloud', words: ['a'.repeat(26)] }, ErrorCode.POLL_WORD_TOO_LONG],
      [aneSocket, cloud.id, { type: 'wordcloud', words: ['  '] }, ErrorCode.POLL_WORD_TOO_LONG],
      [aneSocket, cloud.id, { type: 'wordcloud', words: ['en', 'to', 'tre', 'fire'] }, ErrorCode.POLL_TOO_MANY_CHOICES],
      [aneSocket, ranking.id, { type: 'ranking', order: [opt(ranking, 0), opt(ranking, 0), opt(ranking, 1)] }, ErrorCode.POLL_DUPLICATE_ENTRY],
      [aneSocket, ranking.id, { type: 'ranking', order: [opt(ranking, 0), opt(ranking, 1)] }, ErrorCode.POLL_RANKING_INCOMPLETE],
      [aneSocket, ranking.id, { type: 'ranking', order: [opt(ranking, 0), opt(ranking, 1), 'zz'] }, ErrorCode.POLL_OPTION_INVALID],
      [aneSocket, single.id, { type: 'single' }, ErrorCode.VALIDATION_FAILED],
      [aneSocket, single.id, { type: 'single', optionId: opt(single, 0), extra: 1 }, ErrorCode.VALIDATION_FAILED],
      [projectorSocket, single.id, { type: 'single', optionId: opt(single, 0) }, ErrorCode.READ_ONLY],
    ];
    for (const [socket, pollId, value, code] of cases) {
      expect(await refusal(answer(socket, pollId, value)), JSON.stringify(value)).toBe(code);
    }
    for (const poll of [single, multiple, scale, cloud, ranking, closed]) expect(await count(lead, poll.id)).toBe(0);
    expect(await refusal(call(projectorSocket, 'poll:mine', { pollId: single.id }))).toBe(ErrorCode.READ_ONLY);
    // A valid answer after all that is the only one stored.
    await ok(answer(aneSocket, single.id, { type: 'single', optionId: opt(single, 1) }));
    expect(await count(lead, single.id)).toBe(1);
  });

  test('answers racing a close: every answer acknowledged is counted, every refused one is not', async () => {
    const { board, lead } = await room();
    const poll = await openPoll(lead, DRAFTS.scale);
    const sockets = await Promise.all(Array.from({ length: 30 }, async (_, i) => env.socket(await env.session(board, 'participant', `P${i}`))));
    const answers = sockets.map((s, i) => answer(s, poll.id, { type: 'scale', value: (i % 5) + 1 }));
    const closed = call(lead, 'poll:close', { pollId: poll.id });
    const acks = await Promise.all(answers);
    await ok(closed);
    const accepted = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === ErrorCode.POLL_NOT_OPEN)).toBe(true);
    expect(await count(lead, poll.id)).toBe(accepted);
    expect((await results(lead, poll.id)).results.answers).toBe(accepted);
  });

  test('200 phones answering one poll at once are all counted, and the room hears the final count', async () => {
    const { board, lead, projectorSocket } = await room();
    const poll = await openPoll(lead, DRAFTS.single);
    const options = poll.type === 'single' ? poll.options.map((o) => o.id) : [];
    const heard: PollCount[] = [];
    projectorSocket.on('poll:count', (c) => heard.push(c));
    const sessions = await Promise.all(Array.from({ length: 200 }, (_, i) => env.session(board, 'participant', `P${i}`)));
    const sockets = await Promise.all(sessions.map((s) => env.socket(s)));
    const acks = await Promise.all(sockets.map((s, i) => answer(s, poll.id, { type: 'single', optionId: options[i % 3] })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(await count(lead, poll.id)).toBe(200);
    const { results: totals } = await results(lead, poll.id);
    expect(totals).toEqual({ kind: 'choice', answers: 200, counts: { [options[0]!]: 67, [options[1]!]: 67, [options[2]!]: 66 } });
    await eventually(() => heard.at(-1)?.answers === 200, 20_000, 'the projector hears 200');
  });

  test('two tabs of one session answering at once count once', async () => {
    const { board, lead } = await room();
    const poll = await openPoll(lead, DRAFTS.single);
    const session = await env.session(board, 'participant', 'Bo');
    const [tab1, tab2] = [await env.socket(session), await env.socket(session)];
    const options = poll.type === 'single' ? poll.options.map((o) => o.id) : [];
    const pushed: MyPollAnswer[] = [];
    tab2.on('poll:mine', (mine) => pushed.push(mine));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => answer(i % 2 ? tab1 : tab2, poll.id, { type: 'single', optionId: options[i % 3] })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await count(lead, poll.id)).toBe(1);
    const { results: totals } = await results(lead, poll.id);
    expect(totals.kind === 'choice' && Object.values(totals.counts).reduce((a, b) => a + b, 0)).toBe(1);
    await eventually(() => pushed.length > 0, 10_000, 'the other tab hears of the answer');
  });

  test('results stay out of participants\u2019 and observers\u2019 copies and events until reveal; answers never', async () => {
    const { lead, ane, aneSocket, projector, projectorSocket, board } = await room();
    const text = await openPoll(lead, DRAFTS.text);
    const cloud = await openPoll(lead, DRAFTS.wordcloud);
    const single = await openPoll(lead, DRAFTS.single);
    const [aneDoc, projectorDoc] = [await env.yjs(ane), await env.yjs(projector)];
    const seen: Array<{ event: string; payload: unknown }> = [];
    for (const socket of [aneSocket, projectorSocket]) socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
    const leadResults: PollResultsUpdate[] = [];
    lead.on('poll:results', (update) => leadResults.push(update));

    const bo = await env.socket(await env.session(board, 'participant', 'Bo'));
    const secret = 'Hemmeligt svar fra Bo';
    await ok(answer(bo, text.id, { type: 'text', text: secret }));
    await ok(answer(bo, cloud.id, { type: 'wordcloud', words: ['havnebad'] }));
    const opt0 = single.type === 'single' ? single.options[0]!.id : '';
    await ok(answer(bo, single.id, { type: 'single', optionId: opt0 }));
    await ok(answer(aneSocket, single.id, { type: 'single', optionId: opt0 }));
    await eventually(() => leadResults.some((u) => u.pollId === single.id && u.results.answers === 2), 10_000, 'facilitator hears the results');
    await eventually(() => seen.some((s) => s.event === 'poll:count' && (s.payload as PollCount).pollId === single.id && (s.payload as PollCount).answers === 2), 10_000, 'the room hears the count');

    const noCounts = (client: TestClient) => {
      for (const poll of [text, cloud, single]) expect(readPoll(client.doc, poll.id)?.results).toBeNull();
      expect(docContains(client.doc, secret)).toBe(false);
      expect(docContains(client.doc, 'havnebad')).toBe(false);
    };
    noCounts(aneDoc);
    noCounts(projectorDoc);
    const events = JSON.stringify(seen);
    expect(events).not.toContain(secret);
    expect(events).not.toContain('havnebad');
    expect(seen.every((s) => s.event === 'poll:count' || s.event === 'poll:mine')).toBe(true);
    expect(seen.filter((s) => s.event === 'poll:mine').every((s) => (s.payload as MyPollAnswer).pollId === single.id)).toBe(true); // Ane's own only
    expect(await refusal(call(aneSocket, 'poll:results', { pollId: single.id }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(projectorSocket, 'poll:results', { pollId: single.id }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(aneSocket, 'poll:textAnswers', { pollId: text.id }))).toBe(ErrorCode.FORBIDDEN);

    for (const poll of [text, cloud, single]) await ok(call(lead, 'poll:reveal', { pollId: poll.id, revealed: true }));
    await eventually(() => readPoll(projectorDoc.doc, single.id)?.results?.answers === 2, 10_000, 'results on the projector');
    expect(readPoll(aneDoc.doc, cloud.id)?.results).toEqual({ kind: 'words', answers: 1, words: [{ word: 'havnebad', count: 1 }] });
    // Open text: only the count is ever public; the text itself never reaches them.
    await eventually(() => readPoll(aneDoc.doc, text.id)?.results?.answers === 1, 10_000, 'text count');
    expect(docContains(aneDoc.doc, secret)).toBe(false);
    expect(docContains(projectorDoc.doc, secret)).toBe(false);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect((await results(aneSocket, single.id)).results.answers).toBe(2);

    // Hidden again: the counts leave the copies.
    await ok(call(lead, 'poll:reveal', { pollId: single.id, revealed: false }));
    await eventually(() => readPoll(projectorDoc.doc, single.id)?.results === null, 10_000, 'results hidden again');
  });

  test('live results follow the answers in everyone\u2019s copy', async () => {
    const { lead, ane, aneSocket } = await room();
    const poll = await openPoll(lead, { ...DRAFTS.scale, resultMode: 'live' });
    const aneDoc = await env.yjs(ane);
    await ok(answer(aneSocket, poll.id, { type: 'scale', value: 2 }));
    await eventually(() => readPoll(aneDoc.doc, poll.id)?.results?.answers === 1, 10_000, 'live results');
    expect(readPoll(aneDoc.doc, poll.id)?.results).toEqual({ kind: 'scale', answers: 1, distribution: [0, 1, 0, 0, 0], mean: 2 });
  });

  test('edits keep answers valid; delete removes the poll and its answers', async () => {
    const { board, lead, aneSocket } = await room();
    const poll = await openPoll(lead, DRAFTS.single);
    if (poll.type !== 'single') throw new Error('single expected');
    await ok(answer(aneSocket, poll.id, { type: 'single', optionId: poll.options[0]!.id }));
    const relabelled = await ok(
      call<Poll>(lead, 'poll:update', { pollId: poll.id, poll: { ...DRAFTS.single, question: 'Ny tekst', options: poll.options.map((o) => ({ id: o.id, label: `${o.label}!` })) } }),
    );
    expect(relabelled).toMatchObject({ question: 'Ny tekst', state: 'open' });
    expect(await refusal(call(lead, 'poll:update', { pollId: poll.id, poll: DRAFTS.single }))).toBe(ErrorCode.POLL_HAS_ANSWERS);
    expect(await refusal(call(lead, 'poll:update', { pollId: poll.id, poll: DRAFTS.scale }))).toBe(ErrorCode.POLL_HAS_ANSWERS);
    expect(await env.store.listRecords(pollAnswerSpace(board.boardId, poll.id))).toHaveLength(1);
    await ok(call(lead, 'poll:delete', { pollId: poll.id }));
    expect(await refusal(call(lead, 'poll:count', { pollId: poll.id }))).toBe(ErrorCode.POLL_NOT_FOUND);
    expect(await env.store.listRecords(pollAnswerSpace(board.boardId, poll.id))).toEqual([]);
  });

  test('open-text answers become ideas through the idea rules, once each, anonymously', async () => {
    const { lead, ane, aneSocket } = await room();
    const poll = await openPoll(lead, { ...DRAFTS.text, questionId: 'kickoff-q2' });
    await ok(answer(aneSocket, poll.id, { type: 'text', text: 'Flere bænke ved søen' }));
    const { answers } = await ok(call<{ answers: PollTextAnswer[] }>(lead, 'poll:textAnswers', { pollId: poll.id }));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ text: 'Flere bænke ved søen', ideaId: null });
    expect(JSON.stringify(answers)).not.toContain(ane.identity.participantId);
    const first = await ok(call<PollToIdeasResult>(lead, 'poll:toIdeas', { pollId: poll.id, answerIds: [answers[0]!.answerId] }));
    expect(first.published).toBe(1);
    const again = await ok(call<PollToIdeasResult>(lead, 'poll:toIdeas', { pollId: poll.id, answerIds: [answers[0]!.answerId] }));
    expect(again).toEqual({ ideaIds: first.ideaIds, published: 0 });
    expect(await refusal(call(lead, 'poll:toIdeas', { pollId: poll.id, answerIds: ['unknownanswer'] }))).toBe(ErrorCode.NOT_FOUND);
    expect(await refusal(call(aneSocket, 'poll:toIdeas', { pollId: poll.id, answerIds: [answers[0]!.answerId] }))).toBe(ErrorCode.FORBIDDEN);
    const aneDoc = await env.yjs(ane);
    const idea = readIdeas(aneDoc.doc).find((i) => i.id === first.ideaIds[0]);
    expect(idea).toMatchObject({ text: 'Flere bænke ved søen', authorName: null, questionId: 'kickoff-q2', authorId: ane.identity.participantId });
    expect(ideasMap(aneDoc.doc).size).toBe(1);
  });
});
