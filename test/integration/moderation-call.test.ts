import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode, LIMITS, ideasMap, readIdeas, type AuditResult, type DecideResult, type QueueResult } from '../../shared';
import { eventually, storedDoc, type StoreKind } from '../support/harness';
import { contribute, openCall, receipt } from '../support/moderation';
import { call, docContains, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';

const stores: StoreKind[] = ['embedded', 'redis'];

describe.each(stores)('public call and pre-moderation (%s store)', (kind) => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv(kind, kind === 'redis' ? inject('redisUrl') : null);
  });
  afterAll(() => env.close());

  async function setup(mode: 'pre' | 'post' = 'pre') {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const screen = await env.session(board, 'observer');
    const leadSocket = await env.socket(lead);
    const callInfo = await openCall(leadSocket, mode);
    return { board, lead, ane, screen, leadSocket, callId: callInfo.callId };
  }

  it('keeps a pending contribution out of every document until approved, then publishes it once', async () => {
    const { board, lead, ane, screen, leadSocket, callId } = await setup('pre');
    const participant = await env.yjs(ane);
    const projector = await env.yjs(screen);
    const facilitator = await env.yjs(lead);
    const text = 'Et madmarked på Ishøj Torv hver lørdag';
    const sent = await contribute(env.url, callId, { text, name: 'Birgit', contributorType: 'citizen', questionId: 'kickoff-q2', email: 'birgit@example.dk', consent: true });
    expect(sent.status).toBe(201);
    expect(sent.body.ok && sent.body.data.state).toBe('pending');
    const code = sent.body.ok ? sent.body.data.receipt : '';

    // Not in any document — not the participant's, the projector's, the facilitator's, nor the stored one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const client of [participant, projector, facilitator]) expect(docContains(client.doc, text)).toBe(false);
    expect(docContains(await storedDoc(env.store, board.boardId), text)).toBe(false);
    expect((await receipt(env.url, code)).body).toMatchObject({ ok: true, data: { state: 'pending', text } });

    const queue = await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'pending' }));
    expect(queue.counts.pending).toBe(1);
    const [item] = queue.items;
    expect(item?.kind).toBe('contribution');
    // The e-mail is kept apart: the queue never carries it.
    expect(JSON.stringify(queue)).not.toContain('birgit@example.dk');

    // Three facilitators' approvals at once (two sockets, one twice): exactly one wins.
    const other = await env.socket(await env.session(board, 'facilitator', 'Other'));
    const decisions = await Promise.all([
      ok(call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [item!.id], decision: 'approve' })),
      ok(call<DecideResult>(other, 'moderation:decide', { itemIds: [item!.id], decision: 'approve' })),
      ok(call<DecideResult>(other, 'moderation:decide', { itemIds: [item!.id], decision: 'reject', reason: 'duplicate' })),
    ]);
    const outcomes = decisions.map((d) => d.results[0]!.outcome).sort();
    expect(outcomes).toEqual(['already-decided', 'already-decided', 'done']);

    await eventually(() => readIdeas(participant.doc).some((idea) => idea.text === text), 5000, 'the approved idea reaches participants');
    await eventually(() => readIdeas(projector.doc).some((idea) => idea.text === text), 5000, 'and the projector');
    const published = readIdeas(await storedDoc(env.store, board.boardId)).filter((idea) => idea.text === text);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ authorName: 'Birgit', contributorType: 'citizen', questionId: 'kickoff-q2' });
    const winner = decisions.find((d) => d.results[0]!.outcome === 'done')!.results[0]!;
    expect((await receipt(env.url, code)).body).toMatchObject({
      ok: true,
      data: { state: winner.item!.state === 'approved' ? 'published' : 'not-published' },
    });
  });

  it('shows the rejection reason on the receipt, and never publishes', async () => {
    const { ane, leadSocket, callId } = await setup('pre');
    const participant = await env.yjs(ane);
    const sent = await contribute(env.url, callId, { text: 'Køb reklame for mit firma' });
    const code = sent.body.ok ? sent.body.data.receipt : '';
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
    const result = await ok(call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [items[0]!.id], decision: 'reject', reason: 'spam' }));
    expect(result.results[0]).toMatchObject({ outcome: 'done', item: { state: 'rejected' } });
    expect((await receipt(env.url, code)).body).toMatchObject({ ok: true, data: { state: 'not-published', reason: 'spam' } });
    expect(docContains(participant.doc, 'reklame')).toBe(false);
  });

  it('refuses a reject without a reason, and edits before approving', async () => {
    const { ane, leadSocket, callId } = await setup('pre');
    const participant = await env.yjs(ane);
    await contribute(env.url, callId, { text: 'Cykelsti til stranden, ring 4444 4444' });
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
    const noReason = await call(leadSocket, 'moderation:decide', { itemIds: [items[0]!.id], decision: 'reject' });
    expect(noReason).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    await ok(
      call<DecideResult>(leadSocket, 'moderation:decide', {
        itemIds: [items[0]!.id],
        decision: 'approve',
        edit: { text: 'Cykelsti til stranden', phase: 2 },
      }),
    );
    await eventually(() => readIdeas(participant.doc).some((idea) => idea.text === 'Cykelsti til stranden' && idea.phase === 2));
    expect(docContains(participant.doc, '4444')).toBe(false);
    const audit = await ok(call<AuditResult>(leadSocket, 'audit:list', { action: 'contribution.approve' }));
    expect(audit.entries[0]).toMatchObject({ before: { text: 'Cykelsti til stranden, ring 4444 4444' }, after: { text: 'Cykelsti til stranden' } });
  });

  it('publishes at once on a post-moderated call', async () => {
    const { ane, callId } = await setup('post');
    const participant = await env.yjs(ane);
    const sent = await contribute(env.url, callId, { text: 'Legeplads ved søen' });
    expect(sent.body).toMatchObject({ ok: true, data: { state: 'published' } });
    await eventually(() => readIdeas(participant.doc).some((idea) => idea.text === 'Legeplads ved søen'));
  });

  it('answers a resend of the same contribution with the same receipt, and stores it once', async () => {
    const { leadSocket, callId } = await setup('pre');
    const first = await contribute(env.url, callId, { id: 'resend-contribution-1', text: 'Bibliotek åbent om søndagen' });
    const again = await contribute(env.url, callId, { id: 'resend-contribution-1', text: 'Bibliotek åbent om søndagen' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.ok && again.body.data.receipt).toBe(first.body.ok && first.body.data.receipt);
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
    expect(items).toHaveLength(1);
  });

  it('refuses contributions outside the open window, with a clear error', async () => {
    const { leadSocket, callId } = await setup('pre');
    const hour = 3_600_000;
    await openCall(leadSocket, 'pre', { opensAt: Date.now() + hour });
    const early = await contribute(env.url, callId);
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_CLOSED } });
    expect(!early.body.ok && early.body.error.message).toMatch(/not opened yet/);

    await openCall(leadSocket, 'pre', { opensAt: Date.now() - 2 * hour, closesAt: Date.now() - hour });
    const late = await contribute(env.url, callId);
    expect(late.body).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_CLOSED } });
    expect(!late.body.ok && late.body.error.message).toMatch(/has closed/);

    await ok(call(leadSocket, 'call:configure', { enabled: false, opensAt: null, closesAt: null, moderation: 'pre' }));
    expect((await contribute(env.url, callId)).body).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_CLOSED } });
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'all' }));
    expect(items).toHaveLength(0);
  });

  it('refuses a contribution whose id is already an idea on the board', async () => {
    const { ane, callId } = await setup('pre');
    const author = await env.yjs(ane);
    const idea = author.addIdea({ text: 'Allerede her' });
    await eventually(() => author.allSaved);
    const taken = await contribute(env.url, callId, { id: idea.id, text: 'Overtag idéen' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
  });

  it('retires a rotated link and refuses unknown ones', async () => {
    const { leadSocket, callId } = await setup('pre');
    const rotated = await ok(call<{ callId: string }>(leadSocket, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre', rotate: true }));
    expect(rotated.callId).not.toBe(callId);
    expect((await contribute(env.url, callId)).body).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_NOT_FOUND } });
    expect((await contribute(env.url, rotated.callId)).status).toBe(201);
    expect((await contribute(env.url, encodeURIComponent('../../etc/passwd'))).body).toMatchObject({ ok: false, error: { code: ErrorCode.CALL_NOT_FOUND } });
  });

  it('validates the form: consent with e-mail, questions of the call, lengths; a honeypot keeps nothing', async () => {
    const { leadSocket, callId } = await setup('pre');
    expect((await contribute(env.url, callId, { email: 'a@example.dk' })).body).toMatchObject({ ok: false, error: { code: ErrorCode.CONSENT_REQUIRED } });
    expect((await contribute(env.url, callId, { questionId: 'not-a-question' })).body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect((await contribute(env.url, callId, { text: 'x'.repeat(1001) })).body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    expect((await contribute(env.url, callId, { text: '   ' })).body).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    const bot = await contribute(env.url, callId, { website: 'http://spam.example' });
    expect(bot.body.ok).toBe(true);
    // The honeypot does not answer for links that do not exist.
    expect((await contribute(env.url, 'no-such-call', { website: 'http://spam.example' })).status).toBe(404);
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'all' }));
    expect(items).toHaveLength(0);
  });

  it('refuses to approve a contribution onto a full board, keeps it pending, and approves it once there is room', async () => {
    const { board, leadSocket, callId } = await setup('pre');
    const text = 'En bænk ved hver busstoppested';
    expect((await contribute(env.url, callId, { text })).status).toBe(201);
    const [item] = (await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'pending' }))).items;
    // Filled by the server itself (one transaction; a client may not write this much at once).
    await env.server.rooms.withRoom(board.boardId, (room) =>
      room.writeAsServer((doc) => {
        const ideas = ideasMap(doc);
        for (let i = ideas.size; i < LIMITS.ideasPerBoard; i++) {
          const idea = new Y.Map<unknown>();
          idea.set('text', `Fyld ${i}`);
          ideas.set(`fill${i}`, idea as never);
        }
      }),
    );
    const approve = () => call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [item!.id], decision: 'approve' });
    expect(await approve()).toMatchObject({ ok: false, error: { code: ErrorCode.BOARD_FULL } });
    // Nothing was decided or published.
    expect((await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'pending' }))).items.map((i) => i.id)).toEqual([item!.id]);
    expect(docContains(await storedDoc(env.store, board.boardId), text)).toBe(false);

    await env.server.rooms.withRoom(board.boardId, (room) => room.writeAsServer((doc) => ideasMap(doc).delete('fill0')));
    expect((await ok(approve())).results[0]?.outcome).toBe('done');
    const stored = await storedDoc(env.store, board.boardId);
    expect(readIdeas(stored).filter((idea) => idea.text === text)).toHaveLength(1);
    expect(ideasMap(stored).size).toBe(LIMITS.ideasPerBoard);
  });

  it('lets only facilitators configure, read the queue, decide and read the audit log', async () => {
    const { ane, screen, board } = await setup('pre');
    for (const session of [ane, screen]) {
      const socket = await env.socket(session);
      for (const [event, payload] of [
        ['call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'post' }],
        ['moderation:queue', {}],
        ['moderation:decide', { itemIds: ['abcdef'], decision: 'approve' }],
        ['audit:list', {}],
      ] as const) {
        expect(await call(socket, event, payload)).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
      }
    }
    const audit = await fetch(`${env.url}/api/boards/${board.boardId}/audit.csv`, { headers: { authorization: `Bearer ${ane.sessionToken}` } });
    expect(audit.status).toBe(403);
  });
});
