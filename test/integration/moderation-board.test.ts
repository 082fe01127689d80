import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  ErrorCode,
  randomId,
  readIdeas,
  type AuditResult,
  type DecideResult,
  type HiddenIdeasResult,
  type ModerationCounts,
  type QueueItem,
  type QueueResult,
} from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { createBoard, eventually, join, startServer, storedDoc, TestClient } from '../support/harness';
import { contribute, openCall, receipt } from '../support/moderation';
import { call, docContains, ok, type TestSocket } from '../support/workshop';
import { socketClient } from '../support/harness';
import { embeddedInspectable, redisInspectable, type Inspector } from '../support/store-inspect';

// What the store holds, searched byte by byte: test/support/store-inspect.ts.

describe.each([
  ['embedded', embeddedInspectable],
  ['redis', redisInspectable],
] as const)('moderation on the board (%s store)', (_kind, makeEnv) => {
  let store: BoardStore;
  let inspect: Inspector;
  let cleanup: () => Promise<void>;
  let running: Awaited<ReturnType<typeof startServer>>;
  const clients: TestClient[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    ({ store, inspect, cleanup } = await makeEnv());
    running = await startServer(store);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.close();
    await running.server.close();
    await store.close();
    await cleanup();
  });

  async function setup() {
    const board = await createBoard(running.url, 'kickoff');
    const lead = await join(running.url, board.boardId, board.tokens.facilitator, 'Lead');
    const ane = await join(running.url, board.boardId, board.tokens.participant, 'Ane');
    const bo = await join(running.url, board.boardId, board.tokens.participant, 'Bo');
    const screen = await join(running.url, board.boardId, board.tokens.observer);
    const yjs = async (session: typeof lead) => {
      const client = new TestClient(running.wsUrl, board.boardId, session);
      clients.push(client);
      await client.synced();
      return client;
    };
    const socket = async (session: typeof lead) => {
      const s = socketClient(running.url, session.sessionToken);
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    };
    return { board, lead, ane, bo, screen, yjs, socket };
  }

  it('hides an idea from participants and the projector, keeps it marked for facilitators, and restores it', async () => {
    const { lead, ane, screen, yjs, socket } = await setup();
    const author = await yjs(ane);
    const projector = await yjs(screen);
    const leadSocket = await socket(lead);
    const aneSocket = await socket(ane);
    const counts: ModerationCounts[] = [];
    leadSocket.on('moderation:changed', (c) => counts.push(c));
    let participantNotified = false;
    aneSocket.on('moderation:changed', () => (participantNotified = true));

    const idea = author.addIdea({ text: 'Noget grimt om naboen', questionId: 'kickoff-q1' });
    await eventually(() => author.allSaved && readIdeas(projector.doc).length === 1);

    const hidden = await ok(call(leadSocket, 'idea:hide', { ideaId: idea.id, reason: 'offensive' }));
    expect(hidden).toMatchObject({ idea: { id: idea.id }, reason: 'offensive', hiddenBy: { name: 'Lead' } });
    await eventually(() => readIdeas(author.doc).length === 0 && readIdeas(projector.doc).length === 0, 5000, 'the idea leaves every document');
    const list = await ok(call<HiddenIdeasResult>(leadSocket, 'moderation:hidden'));
    expect(list.ideas.map((h) => h.idea.text)).toEqual(['Noget grimt om naboen']);
    await eventually(() => counts.some((c) => c.hidden === 1), 5000, 'facilitators hear of it');
    expect(participantNotified).toBe(false);
    expect(await call(aneSocket, 'moderation:hidden')).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });

    // The author's device, with an old copy, cannot write it back.
    const stale = author.addIdea({ ...idea });
    await eventually(() => author.errors.some((e) => e.code === ErrorCode.IDEA_REMOVED), 5000, 'the write-back is refused');
    expect(stale.id).toBe(idea.id);

    const restored = await ok(call(leadSocket, 'idea:restore', { ideaId: idea.id }));
    expect(restored).toMatchObject({ id: idea.id, text: 'Noget grimt om naboen' });
    await eventually(() => readIdeas(projector.doc).some((i) => i.id === idea.id), 5000, 'the restored idea is back');
    expect((await ok(call<HiddenIdeasResult>(leadSocket, 'moderation:hidden'))).ideas).toHaveLength(0);
  });

  it('edits an idea as moderator with the original kept for facilitators only', async () => {
    const { lead, ane, yjs, socket } = await setup();
    const author = await yjs(ane);
    const leadSocket = await socket(lead);
    const aneSocket = await socket(ane);
    const idea = author.addIdea({ text: 'Ring til Jens på 22 33 44 55 om havnen' });
    await eventually(() => author.allSaved);
    await ok(call(leadSocket, 'idea:moderateEdit', { ideaId: idea.id, text: 'Mere liv ved havnen', reason: 'personal-data' }));
    await eventually(() => readIdeas(author.doc)[0]?.text === 'Mere liv ved havnen');
    const { revisions } = await ok(call<{ revisions: Array<{ before: string; after: string }> }>(leadSocket, 'idea:revisions', { ideaId: idea.id }));
    expect(revisions).toMatchObject([{ before: 'Ring til Jens på 22 33 44 55 om havnen', after: 'Mere liv ved havnen' }]);
    expect(await call(aneSocket, 'idea:revisions', { ideaId: idea.id })).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
  });

  it('deletes an idea for good: no trace of its text anywhere in the store', async () => {
    const { board, lead, ane, bo, yjs, socket } = await setup();
    const author = await yjs(ane);
    const leadSocket = await socket(lead);
    const boSocket = await socket(bo);
    const secret = `Hemmeligt-${randomId(10)}`;
    const idea = author.addIdea({ text: `${secret} om naboen` });
    await eventually(() => author.allSaved);
    // Around it: a comment, a reaction, a status, a moderator edit (original kept), a report, a hide and restore.
    await ok(call(boSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId: idea.id, text: `Enig i ${secret}` }));
    const hiddenComment = `c${randomId(10)}`;
    await ok(call(boSocket, 'comment:add', { id: hiddenComment, ideaId: idea.id, text: `Uenig i ${secret}` }));
    await ok(call(leadSocket, 'comment:hide', { commentId: hiddenComment, reason: 'offensive' }));
    await ok(call(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'support' }));
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'considering', rationale: `Vi ser på ${secret}` }));
    // A dismissed report (its excerpt in the audit log), then a pending one.
    const dismissed = await ok(call<QueueItem>(boSocket, 'report:create', { target: { kind: 'idea', id: idea.id }, reason: 'spam' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [dismissed.id], decision: 'dismiss' }));
    await ok(call(boSocket, 'report:create', { target: { kind: 'idea', id: idea.id }, reason: 'personal-data' }));
    await ok(call(leadSocket, 'idea:moderateEdit', { ideaId: idea.id, text: `${secret} (redigeret)`, reason: null }));
    await ok(call(leadSocket, 'idea:hide', { ideaId: idea.id, reason: 'personal-data' }));
    await ok(call(leadSocket, 'idea:restore', { ideaId: idea.id }));
    expect(await inspect(secret)).toBe(true);

    await ok(call(leadSocket, 'idea:purge', { ideaId: idea.id, reason: 'GDPR request' }));
    await eventually(() => readIdeas(author.doc).length === 0);
    expect(docContains(await storedDoc(store, board.boardId), secret)).toBe(false);
    expect(await inspect(secret)).toBe(false);
    // The fact of the deletion stays in the audit log, without the text.
    const audit = await ok(call<AuditResult>(leadSocket, 'audit:list', {}));
    expect(audit.entries[0]).toMatchObject({ action: 'idea.delete', target: { id: idea.id }, reason: 'GDPR request' });
    expect(JSON.stringify(audit)).not.toContain(secret);
    // The pending report was answered by the deletion.
    expect((await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}))).counts.pending).toBe(0);
    // Nobody can write it back.
    author.addIdea({ ...idea });
    await eventually(() => author.errors.some((e) => e.code === ErrorCode.IDEA_REMOVED));
  });

  it('deletes a pending contribution and its e-mail for good; its receipt says removed', async () => {
    const { board, lead, socket } = await setup();
    const leadSocket = await socket(lead);
    const { callId } = await openCall(leadSocket, 'pre');
    const secret = `Bidrag-${randomId(10)}`;
    const email = `${randomId(10).toLowerCase()}@example.dk`;
    const sent = await contribute(running.url, callId, { text: secret, email, consent: true, name: 'Karen' });
    const code = sent.body.ok ? sent.body.data.receipt : '';
    expect(await inspect(email)).toBe(true);
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
    await ok(call(leadSocket, 'idea:purge', { ideaId: items[0]!.id, reason: null }));
    expect(await inspect(secret)).toBe(false);
    expect(await inspect(email)).toBe(false);
    expect(await inspect('Karen')).toBe(false);
    expect((await receipt(running.url, code)).body).toMatchObject({ ok: true, data: { state: 'removed' } });
    expect(docContains(await storedDoc(store, board.boardId), secret)).toBe(false);
  });

  it('takes reports into the queue once per person, and resolves them by hiding or dismissing', async () => {
    const { lead, ane, bo, yjs, socket } = await setup();
    const author = await yjs(ane);
    const leadSocket = await socket(lead);
    const boSocket = await socket(bo);
    const aneSocket = await socket(ane);
    const first = author.addIdea({ text: 'Første' });
    const second = author.addIdea({ text: 'Anden' });
    await eventually(() => author.allSaved);
    const report = await ok(call<QueueItem>(boSocket, 'report:create', { target: { kind: 'idea', id: first.id }, reason: 'off-topic' }));
    const again = await ok(call<QueueItem>(boSocket, 'report:create', { target: { kind: 'idea', id: first.id }, reason: 'off-topic' }));
    expect(again.id).toBe(report.id);
    await ok(call(aneSocket, 'report:create', { target: { kind: 'idea', id: first.id }, reason: 'spam' }));
    const other = await ok(call<QueueItem>(boSocket, 'report:create', { target: { kind: 'idea', id: second.id }, reason: 'duplicate' }));
    expect(await call(boSocket, 'report:create', { target: { kind: 'idea', id: 'no-such-idea' }, reason: 'spam' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.IDEA_NOT_FOUND },
    });
    expect((await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}))).counts.pending).toBe(3);

    const hid = await ok(call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [report.id], decision: 'hide-target', reason: 'off-topic' }));
    expect(hid.results[0]).toMatchObject({ outcome: 'done', item: { state: 'resolved' } });
    await eventually(() => !readIdeas(author.doc).some((i) => i.id === first.id));
    const wrong = await ok(call<DecideResult>(leadSocket, 'moderation:decide', { itemIds: [other.id], decision: 'approve' }));
    expect(wrong.results[0]!.outcome).toBe('not-applicable');
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [other.id], decision: 'dismiss' }));
    // A report whose target a facilitator already hid is answered, not failed.
    const late = await ok(call<QueueItem>(aneSocket, 'report:create', { target: { kind: 'idea', id: second.id }, reason: 'spam' }));
    await ok(call(leadSocket, 'idea:hide', { ideaId: second.id, reason: 'duplicate' }));
    expect((await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}))).items.map((i) => i.id)).not.toContain(late.id);
    // Ane's report on the hidden idea was answered along with Bo's.
    expect((await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}))).counts.pending).toBe(0);
  });

  it('writes an audit entry for every moderation action', async () => {
    const { lead, ane, bo, yjs, socket } = await setup();
    const author = await yjs(ane);
    const leadSocket = await socket(lead);
    const boSocket = await socket(bo);
    const { callId } = await openCall(leadSocket, 'pre');
    await contribute(running.url, callId, { text: 'Til godkendelse' });
    await contribute(running.url, callId, { text: 'Til afvisning' });
    const idea = author.addIdea({ text: 'På tavlen' });
    await eventually(() => author.allSaved);
    await ok(call(boSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId: idea.id, text: 'Kommentar 1' }));
    await ok(call(boSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId: idea.id, text: 'Kommentar 2' }));
    await ok(call(boSocket, 'report:create', { target: { kind: 'idea', id: idea.id }, reason: 'spam' }));
    const queue = (await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}))).items;
    const byText = (text: string) => queue.find((i) => (i.kind === 'contribution' ? i.idea.text : i.kind === 'comment' ? i.comment.text : '') === text)!.id;
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [byText('Til godkendelse')], decision: 'approve' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [byText('Til afvisning')], decision: 'reject', reason: 'off-topic' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [byText('Kommentar 1')], decision: 'approve' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [byText('Kommentar 2')], decision: 'reject', reason: 'spam' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [queue.find((i) => i.kind === 'report')!.id], decision: 'dismiss' }));
    const published = (await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'all' }))).items.find((i) => i.kind === 'comment' && i.state === 'approved')!;
    await ok(call(leadSocket, 'comment:hide', { commentId: published.id, reason: 'offensive' }));
    await ok(call(leadSocket, 'moderation:decide', { itemIds: [published.id], decision: 'approve' })).catch(() => undefined);
    await ok(call(leadSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId: idea.id, text: 'Facilitatorens' }));
    const mine = (await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'all' }))).items.find((i) => i.kind === 'comment' && i.comment.text === 'Facilitatorens')!;
    await ok(call(leadSocket, 'comment:delete', { commentId: mine.id }));
    await ok(call(leadSocket, 'idea:moderateEdit', { ideaId: idea.id, text: 'På tavlen (rettet)' }));
    await ok(call(leadSocket, 'idea:hide', { ideaId: idea.id, reason: 'duplicate' }));
    await ok(call(leadSocket, 'idea:restore', { ideaId: idea.id }));
    await ok(call(leadSocket, 'idea:purge', { ideaId: idea.id }));
    await ok(call(leadSocket, 'person:delete', { by: 'participant', value: bo.identity.participantId }));

    const { entries } = await ok(call<AuditResult>(leadSocket, 'audit:list', {}));
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(AUDIT_ACTIONS));
    for (const entry of entries) expect(entry.actor.participantId).toBeTruthy();
    const filtered = await ok(call<AuditResult>(leadSocket, 'audit:list', { action: 'idea.hide' }));
    expect(filtered.entries.map((e) => e.action)).toEqual(['idea.hide']);
    const csv = await fetch(`${running.url}/api/boards/${lead.identity.boardId}/audit.csv`, { headers: { authorization: `Bearer ${lead.sessionToken}` } });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('idea.hide');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe('at;actor;role;action;target;targetId;reason;before;after');
    // Copenhagen time with its offset, as in the exports.
    expect(text.split('\r\n')[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00;/);
    // The separator, by its export name or by the one PROTOCOL.md first gave it.
    const auditCsv = (query: string) =>
      fetch(`${running.url}/api/boards/${lead.identity.boardId}/audit.csv${query}`, { headers: { authorization: `Bearer ${lead.sessionToken}` } });
    for (const query of ['?sep=%2C', '?separator=%2C']) {
      const comma = await auditCsv(query);
      expect(comma.status).toBe(200);
      expect((await comma.text()).split('\r\n')[0]).toContain('at,actor,role');
    }
    for (const query of ['?separator=x', '?sep=%2C&separator=%3B', '?delimiter=%2C']) {
      const refused = await auditCsv(query);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    }
    expect(((await (await auditCsv('?delimiter=%2C')).json()) as { error: { message: string } }).error.message).toMatch(/^query: /);
  });
});
