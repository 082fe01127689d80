import { describe, expect, it } from 'vitest';
import { ErrorCode, contributionRequestSchema, type ContributionReceipt } from '../../shared';
import { EMPTY_DRAFT, toRequest } from '../../client/call/draft';
import { Outbox, type OutboxEntry } from '../../client/call/outbox';
import { OutboxSender, backoffSeconds, type Clock, type PostContribution } from '../../client/call/outbox-sender';
import { listReceipts, rememberReceipt, MAX_RECEIPTS } from '../../client/call/receipts';
import type { Sent } from '../../client/rest/http';
import type { StorageLike } from '../../client/call/local-store';

/** localStorage in memory, optionally refusing writes (a full or disabled store). */
function memoryStorage(refuseWrites = false): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
}

function entry(id: string, callId = 'call-one', queuedAt = 1): OutboxEntry {
  const draft = { ...EMPTY_DRAFT, text: `Idé ${id}` };
  return { id, callId, request: toRequest(draft, id, 'da', []), draft, queuedAt, attempts: 0 };
}

const receiptFor = (id: string): ContributionReceipt => ({ receipt: `AAAA-BBBB-${id.slice(-4).toUpperCase()}`, state: 'pending', statusUrl: '' });
const ok = (id: string): Sent<ContributionReceipt> => ({ result: { ok: true, data: receiptFor(id) }, retryAfter: null });
const offline: Sent<ContributionReceipt> = { result: { ok: false, offline: true }, retryAfter: null };
const refusal = (code: ErrorCode, retryAfter: number | null = null): Sent<ContributionReceipt> => ({
  result: { ok: false, error: { code, message: code } },
  retryAfter,
});

/** A clock the test moves by hand; timers fire when it passes them. */
function fakeClock(): Clock & { advance(ms: number): void; timers: number } {
  let now = 1_000;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((t) => t !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    get timers() {
      return timers.length;
    },
  };
}

function setup(answers: (entry: OutboxEntry, attempt: number) => Sent<ContributionReceipt>) {
  const storage = memoryStorage();
  const outbox = new Outbox(storage);
  const clock = fakeClock();
  const sent: string[] = [];
  const refused: string[] = [];
  const posted: string[] = [];
  const post: PostContribution = async (e) => {
    posted.push(e.id);
    return answers(e, posted.length);
  };
  const sender = new OutboxSender(
    outbox,
    'call-one',
    post,
    { sent: (e) => sent.push(e.id), refused: (e) => refused.push(e.id), changed: () => undefined },
    clock,
  );
  return { storage, outbox, clock, sender, sent, refused, posted };
}

describe('call outbox storage', () => {
  it('keeps entries over a reload, oldest first, per call', () => {
    const storage = memoryStorage();
    new Outbox(storage).put(entry('second', 'call-one', 20));
    new Outbox(storage).put(entry('first', 'call-one', 10));
    new Outbox(storage).put(entry('other', 'call-two', 5));
    const reloaded = new Outbox(storage);
    expect(reloaded.list('call-one').map((e) => e.id)).toEqual(['first', 'second']);
    expect(reloaded.list().map((e) => e.id)).toEqual(['other', 'first', 'second']);
    reloaded.remove('first');
    expect(new Outbox(storage).list('call-one').map((e) => e.id)).toEqual(['second']);
  });

  it('replaces an entry by id instead of keeping two', () => {
    const outbox = new Outbox(memoryStorage());
    outbox.put(entry('same'));
    outbox.countAttempt('same');
    expect(outbox.list()).toHaveLength(1);
    expect(outbox.list()[0]!.attempts).toBe(1);
  });

  it('skips damaged entries and survives garbage in storage', () => {
    const storage = memoryStorage();
    storage.setItem('samskab.outbox', JSON.stringify([{ nonsense: true }, entry('good')]));
    expect(new Outbox(storage).list().map((e) => e.id)).toEqual(['good']);
    storage.setItem('samskab.outbox', '{not json');
    expect(new Outbox(storage).list()).toEqual([]);
  });

  it('still holds an entry in memory when the device will not store it', () => {
    const outbox = new Outbox(memoryStorage(true));
    expect(outbox.put(entry('kept'))).toBe(false);
    expect(outbox.list().map((e) => e.id)).toEqual(['kept']);
    outbox.remove('kept');
    expect(outbox.list()).toEqual([]);
  });

  it('builds requests the server schema accepts', () => {
    const request = entry('abcdefgh').request;
    expect(contributionRequestSchema.safeParse(request).success).toBe(true);
  });
});

describe('call outbox sender', () => {
  it('sends each entry once and empties the outbox', async () => {
    const s = setup((e) => ok(e.id));
    s.outbox.put(entry('one-aaaa', 'call-one', 1));
    s.outbox.put(entry('two-bbbb', 'call-one', 2));
    s.outbox.put(entry('elsewhere', 'call-two', 3));
    await s.sender.flush();
    expect(s.posted).toEqual(['one-aaaa', 'two-bbbb']);
    expect(s.sent).toEqual(['one-aaaa', 'two-bbbb']);
    expect(s.outbox.list().map((e) => e.id)).toEqual(['elsewhere']);
  });

  it('keeps everything when offline, and sends it when asked again', async () => {
    let online = false;
    const s = setup((e) => (online ? ok(e.id) : offline));
    s.outbox.put(entry('one-aaaa', 'call-one', 1));
    s.outbox.put(entry('two-bbbb', 'call-one', 2));
    await s.sender.flush();
    // The first failure stops the pass: the second would fail the same way.
    expect(s.posted).toEqual(['one-aaaa']);
    expect(s.sender.status('one-aaaa')).toEqual({ kind: 'offline' });
    expect(s.sender.status('two-bbbb')).toEqual({ kind: 'offline' });
    expect(s.outbox.list()).toHaveLength(2);

    online = true;
    await s.sender.flush();
    expect(s.sent).toEqual(['one-aaaa', 'two-bbbb']);
    expect(s.outbox.list()).toEqual([]);
  });

  it('overlapping flushes become one more pass, never a parallel resend', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const s = setup((e) => ok(e.id));
    const slowPost = s.posted;
    s.outbox.put(entry('one-aaaa'));
    const sender = new OutboxSender(
      s.outbox,
      'call-one',
      async (e) => {
        slowPost.push(e.id);
        await gate;
        return ok(e.id);
      },
      { sent: (e) => s.sent.push(e.id), refused: () => undefined, changed: () => undefined },
      s.clock,
    );
    const first = sender.flush();
    void sender.flush();
    void sender.flush();
    release();
    await first;
    await sender.flush();
    expect(slowPost).toEqual(['one-aaaa']);
    expect(s.sent).toEqual(['one-aaaa']);
  });

  it('waits as long as Retry-After says when rate limited, then sends', async () => {
    const s = setup((e, attempt) => (attempt === 1 ? refusal(ErrorCode.RATE_LIMITED, 30) : ok(e.id)));
    s.outbox.put(entry('one-aaaa'));
    await s.sender.flush();
    expect(s.sender.status('one-aaaa')).toMatchObject({ kind: 'waiting', seconds: 30, rateLimited: true });
    // Asking early (an `online` event, the periodic retry) does not send before the wait is over.
    await s.sender.flush();
    s.clock.advance(29_000);
    await Promise.resolve();
    expect(s.posted).toEqual(['one-aaaa']);
    s.clock.advance(1_000);
    await s.sender.flush();
    expect(s.posted).toEqual(['one-aaaa', 'one-aaaa']);
    expect(s.sent).toEqual(['one-aaaa']);
    expect(s.outbox.list()).toEqual([]);
  });

  it('backs off when the server is unwell and says no wait', async () => {
    const s = setup((e, attempt) => (attempt === 1 ? refusal(ErrorCode.STORE_UNAVAILABLE) : ok(e.id)));
    s.outbox.put(entry('one-aaaa'));
    await s.sender.flush();
    expect(s.sender.status('one-aaaa')).toMatchObject({ kind: 'waiting', seconds: backoffSeconds(1), rateLimited: false });
    s.clock.advance(backoffSeconds(1) * 1000);
    await s.sender.flush();
    expect(s.sent).toEqual(['one-aaaa']);
    expect([1, 2, 3, 4, 5, 9].map(backoffSeconds)).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('hands a refused entry back and goes on with the next', async () => {
    const s = setup((e) => (e.id === 'bad-aaaa' ? refusal(ErrorCode.VALIDATION_FAILED) : ok(e.id)));
    s.outbox.put(entry('bad-aaaa', 'call-one', 1));
    s.outbox.put(entry('good-bbbb', 'call-one', 2));
    await s.sender.flush();
    expect(s.refused).toEqual(['bad-aaaa']);
    expect(s.sent).toEqual(['good-bbbb']);
    expect(s.outbox.list()).toEqual([]);
  });

  it('stops after dispose', async () => {
    const s = setup((e) => ok(e.id));
    s.outbox.put(entry('one-aaaa'));
    s.sender.dispose();
    await s.sender.flush();
    expect(s.posted).toEqual([]);
    expect(s.outbox.list()).toHaveLength(1);
  });
});

describe('remembered receipts', () => {
  it('lists newest first per call, once per code, and keeps a bounded number', () => {
    const storage = memoryStorage();
    rememberReceipt({ receipt: 'AAAA-AAAA-AAAA', callId: 'c1', excerpt: 'a', sentAt: 1, state: 'pending' }, storage);
    rememberReceipt({ receipt: 'BBBB-BBBB-BBBB', callId: 'c1', excerpt: 'b', sentAt: 2, state: 'published' }, storage);
    rememberReceipt({ receipt: 'AAAA-AAAA-AAAA', callId: 'c1', excerpt: 'a', sentAt: 1, state: 'pending' }, storage);
    rememberReceipt({ receipt: 'CCCC-CCCC-CCCC', callId: 'c2', excerpt: 'c', sentAt: 3, state: 'pending' }, storage);
    expect(listReceipts('c1', storage).map((r) => r.receipt)).toEqual(['BBBB-BBBB-BBBB', 'AAAA-AAAA-AAAA']);
    for (let i = 0; i < MAX_RECEIPTS + 5; i++) {
      rememberReceipt({ receipt: `R${i}`, callId: 'c3', excerpt: '', sentAt: 10 + i, state: 'pending' }, storage);
    }
    expect(listReceipts(undefined, storage)).toHaveLength(MAX_RECEIPTS);
  });
});
