import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, randomId, type ContributionReceipt, type CreateBoardResponse, type Initiative, type SessionResponse } from '../../shared';
import { createServer, type SamskabServer } from '../../server/create-server';
import { loadConfig, testConfig } from '../../server/config';
import { Records } from '../../server/core/records';
import { SPACE } from '../../server/core/record-spaces';
import { contactSchema } from '../../server/mail/contacts';
import { OUTBOX_DONE_SPACE, OUTBOX_SPACE, outboxEntrySchema } from '../../server/mail/outbox';
import { createBoard, eventually, join, openStore } from '../support/harness';
import { freePort } from '../support/child-server';
import { contribute, openCall } from '../support/moderation';
import { TestSmtp, type ReceivedMail } from '../support/smtp';
import { call, ok, refusal, socketOf, type TestSocket } from '../support/workshop';

const PUBLIC = 'http://samskab.test';

/**
 * E-mail follow-up against a real SMTP server in this process: what a contributor with
 * consent receives (receipt, decision, status, initiative), the facilitator's digest, the
 * one-click unsubscribe, and an SMTP outage that loses nothing.
 */
describe('e-mail follow-up', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let server: SamskabServer;
  let url: string;
  let smtp: TestSmtp;
  let board: CreateBoardResponse;
  let facilitator: SessionResponse;
  let socket: TestSocket;
  let callId: string;
  let records: Records;

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    env = await openStore('embedded', null);
    records = new Records(env.store);
    server = await createServer({
      store: env.store,
      config: testConfig({ publicUrl: PUBLIC, mail: { smtpUrl: smtp.url, from: 'Samskab <samskab@kommune.test>' } }),
      mail: { sender: { pollMs: 100, retryBaseMs: 100 }, jobIntervalMs: 0 },
    });
    url = (await server.listen(0, '127.0.0.1')).url;
    board = await createBoard(url, 'kickoff');
    facilitator = await join(url, board.boardId, board.tokens.facilitator, 'Fie');
    socket = await socketOf(url, facilitator);
    callId = (await openCall(socket, 'pre')).callId;
  });

  afterAll(async () => {
    socket.close();
    await server.close();
    await env.store.close();
    await env.cleanup();
    await smtp.stop();
  });

  async function send(email: string | null, locale: 'da' | 'en', text: string): Promise<{ id: string; receipt: ContributionReceipt }> {
    const id = randomId(16);
    const res = await contribute(url, callId, { id, text, email, consent: email !== null, locale });
    if (!res.body.ok) throw new Error(res.body.error.message);
    return { id, receipt: res.body.data };
  }

  async function mailsTo(address: string, count: number): Promise<ReceivedMail[]> {
    await eventually(() => smtp.to(address).length >= count, 15_000, `${count} mail(s) to ${address}`);
    return smtp.to(address);
  }

  it('sends a receipt in the contributor\u2019s language, plain text and HTML, with the receipt and unsubscribe links', async () => {
    const { receipt } = await send('ann@example.dk', 'en', 'Shade at the playground');
    const [mail] = await mailsTo('ann@example.dk', 1);
    expect(mail!.subject.startsWith('Thank you for your idea for')).toBe(true);
    expect(mail!.headers.get('from')).toContain('samskab@kommune.test');
    expect(mail!.text).toContain(receipt.receipt);
    expect(mail!.text).toContain(`${PUBLIC}/r/${receipt.receipt}`);
    expect(mail!.text).toContain('Shade at the playground');
    expect(mail!.html).toContain(`href="${PUBLIC}/r/${receipt.receipt}"`);
    expect(mail!.html).toContain('lang="en"');
    expect(mail!.headers.get('list-unsubscribe')).toMatch(new RegExp(`^<${PUBLIC}/api/mail/unsubscribe\\?t=`));
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers.get('message-id')).toMatch(/@samskab>$/);
  });

  it('says that follow-up by mail is on: the call form may ask for an address, the digest panel may offer a sign-up', async () => {
    const info = await (await fetch(`${url}/api/calls/${callId}`)).json();
    expect(info).toMatchObject({ ok: true, data: { followUpByMail: true } });
    expect(await ok(call(socket, 'mail:subscription', {}))).toMatchObject({ mailConfigured: true });
  });

  it('sends nothing to a contributor without an address, and refuses a malformed one', async () => {
    const bad = await contribute(url, callId, { text: 'x', email: 'not-an-address', consent: true });
    expect(bad.status).toBe(400);
    expect(bad.body.ok ? null : bad.body.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    const { id } = await send(null, 'da', 'Uden adresse');
    expect(await server.mail.outbox.get(`${board.boardId}/${id}/receipt`)).toBeNull();
  });

  it('sends the moderation decision: not published with the reason, and published', async () => {
    const rejected = await send('bo@example.dk', 'da', 'Noget helt andet');
    const listed = await send('bea@example.dk', 'en', 'Buy cheap watches');
    const published = await send('cy@example.dk', 'da', 'Flere træer på torvet');
    await ok(call(socket, 'moderation:decide', { itemIds: [rejected.id], decision: 'reject', reason: 'Uden for emnet' }));
    await ok(call(socket, 'moderation:decide', { itemIds: [published.id], decision: 'approve' }));
    await ok(call(socket, 'moderation:decide', { itemIds: [listed.id], decision: 'reject', reason: 'spam' }));
    const [, spam] = await mailsTo('bea@example.dk', 2);
    expect(spam!.text).toContain('Reason: It was judged to be spam or advertising.');
    const [, no] = await mailsTo('bo@example.dk', 2);
    expect(no!.subject).toContain('ikke offentliggjort');
    expect(no!.text).toContain('Begrundelse: Uden for emnet');
    const [, yes] = await mailsTo('cy@example.dk', 2);
    expect(yes!.subject).toContain('er offentliggjort');
  });

  it('sends each status change with its rationale, and joining an initiative', async () => {
    const { id } = await send('dan@example.dk', 'da', 'Cykelparkering ved stationen');
    await ok(call(socket, 'moderation:decide', { itemIds: [id], decision: 'approve' }));
    await mailsTo('dan@example.dk', 2);
    await ok(call(socket, 'idea:setStatus', { ideaId: id, status: 'considering' }));
    await ok(call(socket, 'idea:setStatus', { ideaId: id, status: 'not-taken-forward', rationale: 'Pladsen er fredet' }));
    const mails = await mailsTo('dan@example.dk', 4);
    expect(mails[2]!.subject).toContain('Overvejes');
    expect(mails[3]!.subject).toContain('Ikke videreført');
    expect(mails[3]!.text).toContain('Pladsen er fredet');
    await ok(
      call<Initiative>(socket, 'initiative:save', { fields: { title: 'Grøn station', scale: 'small', kind: 'new', ideaIds: [id] } }),
    );
    const withInitiative = await mailsTo('dan@example.dk', 5);
    expect(withInitiative[4]!.text).toContain('Grøn station');
  });

  it('sends a facilitator who asked for it a digest of waiting contributions, at most hourly', async () => {
    expect(await refusal(call(socket, 'mail:subscribe', { email: 'nope' }))).toBe(ErrorCode.VALIDATION_FAILED);
    const participant = await join(url, board.boardId, board.tokens.participant, 'Pia');
    const pSocket = await socketOf(url, participant);
    expect(await refusal(call(pSocket, 'mail:subscribe', { email: 'pia@example.dk' }))).toBe(ErrorCode.FORBIDDEN);
    pSocket.close();
    await ok(call(socket, 'mail:subscribe', { email: 'fie@kommune.test', locale: 'en' }));
    expect((await ok(call<{ subscription: unknown }>(socket, 'mail:subscription', {}))).subscription).toEqual({ email: 'fie@kommune.test', locale: 'en' });
    await send(null, 'da', 'Venter på moderation');
    expect(await server.mail.followUp.digests()).toBe(1);
    expect(await server.mail.followUp.digests()).toBe(0); // within the hour
    const [digest] = await mailsTo('fie@kommune.test', 1);
    expect(digest!.subject).toMatch(/^\d+ contributions? waits? for moderation on /);
    const stop = digest!.headers.get('list-unsubscribe')!.slice(1, -1).replace(PUBLIC, url);
    expect((await fetch(stop, { method: 'POST' })).status).toBe(200);
    expect((await ok(call<{ subscription: unknown }>(socket, 'mail:subscription', {}))).subscription).toBeNull();
    expect((await fetch(stop, { method: 'POST' })).status).toBe(404);
  });

  it('unsubscribes with one click: the address is deleted, no more mail; a used or forged link changes nothing', async () => {
    const { id } = await send('eva@example.dk', 'en', 'A bench by the lake');
    const [first] = await mailsTo('eva@example.dk', 1);
    const link = first!.headers.get('list-unsubscribe')!.slice(1, -1).replace(PUBLIC, url);
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const forgedRes = await fetch(forged);
    expect(forgedRes.status).toBe(403);
    expect(await records.get(SPACE.contacts(board.boardId), id, contactSchema)).not.toBeNull();
    const post = await fetch(forged, { method: 'POST' });
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.FORBIDDEN);

    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('unsubscribed');
    expect(await records.get(SPACE.contacts(board.boardId), id, contactSchema)).toBeNull();
    const again = await fetch(link, { method: 'POST' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(ErrorCode.NOT_FOUND);

    // A later event queues nothing for the deleted address, while others still get theirs.
    await ok(call(socket, 'moderation:decide', { itemIds: [id], decision: 'approve' }));
    const witness = await send('finn@example.dk', 'da', 'Vidne');
    await mailsTo('finn@example.dk', 1);
    expect(smtp.to('eva@example.dk')).toHaveLength(1);
    for (const space of [OUTBOX_SPACE, OUTBOX_DONE_SPACE]) {
      expect((await records.list(space, outboxEntrySchema)).some((r) => r.key.startsWith(`${board.boardId}/${id}/`))).toBe(false);
    }
    expect(witness.id).toBeTruthy();
  });

  it('keeps mail through an SMTP outage and sends it exactly once when the server is back', async () => {
    await smtp.stop();
    const { id } = await send('gry@example.dk', 'da', 'Under nedbruddet');
    const key = `${board.boardId}/${id}/receipt`;
    await eventually(async () => ((await records.get(OUTBOX_SPACE, key, outboxEntrySchema))?.value.attempts ?? 0) >= 2, 15_000, 'failed attempts');
    const failing = await records.get(OUTBOX_SPACE, key, outboxEntrySchema);
    expect(failing!.value.state).toBe('queued');
    expect(failing!.value.lastError).toBeTruthy();
    await smtp.start();
    await mailsTo('gry@example.dk', 1);
    // Marked sent, and moved out of what the senders poll.
    await eventually(async () => (await records.get(OUTBOX_DONE_SPACE, key, outboxEntrySchema))?.value.state === 'sent', 15_000, 'marked sent');
    await eventually(async () => (await records.get(OUTBOX_SPACE, key, outboxEntrySchema)) === null, 15_000, 'moved');
    await send('hal@example.dk', 'da', 'Efter nedbruddet');
    await mailsTo('hal@example.dk', 1);
    expect(smtp.to('gry@example.dk')).toHaveLength(1);
  });
});

describe('mail settings', () => {
  it('stops the server at start with a message naming the variable', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://localhost:25' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://localhost', MAIL_FROM: 'a@b.dk' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ CONTACT_RETENTION_DAYS: 'forever' })).toThrow(/CONTACT_RETENTION_DAYS/);
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.test:465', MAIL_FROM: 'Samskab <s@mail.test>' }).mail).toEqual({ smtpUrl: 'smtps://u:p@mail.test:465', from: 'Samskab <s@mail.test>' });
    expect(loadConfig({}).contactRetentionMs).toBe(365 * 24 * 60 * 60 * 1000);
  });
});
