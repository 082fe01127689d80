import { expect } from 'vitest';
import { ErrorCode, randomId, type Ack, type PersonDeleteResult, type PublicCallInfo, type QueueResult, type ReceiptView } from '../../shared';
import { contribute, openCall, receipt } from '../support/moderation';
import { eventually } from '../support/harness';
import { call, describeOnStores, ok, type TestSocket } from '../support/workshop';

/**
 * What a receipt says after a contribution is published (docs/PROTOCOL.md "Receipts"): the
 * idea's status with its public rationale and history, a merge said plainly, nothing the
 * author was not meant to see; and every deletion for good leaves the code saying "removed"
 * with nothing of the contribution, rather than "unknown code".
 */
describeOnStores('the receipt after publication (%s store)', (env, test) => {
  async function setup(mode: 'pre' | 'post') {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead Facilitatorsen');
    const socket = await env.socket(lead);
    const { callId } = await openCall(socket, mode);
    return { board, lead, socket, callId };
  }

  async function send(callId: string, fields: Parameters<typeof contribute>[2] = {}): Promise<{ id: string; code: string }> {
    const id = randomId(16);
    const sent = await contribute(env.url, callId, { id, ...fields });
    if (!sent.body.ok) throw new Error(sent.body.error.message);
    return { id, code: sent.body.data.receipt };
  }

  async function view(code: string): Promise<ReceiptView> {
    const { status, body } = await receipt(env.url, code);
    if (!body.ok) throw new Error(`receipt ${code}: ${status} ${body.error.code}`);
    return body.data;
  }

  async function approve(socket: TestSocket, id: string) {
    await ok(call(socket, 'moderation:decide', { itemIds: [id], decision: 'approve' }));
  }

  test('shows the status, its public rationale and the changes newest first, never who set them', async () => {
    const { lead, socket, callId } = await setup('pre');
    const { id, code } = await send(callId, { text: 'Skygge på legepladsen ved Strandparken' });
    await approve(socket, id);
    const published = await view(code);
    expect(published).toMatchObject({ state: 'published', deleted: false, status: null, mergedAt: null });

    await ok(call(socket, 'idea:setStatus', { ideaId: id, status: 'considering' }));
    await ok(call(socket, 'idea:setStatus', { ideaId: id, status: 'not-taken-forward', rationale: 'Ligger uden for budgettet i 2026' }));
    const decided = await view(code);
    expect(decided.state).toBe('published');
    expect(decided.status?.current).toEqual({ status: 'not-taken-forward', rationale: 'Ligger uden for budgettet i 2026', at: expect.any(Number) as number });
    expect(decided.status?.history.map((h) => h.status)).toEqual(['not-taken-forward', 'considering']);
    expect(decided.status!.history[0]!.at).toBeGreaterThanOrEqual(decided.status!.history[1]!.at);
    expect(Object.keys(decided.status!.history[0]!).sort()).toEqual(['at', 'status']);
    // Who decided is the facilitators' business.
    const json = JSON.stringify(decided);
    expect(json).not.toContain('Lead Facilitatorsen');
    expect(json).not.toContain(lead.identity.participantId);

    // Hidden: the status leaves with the idea, and the moderator's reason is their own note.
    await ok(call(socket, 'idea:hide', { ideaId: id, reason: 'Intern note: tjek med forvaltningen' }));
    const hidden = await view(code);
    expect(hidden).toMatchObject({ state: 'removed', deleted: false, status: null, reason: null });
    expect(JSON.stringify(hidden)).not.toContain('Intern note');
    await ok(call(socket, 'idea:restore', { ideaId: id }));
    expect((await view(code)).status?.current.status).toBe('not-taken-forward');
  });

  test('says plainly that an idea was merged into another, with that idea\u2019s status and none of its content', async () => {
    const { board, socket, callId } = await setup('post');
    const ane = await env.session(board, 'participant', 'Ane Andersen');
    const author = await env.yjs(ane);
    const target = author.addIdea({ text: 'Flere bænke langs stranden', questionId: 'kickoff-q1' });
    await eventually(() => author.allSaved);
    const { id, code } = await send(callId, { text: 'Bænke ved Ishøj Strand', questionId: 'kickoff-q1' });
    expect((await view(code)).mergedAt).toBeNull();

    await ok(call(socket, 'idea:merge', { targetId: target.id, sourceIds: [id] }));
    const merged = await view(code);
    expect(merged).toMatchObject({ state: 'published', deleted: false, status: null, text: 'Bænke ved Ishøj Strand' });
    expect(merged.mergedAt).toEqual(expect.any(Number));

    await ok(call(socket, 'idea:setStatus', { ideaId: target.id, status: 'selected', rationale: 'Med i budgetforslaget' }));
    const selected = await view(code);
    expect(selected.status?.current).toMatchObject({ status: 'selected', rationale: 'Med i budgetforslaget' });
    const json = JSON.stringify(selected);
    for (const other of ['Flere bænke langs stranden', 'Ane Andersen', target.id, ane.identity.participantId]) expect(json).not.toContain(other);

    // The merged idea hidden: this one is off the board with it.
    await ok(call(socket, 'idea:hide', { ideaId: target.id, reason: 'offensive' }));
    expect(await view(code)).toMatchObject({ state: 'removed', deleted: false, status: null, mergedAt: null });
  });

  function expectDeleted(seen: ReceiptView, secret: string) {
    expect(seen).toMatchObject({ state: 'removed', deleted: true, text: '', reason: null, submittedAt: null, decidedAt: null, status: null, mergedAt: null });
    expect(JSON.stringify(seen)).not.toContain(secret);
  }

  test('an approved contribution deleted with idea:purge: removed, and nothing of it', async () => {
    const { socket, callId } = await setup('pre');
    const secret = `Slettes-${randomId(8)}`;
    const { id, code } = await send(callId, { text: secret, name: 'Karen' });
    await approve(socket, id);
    await ok(call(socket, 'idea:setStatus', { ideaId: id, status: 'considering', rationale: `Om ${secret}` }));
    await ok(call(socket, 'idea:purge', { ideaId: id, reason: 'GDPR' }));
    expectDeleted(await view(code), secret);
  });

  test('a pending contribution deleted with idea:purge: removed, and nothing of it', async () => {
    const { socket, callId } = await setup('pre');
    const secret = `Ventende-${randomId(8)}`;
    const { id, code } = await send(callId, { text: secret });
    await ok(call(socket, 'idea:purge', { ideaId: id, reason: null }));
    expectDeleted(await view(code), secret);
  });

  test('a person deleted by a facilitator: each of their receipts says removed, not unknown', async () => {
    const { socket, callId } = await setup('pre');
    const email = `person-${randomId(6).toLowerCase()}@example.dk`;
    const approved = await send(callId, { text: 'Godkendt idé fra Bo', email, consent: true });
    const rejected = await send(callId, { text: 'Afvist idé fra Bo', email, consent: true });
    await approve(socket, approved.id);
    await ok(call(socket, 'moderation:decide', { itemIds: [rejected.id], decision: 'reject', reason: 'duplicate' }));
    const done = await ok(call<PersonDeleteResult>(socket, 'person:delete', { by: 'email', value: email, reason: 'Anmodning' }));
    expect(done.ideas).toBe(2);
    expectDeleted(await view(approved.code), 'fra Bo');
    expectDeleted(await view(rejected.code), 'fra Bo');
    // The board holds nothing about them any more.
    expect((await ok(call<QueueResult>(socket, 'moderation:queue', { state: 'all' }))).items).toEqual([]);
    expect((await fetch(`${env.url}/api/receipts/${approved.code}/personal-data`)).status).toBe(404);
  });

  test('a contributor who deleted their own data from the receipt: the code says removed', async () => {
    const { callId } = await setup('post');
    const secret = `Min-${randomId(8)}`;
    const { code } = await send(callId, { text: secret, email: 'mig@example.dk', consent: true });
    const res = await fetch(`${env.url}/api/receipts/${code}/personal-data`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expectDeleted(await view(code), secret);
    const again = (await (await fetch(`${env.url}/api/receipts/${code}/personal-data`)).json()) as Ack<unknown>;
    expect(again).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_FOUND } });
    // A code nobody was given is still unknown.
    expect((await receipt(env.url, 'ABCD-EFGH-JKLM')).body).toMatchObject({ ok: false, error: { code: ErrorCode.RECEIPT_NOT_FOUND } });
  });

  test('the call says follow-up by mail is off, and so does the digest', async () => {
    const { socket, callId } = await setup('pre');
    const info = (await (await fetch(`${env.url}/api/calls/${callId}`)).json()) as Ack<PublicCallInfo>;
    expect(info).toMatchObject({ ok: true, data: { followUpByMail: false } });
    expect(await ok(call(socket, 'mail:subscription', {}))).toEqual({ subscription: null, mailConfigured: false });
  });
});
