import { expect } from 'vitest';
import {
  ErrorCode,
  ideasMap,
  randomId,
  readIdeas,
  type DecideResult,
  type RevealResult,
  type SubmitHiddenResult,
  type WorkshopState,
} from '../../shared';
import { eventually } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { call, describeOnStores, draft, ok } from '../support/workshop';

/**
 * Ids cannot be taken over: an id that names an idea kept out of the document (silent
 * writing, a pending contribution) is written by nobody but its author, whatever the
 * workshop state, and reveal or approval publishes the author's idea under it.
 */
describeOnStores('an idea id kept out of the document (%s store)', (env, test) => {
  test('a silent idea cannot be taken over once silent writing is off; reveal publishes the author\u2019s', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const bo = await env.session(board, 'participant', 'Bo');
    const [leadSocket, aneSocket] = [await env.socket(lead), await env.socket(ane)];
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    const mine = draft(ane, 'Anes skjulte idé');
    expect((await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: mine }))).state).toBe('hidden');
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: false }));

    // Bo (who learnt the id, e.g. from presence) and a facilitator write ideas under it.
    const thief = await env.yjs(bo);
    thief.addIdea({ id: mine.id, text: 'Bos idé', questionId: 'kickoff-q1' });
    await eventually(() => thief.errors.length > 0, 10_000, 'an answer to the takeover');
    expect(thief.errors.map((e) => e.code)).toEqual([ErrorCode.IDEA_ID_TAKEN]);
    const leadDoc = await env.yjs(lead);
    leadDoc.addIdea({ id: mine.id, text: 'Facilitatorens idé', questionId: 'kickoff-q1' });
    await eventually(() => leadDoc.errors.length > 0, 10_000, 'an answer to the facilitator');
    expect(leadDoc.errors.map((e) => e.code)).toEqual([ErrorCode.IDEA_ID_TAKEN]);

    const revealed = await ok(call<RevealResult>(leadSocket, 'workshop:reveal'));
    expect(revealed.revealedIds).toEqual([mine.id]);
    const observer = await env.yjs(await env.session(board, 'observer'));
    expect(readIdeas(observer.doc).map((i) => [i.id, i.authorId, i.text])).toEqual([[mine.id, ane.identity.participantId, 'Anes skjulte idé']]);
    expect(await env.store.listHiddenIdeas(board.boardId)).toEqual([]);
  });

  test('the author may write her own silent idea straight into the document; reveal then reports nothing for it', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const [leadSocket, aneSocket] = [await env.socket(lead), await env.socket(ane)];
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    const mine = draft(ane, 'Anes idé');
    await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: mine }));
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: false }));
    const author = await env.yjs(ane);
    author.addIdea({ ...mine, text: 'Anes idé, skrevet igen' });
    await eventually(() => author.allSaved, 10_000, 'the author\u2019s write is saved');
    expect(author.errors).toEqual([]);
    expect((await ok(call<RevealResult>(leadSocket, 'workshop:reveal'))).revealedIds).toEqual([]);
    expect(readIdeas(author.doc).map((i) => i.text)).toEqual(['Anes idé, skrevet igen']);
  });

  test('a pending contribution\u2019s id cannot be taken; approving publishes the contribution', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const bo = await env.session(board, 'participant', 'Bo');
    const leadSocket = await env.socket(lead);
    const { callId } = await openCall(leadSocket, 'pre');
    const id = randomId(16);
    const sent = await contribute(env.url, callId, { id, text: 'Et bidrag udefra' });
    expect(sent.body.ok).toBe(true);

    const thief = await env.yjs(bo);
    thief.addIdea({ id, text: 'Bos idé', questionId: 'kickoff-q1' });
    await eventually(() => thief.errors.length > 0, 10_000, 'an answer to the takeover');
    expect(thief.errors.map((e) => e.code)).toEqual([ErrorCode.IDEA_ID_TAKEN]);
    expect(ideasMap(thief.doc).size).toBe(1); // its own optimistic copy only; the server has none
    const decided = await ok(call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [id], decision: 'approve' }));
    expect(decided.results[0]?.outcome).toBe('done');
    const observer = await env.yjs(await env.session(board, 'observer'));
    expect(readIdeas(observer.doc).map((i) => i.text)).toEqual(['Et bidrag udefra']);
  });

  test('nothing attaches to a silent idea or a pending contribution: no comment, reaction, status or vote', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const bo = await env.session(board, 'participant', 'Bo');
    const [leadSocket, aneSocket, boSocket] = [await env.socket(lead), await env.socket(ane), await env.socket(bo)];
    const { callId } = await openCall(leadSocket, 'pre');
    const pendingId = randomId(16);
    expect((await contribute(env.url, callId, { id: pendingId, text: 'Ventende bidrag' })).body.ok).toBe(true);
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    const silent = draft(ane, 'Tavs idé');
    await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: silent }));
    await ok(call<WorkshopState>(leadSocket, 'voting:configure', { votesPerPerson: 3, maxPerIdea: 3 }));
    await ok(call<WorkshopState>(leadSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' }));
    for (const ideaId of [silent.id, pendingId]) {
      const answers = [
        await call(boSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId, text: 'En kommentar' }),
        await call(boSocket, 'reaction:toggle', { ideaId, reaction: 'support' }),
        await call(leadSocket, 'idea:setStatus', { ideaId, status: 'considering', rationale: 'Fordi' }),
        await call(boSocket, 'vote:cast', { ideaId }),
      ];
      expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(Array(4).fill(ErrorCode.IDEA_NOT_FOUND));
    }
  });
});
