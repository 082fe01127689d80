import { expect } from 'vitest';
import { ErrorCode, randomId, type Ack, type Poll, type PollCount, type PollResultsUpdate, type SurveyAnswerResult, type SurveyView } from '../../shared';
import { pollAnswerSpace } from '../../server/polls';
import { openCall } from '../support/moderation';
import { call, describeOnStores, ok, refusal, type TestSocket } from '../support/workshop';

describeOnStores('survey questions in a public call on the %s store', (env, test) => {
  const survey = async (callId: string) => {
    const res = await fetch(`${env.url}/api/calls/${callId}/survey`);
    return { status: res.status, body: (await res.json()) as Ack<SurveyView> };
  };
  const device = () => ({ 'x-samskab-device': `device-${randomId(12)}` });
  const answer = async (callId: string, body: unknown, headers: Record<string, string> = device()) => {
    const res = await fetch(`${env.url}/api/calls/${callId}/survey`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Ack<SurveyAnswerResult> };
  };
  const count = async (socket: TestSocket, pollId: string) => (await ok(call<PollCount>(socket, 'poll:count', { pollId }))).answers;
  const surveyFor = async (callId: string, headers: Record<string, string>) => {
    const res = await fetch(`${env.url}/api/calls/${callId}/survey`, { headers });
    const body = (await res.json()) as Ack<SurveyView>;
    if (!body.ok) throw new Error(body.error.code);
    return body.data;
  };

  async function callWithSurvey() {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    const publicCall = await openCall(lead, 'pre');
    const scale = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'scale', question: 'Hvor vigtigt er grønne områder?', scaleMax: 5, inCall: true } }));
    const age = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'single', question: 'Aldersgruppe', options: [{ label: 'Under 30' }, { label: '30–60' }, { label: 'Over 60' }], inCall: true } }));
    const roomOnly = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'scale', question: 'Kun i rummet', scaleMax: 5 } }));
    for (const poll of [scale, age, roomOnly]) await ok(call(lead, 'poll:open', { pollId: poll.id }));
    return { board, lead, callId: publicCall.callId, scale, age, roomOnly };
  }

  test('a survey-only call takes survey answers and refuses ideas, and says so to its page', async () => {
    const { lead, callId, scale } = await callWithSurvey();
    const info = async () => (await (await fetch(`${env.url}/api/calls/${callId}`)).json()) as Ack<{ ideas: boolean }>;
    expect(await info()).toMatchObject({ ok: true, data: { ideas: true } });
    await ok(call(lead, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre', ideas: false }));
    expect(await info()).toMatchObject({ ok: true, data: { ideas: false } });
    const idea = await fetch(`${env.url}/api/calls/${callId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomId(16), text: 'En idé til et spørgeskema' }),
    });
    expect(idea.status).toBe(403);
    expect(((await idea.json()) as Ack<unknown>)).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_CLOSED } });
    expect((await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 5 } }] })).status).toBe(201);
    expect(await count(lead, scale.id)).toBe(1);
    // Configured again without the field, it stays survey-only.
    await ok(call(lead, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'post' }));
    expect(await info()).toMatchObject({ ok: true, data: { ideas: false } });
  });

  test('the public sees the open survey questions without results and answers them without a session', async () => {
    const { lead, callId, scale, age, roomOnly } = await callWithSurvey();
    const view = await survey(callId);
    expect(view.status).toBe(200);
    if (!view.body.ok) throw new Error('survey');
    expect(view.body.data.state).toBe('open');
    expect(view.body.data.polls.map((p) => p.id)).toEqual([scale.id, age.id]);
    expect(view.body.data.polls.every((p) => p.results === null)).toBe(true);
    const ageOption = age.type === 'single' ? age.options[1]!.id : '';
    const first = await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 4 } }, { pollId: age.id, answer: { type: 'single', optionId: ageOption } }], name: 'Mette' });
    expect(first.status).toBe(201);
    await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 2 } }] });
    expect(await count(lead, scale.id)).toBe(2);
    expect(await count(lead, age.id)).toBe(1);
    expect((await ok(call<PollResultsUpdate>(lead, 'poll:results', { pollId: scale.id }))).results).toMatchObject({ mean: 3 });

    // A question the call does not ask, a bad answer: named errors, and nothing of the submission stored.
    const cases: Array<[unknown, string]> = [
      [{ answers: [{ pollId: roomOnly.id, answer: { type: 'scale', value: 3 } }] }, ErrorCode.POLL_NOT_FOUND],
      [{ answers: [{ pollId: scale.id, answer: { type: 'scale', value: 3 } }, { pollId: age.id, answer: { type: 'single', optionId: 'zz' } }] }, ErrorCode.POLL_OPTION_INVALID],
      [{ answers: [{ pollId: scale.id, answer: { type: 'single', optionId: ageOption } }] }, ErrorCode.POLL_WRONG_TYPE],
      [{ answers: [] }, ErrorCode.VALIDATION_FAILED],
    ];
    for (const [body, code] of cases) {
      const res = await answer(callId, body);
      expect(!res.body.ok && res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect(await count(lead, scale.id)).toBe(2);
    expect(await count(lead, roomOnly.id)).toBe(0);

    // Closed poll, closed call.
    await ok(call(lead, 'poll:close', { pollId: age.id }));
    expect((await survey(callId)).body).toMatchObject({ ok: true, data: { polls: [{ id: scale.id }] } });
    expect(await refusal(Promise.resolve((await answer(callId, { answers: [{ pollId: age.id, answer: { type: 'single', optionId: ageOption } }] })).body))).toBe(ErrorCode.POLL_NOT_OPEN);
    await ok(call(lead, 'call:configure', { enabled: false, opensAt: null, closesAt: null, moderation: 'pre' }));
    const closed = await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 1 } }] });
    expect(closed.status).toBe(403);
    expect(!closed.body.ok && closed.body.error.code).toBe(ErrorCode.CALL_CLOSED);
    expect((await answer('nosuchcall1', { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 1 } }] })).status).toBe(404);
  });

  test('answers from one device are limited like contributions', async () => {
    const { lead, callId, scale } = await callWithSurvey();
    const one = device();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 3 } }] }, one)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // One device, one answer: its 20 accepted submissions replaced each other (this counted 20 before).
    expect(await count(lead, scale.id)).toBe(1);
  });

  test('one answer per device and poll: answering again replaces it, and the device is told its answer', async () => {
    const { board, lead, callId, scale, age } = await callWithSurvey();
    const phone = device();
    const ageOption = (n: number) => (age.type === 'single' ? age.options[n]!.id : '');
    expect((await surveyFor(callId, phone)).mine).toEqual([]);

    const first = await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 5 } }], name: 'Mette' }, phone);
    expect(first.body).toMatchObject({ ok: true, data: { pollIds: [scale.id], mine: [{ pollId: scale.id, answer: { type: 'scale', value: 5 }, name: 'Mette' }] } });
    // The reviewer's case: the same device (a reload) answers twice more; it stays one answer, the last.
    await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 1 } }] }, phone);
    await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 2 } }, { pollId: age.id, answer: { type: 'single', optionId: ageOption(0) } }] }, phone);
    expect(await count(lead, scale.id)).toBe(1);
    expect((await ok(call<PollResultsUpdate>(lead, 'poll:results', { pollId: scale.id }))).results).toMatchObject({ answers: 1, distribution: [0, 1, 0, 0, 0] });

    // An answer stored before answers were kept per device (a fresh `call-…` per submission) still counts, untouched.
    await env.store.putRecord(pollAnswerSpace(board.boardId, scale.id), `call-${randomId(16)}`, JSON.stringify({ answer: { type: 'scale', value: 5 }, answeredAt: Date.now(), contributorType: null, name: null }));
    expect(await count(lead, scale.id)).toBe(2);

    // Another device is another respondent; each device reads back only its own answers.
    const other = device();
    await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 4 } }] }, other);
    expect(await count(lead, scale.id)).toBe(3);
    expect(await count(lead, age.id)).toBe(1);
    const mine = await surveyFor(callId, phone);
    expect(mine.mine).toEqual([
      { pollId: scale.id, answer: { type: 'scale', value: 2 }, answeredAt: expect.any(Number) as number, name: null },
      { pollId: age.id, answer: { type: 'single', optionId: ageOption(0) }, answeredAt: expect.any(Number) as number, name: null },
    ]);
    expect((await surveyFor(callId, other)).mine).toEqual([{ pollId: scale.id, answer: { type: 'scale', value: 4 }, answeredAt: expect.any(Number) as number, name: null }]);
    expect((await surveyFor(callId, {})).mine).toEqual([]);
    expect((await fetch(`${env.url}/api/calls/${callId}/survey`, { headers: phone })).headers.get('cache-control')).toBe('no-store');

    // Counted per poll: answering one question again leaves the device's other answer alone.
    await answer(callId, { answers: [{ pollId: age.id, answer: { type: 'single', optionId: ageOption(2) } }] }, phone);
    expect((await surveyFor(callId, phone)).mine.map((m) => [m.pollId, m.answer])).toEqual([
      [scale.id, { type: 'scale', value: 2 }],
      [age.id, { type: 'single', optionId: ageOption(2) }],
    ]);
    expect(await count(lead, age.id)).toBe(1);

    // A refused resubmission leaves the stored answers as they were.
    expect(!(await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 9 } }] }, phone)).body.ok).toBe(true);
    expect((await surveyFor(callId, phone)).mine[0]?.answer).toEqual({ type: 'scale', value: 2 });

    // The device's answer is kept across a restart, and a later answer still replaces it.
    await env.restart();
    const lead2 = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    expect((await surveyFor(callId, phone)).mine.map((m) => m.pollId)).toEqual([scale.id, age.id]);
    await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 3 } }] }, phone);
    expect(await count(lead2, scale.id)).toBe(3);
    expect((await surveyFor(callId, phone)).mine[0]?.answer).toEqual({ type: 'scale', value: 3 });
  });

  test('a survey answer without a device id (the header is optional) is a respondent of its own each time', async () => {
    const { lead, callId, scale } = await callWithSurvey();
    // No header, and a header of another shape (which counts as none, as for contributions).
    const without: Array<Record<string, string>> = [{}, { 'x-samskab-device': 'bad id!' }];
    for (const headers of without) {
      const res = await answer(callId, { answers: [{ pollId: scale.id, answer: { type: 'scale', value: 3 } }] }, headers);
      expect(res.status).toBe(201);
      expect(res.body.ok && res.body.data.mine).toEqual([expect.objectContaining({ pollId: scale.id, answer: { type: 'scale', value: 3 } })]);
    }
    expect(await count(lead, scale.id)).toBe(2);
  });

  test('at most 10 polls are asked in a call', async () => {
    const board = await env.board('blank');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    for (let i = 0; i < 10; i++) await ok(call(lead, 'poll:create', { poll: { type: 'text', question: `Spørgsmål ${i}`, inCall: true } }));
    expect(await refusal(call(lead, 'poll:create', { poll: { type: 'text', question: 'Nr. 11', inCall: true } }))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
