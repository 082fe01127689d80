import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  ErrorCode,
  commentsMap,
  randomId,
  readIdeaReactions,
  readIdeas,
  type Ack,
  type AuditResult,
  type CreateBoardResponse,
  type PersonDeleteResult,
  type PersonExport,
  type PersonSummary,
  type SessionResponse,
  type WorkshopState,
} from '../../shared';
import { createServer, type SamskabServer } from '../../server/create-server';
import { testConfig } from '../../server/config';
import { Records } from '../../server/core/records';
import { SPACE } from '../../server/core/record-spaces';
import { contactSchema } from '../../server/mail/contacts';
import { TestClient, createBoard, eventually, join, socketClient, storedDoc } from '../support/harness';
import { contribute, openCall, receipt } from '../support/moderation';
import { call, ok, refusal, setStep, socketOf, type TestSocket } from '../support/workshop';
import { embeddedInspectable, redisInspectable, type InspectableStore } from '../support/store-inspect';

const redisUrl = inject('redisUrl');

/**
 * Per-person GDPR on both stores: a facilitator finds a participant, exports everything the
 * board holds about them and deletes it in one audited action; a receipt holder does the
 * same for their contribution. Afterwards the texts and the address are in neither the
 * document nor the store's files or values.
 */
describe.each([
  ['embedded', embeddedInspectable],
  ['redis', redisInspectable],
] as const)('personal data (%s store)', (kind, open) => {
  const skip = kind === 'redis' && !redisUrl;
  let env: InspectableStore;
  let server: SamskabServer;
  let url: string;
  let board: CreateBoardResponse;
  let lead: SessionResponse;
  let leadSocket: TestSocket;
  let pia: SessionResponse;
  const tag = randomId(8);
  const piaIdea = `Pias hemmelige idé ${tag}`;
  const piaComment = `Pias kommentar ${tag}`;
  let leadIdeaId: string;

  beforeAll(async () => {
    if (skip) return;
    env = await open();
    server = await createServer({ store: env.store, config: testConfig() });
    url = (await server.listen(0, '127.0.0.1')).url;
    board = await createBoard(url, 'kickoff');
    lead = await join(url, board.boardId, board.tokens.facilitator, 'Lead');
    leadSocket = await socketOf(url, lead);
    pia = await join(url, board.boardId, board.tokens.participant, 'Pia');
    const leadDoc = new TestClient(url.replace('http', 'ws'), board.boardId, lead);
    const piaDoc = new TestClient(url.replace('http', 'ws'), board.boardId, pia);
    await Promise.all([leadDoc.synced(), piaDoc.synced()]);
    leadIdeaId = leadDoc.addIdea({ text: 'Lederens idé', questionId: 'kickoff-q1' }).id;
    piaDoc.addIdea({ text: piaIdea, questionId: 'kickoff-q1' });
    await eventually(() => leadDoc.allSaved && piaDoc.allSaved, 10_000, 'ideas saved');
    leadDoc.destroy();
    piaDoc.destroy();
    const piaSocket = await socketOf(url, pia);
    await ok(call(piaSocket, 'comment:add', { id: randomId(12), ideaId: leadIdeaId, text: piaComment }));
    await ok(call(piaSocket, 'reaction:toggle', { ideaId: leadIdeaId, reaction: 'support' }));
    await ok(call<WorkshopState>(leadSocket, 'voting:configure', { votesPerPerson: 3, maxPerIdea: 2 }));
    await setStep(leadSocket, 'kickoff-q1', 'vote');
    await ok(call(piaSocket, 'vote:cast', { ideaId: leadIdeaId }));
    piaSocket.close();
  });

  afterAll(async () => {
    if (skip) return;
    leadSocket.close();
    await server.close();
    await env.store.close();
    await env.cleanup();
  });

  it.skipIf(skip)('refuses a participant asking about someone else, and an unknown person, with named errors', async () => {
    const piaSocket = await socketOf(url, pia);
    expect(await refusal(call(piaSocket, 'person:export', { by: 'participant', value: lead.identity.participantId }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(piaSocket, 'person:delete', { by: 'email', value: 'x@example.dk' }))).toBe(ErrorCode.FORBIDDEN);
    const own = await ok(call<PersonSummary>(piaSocket, 'person:find', { by: 'participant', value: pia.identity.participantId }));
    expect(own.ideas).toBe(1);
    piaSocket.close();
    expect(await refusal(call(leadSocket, 'person:find', { by: 'participant', value: 'nobody-here' }))).toBe(ErrorCode.NOT_FOUND);
    expect(await refusal(call(leadSocket, 'person:find', { by: 'email', value: 'unknown@example.dk' }))).toBe(ErrorCode.NOT_FOUND);
    expect(await refusal(call(leadSocket, 'person:find', { by: 'shoe-size', value: '42' }))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it.skipIf(skip)('exports a participant as JSON, then deletes all of it in one audited action, off the disk too', async () => {
    const query = { by: 'participant', value: pia.identity.participantId };
    const exported = await ok(call<PersonExport>(leadSocket, 'person:export', query));
    expect(exported.ideas.map((i) => i.text)).toEqual([piaIdea]);
    expect(exported.comments.map((c) => c.text)).toEqual([piaComment]);
    expect(exported.reactions).toEqual([{ ideaId: leadIdeaId, reaction: 'support', participantId: pia.identity.participantId }]);
    expect(exported.votes.map((v) => [v.ideaId, v.count])).toEqual([[leadIdeaId, 1]]);
    expect(exported.sessions).toEqual([expect.objectContaining({ role: 'participant', displayName: 'Pia' })]);
    expect(exported.surveyAnswers).toEqual([]);
    expect(await env.inspect(piaIdea)).toBe(true);

    const result = await ok(call<PersonDeleteResult>(leadSocket, 'person:delete', { ...query, reason: 'Anmodning om sletning' }));
    expect(result).toMatchObject({ ideas: 1, comments: 1, reactions: 1, votes: 1 });

    const doc = await storedDoc(env.store, board.boardId);
    expect(readIdeas(doc).map((i) => i.text)).toEqual(['Lederens idé']);
    expect([...commentsMap(doc).keys()]).toEqual([]);
    expect([...readIdeaReactions(doc, leadIdeaId).values()].some((who) => who.has(pia.identity.participantId))).toBe(false);
    expect((await env.store.listVotes(board.boardId)).some((b) => b.participantId === pia.identity.participantId)).toBe(false);
    expect((await env.store.listSessions()).some((s) => s.session.identity.participantId === pia.identity.participantId)).toBe(false);
    expect(await env.inspect(piaIdea)).toBe(false);
    expect(await env.inspect(piaComment)).toBe(false);
    // A backup made afterwards holds none of it.
    const backup = await fetch(`${url}/api/boards/${board.boardId}/export/json`, { headers: { Authorization: `Bearer ${lead.sessionToken}` } });
    expect(backup.status).toBe(200);
    const bytes = Buffer.from(await backup.arrayBuffer());
    expect(bytes.includes(Buffer.from(piaIdea))).toBe(false);
    expect(bytes.includes(Buffer.from(piaComment))).toBe(false);
    expect(bytes.includes(Buffer.from('Lederens idé'))).toBe(true);
    const audit = await ok(call<AuditResult>(leadSocket, 'audit:list', { action: 'person.delete' }));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.target.id).not.toContain(pia.identity.participantId);
    // Her session is gone: it no longer opens a socket.
    const socket = socketClient(url, pia.sessionToken);
    const refused = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(false));
      socket.once('connect_error', () => resolve(true));
    });
    socket.close();
    expect(refused).toBe(true);
    expect(await refusal(call(leadSocket, 'person:find', query))).toBe(ErrorCode.NOT_FOUND);
  });

  it.skipIf(skip)('lets a receipt holder export and delete their own contribution and address', async () => {
    const { callId } = await openCall(leadSocket, 'pre');
    const email = `borger-${tag}@example.dk`;
    const text = `Borgerens idé ${tag}`;
    const id = randomId(16);
    const sent = await contribute(url, callId, { id, text, email, consent: true, locale: 'da' });
    if (!sent.body.ok) throw new Error('not sent');
    const code = sent.body.data.receipt;
    const found = await ok(call<PersonSummary>(leadSocket, 'person:find', { by: 'email', value: email.toUpperCase() }));
    expect(found).toMatchObject({ ideas: 1, emails: 1 });

    const exportRes = await fetch(`${url}/api/receipts/${code}/personal-data`);
    const exported = (await exportRes.json()) as Ack<PersonExport>;
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.data.ideas.map((i) => [i.text, i.receipt])).toEqual([[text, code]]);
    expect(exported.data.emails.map((e) => e.email)).toEqual([email]);
    expect(await env.inspect(email)).toBe(true);

    const deleted = (await (await fetch(`${url}/api/receipts/${code}/personal-data`, { method: 'DELETE' })).json()) as Ack<PersonDeleteResult>;
    expect(deleted.ok && deleted.data).toMatchObject({ ideas: 1, emails: 1 });
    // The code says the contribution was deleted, and nothing of it (it used to be unknown).
    expect(await receipt(url, code)).toMatchObject({ status: 200, body: { ok: true, data: { state: 'removed', deleted: true, text: '', submittedAt: null } } });
    expect(JSON.stringify((await receipt(url, code)).body)).not.toContain(text);
    const again = await fetch(`${url}/api/receipts/${code}/personal-data`);
    expect(again.status).toBe(404);
    expect(await new Records(env.store).get(SPACE.contacts(board.boardId), id, contactSchema)).toBeNull();
    expect(await env.store.getRecord(SPACE.queue(board.boardId), id)).toBeNull();
    expect(await env.inspect(email)).toBe(false);
    expect(await env.inspect(text)).toBe(false);
    expect((await fetch(`${url}/api/receipts/NOPE-NOPE-NOPE/personal-data`)).status).toBe(404);
  });
});

/**
 * Housekeeping with an injected clock: expired sessions go after SESSION_TTL_DAYS, an
 * address unused for CONTACT_RETENTION_DAYS after that, each off the disk too.
 */
describe('housekeeping of personal data', () => {
  it('deletes expired sessions, then unused e-mail addresses, by the injected clock', async () => {
    const env = await embeddedInspectable();
    let now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const server = await createServer({
      store: env.store,
      config: testConfig({ sessionTtlMs: 30 * day, contactRetentionMs: 365 * day }),
      mail: { clock: { now: () => now }, jobIntervalMs: 0 },
    });
    try {
      const url = (await server.listen(0, '127.0.0.1')).url;
      const board = await createBoard(url, 'kickoff');
      const lead = await join(url, board.boardId, board.tokens.facilitator, 'Lead');
      const socket = await socketOf(url, lead);
      const { callId } = await openCall(socket, 'pre');
      socket.close();
      const email = `gammel-${randomId(6)}@example.dk`;
      await contribute(url, callId, { text: 'Med adresse', email, consent: true });
      expect(await server.mail.housekeeping.run()).toMatchObject({ sessions: 0, contacts: 0 });

      now += 31 * day;
      const afterTtl = await server.mail.housekeeping.run();
      expect(afterTtl.sessions).toBeGreaterThanOrEqual(1);
      expect(afterTtl.contacts).toBe(0);
      expect((await env.store.listSessions()).length).toBe(0);
      expect(await env.inspect(email)).toBe(true);

      now += 335 * day;
      expect((await server.mail.housekeeping.run()).contacts).toBe(1);
      expect(await env.inspect(email)).toBe(false);
    } finally {
      await server.close();
      await env.store.close();
      await env.cleanup();
    }
  });
});
