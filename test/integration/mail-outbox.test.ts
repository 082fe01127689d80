import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { randomId } from '../../shared';
import { createServer, type SamskabServer } from '../../server/create-server';
import { testConfig } from '../../server/config';
import { RedisStore } from '../../server/store/redis-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { Records } from '../../server/core/records';
import { Outbox } from '../../server/mail/outbox';
import { createBoard, eventually, join } from '../support/harness';
import { freePort, killHard, startChildServer } from '../support/child-server';
import { contribute, openCall } from '../support/moderation';
import { TestSmtp } from '../support/smtp';
import { socketOf } from '../support/workshop';

const redisUrl = inject('redisUrl');

/**
 * The outbox's promise: a mail queued with its event survives the server being killed
 * before it was sent, and arrives exactly once; two processes sharing Redis never both send one.
 */
describe('the mail outbox', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('sends a mail exactly once after the server was SIGKILLed between the event and the send', async () => {
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-mail-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const smtp = new TestSmtp(await freePort());
    cleanups.push(() => smtp.stop());
    const port = String(await freePort());
    const env = {
      PORT: port,
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url, // nothing listens there yet: the first server cannot send
      MAIL_FROM: 'Samskab <samskab@kommune.test>',
    };
    let server = await startChildServer(env);
    cleanups.push(() => killHard(server.child));
    const board = await createBoard(server.url, 'kickoff');
    const facilitator = await socketOf(server.url, await join(server.url, board.boardId, board.tokens.facilitator, 'Fie'));
    const { callId } = await openCall(facilitator, 'post');
    facilitator.close();
    const sent = await contribute(server.url, callId, { text: 'Sendt før nedbruddet', email: 'ida@example.dk', consent: true, locale: 'da' });
    expect(sent.status).toBe(201);

    await killHard(server.child);
    await smtp.start();
    server = await startChildServer(env);
    cleanups.push(() => killHard(server.child));

    await eventually(() => smtp.to('ida@example.dk').length >= 1, 30_000, 'the receipt mail after the restart');
    // A later mail goes out after it (oldest first): by then a duplicate would have come too.
    await contribute(server.url, callId, { text: 'Efter genstart', email: 'jon@example.dk', consent: true });
    await eventually(() => smtp.to('jon@example.dk').length >= 1, 30_000, 'a later mail');
    expect(smtp.to('ida@example.dk')).toHaveLength(1);
    expect(smtp.to('ida@example.dk')[0]!.text).toContain('Sendt før nedbruddet');
    // Two child processes start (tsx compiles each) and two mails may wait out a retry: the
    // waits above allow 30 s each, so the test as a whole needs more than the default 30 s.
  }, 120_000);

  it('does not wait out the lease of a process that died mid-send when no other process can share the store', async () => {
    // A kill can land between claiming a mail (a two-minute lease) and sending it. On a store
    // only one process opens (embedded), that lease's owner is certainly gone: the restarted
    // server sends at once instead of two minutes later.
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-mail-lease-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const smtp = new TestSmtp(await freePort());
    cleanups.push(() => smtp.stop());
    const mailConfig = (url: string) => testConfig({ publicUrl: 'http://samskab.test', mail: { smtpUrl: url, from: 'samskab@kommune.test' } });
    // First life: SMTP is down and retries are far apart, so the mail stays queued.
    let store = await EmbeddedStore.open(dataDir);
    let server = await createServer({ store, config: mailConfig(smtp.url), mail: { sender: { pollMs: 60_000, retryBaseMs: 600_000 }, jobIntervalMs: 0 } });
    const url = (await server.listen(0, '127.0.0.1')).url;
    const board = await createBoard(url, 'kickoff');
    const facilitator = await socketOf(url, await join(url, board.boardId, board.tokens.facilitator, 'Fie'));
    const { callId } = await openCall(facilitator, 'post');
    facilitator.close();
    expect((await contribute(url, callId, { text: 'Midt i afsendelsen', email: 'ida@example.dk', consent: true })).status).toBe(201);
    await server.close();
    // As a process killed mid-send leaves it: claimed (a claim takes only a due entry) by an
    // owner that no longer exists, for two minutes.
    const outbox = new Outbox(new Records(store));
    const [entry] = await outbox.all();
    expect(entry).toBeDefined();
    const held = await outbox.claim({ ...entry!, value: { ...entry!.value, nextAttemptAt: Date.now() } }, 'a-process-that-was-killed', Date.now() + 120_000);
    expect(held?.value.lease?.owner).toBe('a-process-that-was-killed');
    await store.close();

    // Second life: SMTP is up; the mail goes out long before the lease would have expired.
    await smtp.start();
    store = await EmbeddedStore.open(dataDir);
    server = await createServer({ store, config: mailConfig(smtp.url), mail: { sender: { pollMs: 50, retryBaseMs: 50 }, jobIntervalMs: 0 } });
    cleanups.push(async () => {
      await server.close();
      await store.close();
    });
    await server.listen(0, '127.0.0.1');
    await eventually(() => smtp.to('ida@example.dk').length >= 1, 30_000, 'the mail a killed process had claimed');
    expect(smtp.to('ida@example.dk')).toHaveLength(1);
  }, 60_000);

  it.skipIf(!redisUrl)('two processes on one Redis send each mail once (claimed with a lease)', async () => {
    const smtp = new TestSmtp(await freePort());
    await smtp.start();
    cleanups.push(() => smtp.stop());
    const prefix = `mail${randomId(8)}:`;
    const servers: SamskabServer[] = [];
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await RedisStore.connect(redisUrl!, { keyPrefix: prefix });
      const server = await createServer({
        store,
        config: testConfig({ publicUrl: 'http://samskab.test', mail: { smtpUrl: smtp.url, from: 'samskab@kommune.test' } }),
        mail: { sender: { pollMs: 20, retryBaseMs: 50 }, jobIntervalMs: 0 },
      });
      servers.push(server);
      urls.push((await server.listen(0, '127.0.0.1')).url);
      cleanups.push(async () => {
        await server.close();
        await store.close();
      });
    }
    const board = await createBoard(urls[0]!, 'kickoff');
    const facilitator = await socketOf(urls[0]!, await join(urls[0]!, board.boardId, board.tokens.facilitator, 'Fie'));
    cleanups.push(() => void facilitator.close());
    const { callId } = await openCall(facilitator, 'post');
    const addresses = Array.from({ length: 12 }, (_, i) => `p${i}@example.dk`);
    await Promise.all(addresses.map((email, i) => contribute(urls[i % 2]!, callId, { text: `Idé ${i}`, email, consent: true })));
    await eventually(() => addresses.every((a) => smtp.to(a).length >= 1), 30_000, 'every receipt');
    // One more round of polling on both processes: nothing is sent twice.
    await contribute(urls[0]!, callId, { text: 'Sidste', email: 'last@example.dk', consent: true });
    await eventually(() => smtp.to('last@example.dk').length >= 1, 30_000, 'the last mail');
    for (const address of addresses) expect(smtp.to(address)).toHaveLength(1);
  });
});
