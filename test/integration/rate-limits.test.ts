import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode, ideasMap, type Ack } from '../../shared';
import { DEFAULT_ABUSE_LIMITS } from '../../server/moderation/abuse-limits';
import { eventually } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { socketOf, workshopEnv, type WorkshopEnv } from '../support/workshop';

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | null;
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const ack = (await res.json()) as Ack<unknown>;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: ack.ok ? null : ack.error.code };
}

/** Sends `count` requests one after another; returns the answers. */
async function burst(count: number, send: (i: number) => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < count; i++) answers.push(await send(i));
  return answers;
}

function expectCutOff(answers: Answer[], allowed: number): void {
  const limited = answers.findIndex((a) => a.status === 429);
  expect(limited).toBe(allowed);
  for (const a of answers.slice(limited)) {
    expect(a).toMatchObject({ status: 429, code: ErrorCode.RATE_LIMITED });
    expect(Number(a.retryAfter)).toBeGreaterThan(0);
  }
}

/** The production allowances (testConfig lifts some for the other tests: `limits: {}` puts them back). */
describe('rate limits per address, at the production allowances', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null, { limits: {} });
  });
  afterAll(() => env.close());

  it('cuts a burst of 200 board creations off after 40', async () => {
    // From an address of its own (TRUST_PROXY trusts the loopback "proxy"): the other tests make boards too.
    const answers = await burst(200, () => post(env.url, '/api/boards', { template: 'blank' }, { 'x-forwarded-for': '203.0.113.9' }));
    expect(answers.slice(0, 40).every((a) => a.status === 201)).toBe(true);
    expectCutOff(answers, DEFAULT_ABUSE_LIMITS.boardsPerIp.points);
  });

  it('cuts a burst of 50 restores off after 10, refused ones included, before reading the body', async () => {
    const answers = await burst(50, () => post(env.url, '/api/boards/restore', { not: 'a backup' }, { 'x-forwarded-for': '203.0.113.7' }));
    expect(answers.slice(0, 10).every((a) => a.status === 400)).toBe(true);
    expectCutOff(answers, DEFAULT_ABUSE_LIMITS.restoresPerIp.points);
  });

  it('limits sessions per address, and another address is not affected', async () => {
    const board = await env.board('blank');
    const from = { 'x-forwarded-for': '198.51.100.4' };
    const answers = await burst(DEFAULT_ABUSE_LIMITS.sessionsPerIp.points + 5, () =>
      post(env.url, `/api/boards/${board.boardId}/sessions`, { token: 'wrong-token-0123456789', displayName: null }, from),
    );
    expectCutOff(answers, DEFAULT_ABUSE_LIMITS.sessionsPerIp.points);
    // The coordinator's sign-in is a session too, on the same count.
    const coordinator = await post(env.url, '/api/coordinator/sessions', { token: 'not-the-coordinator-token' }, from);
    expect(coordinator).toMatchObject({ status: 429, code: ErrorCode.RATE_LIMITED });
    const other = await post(env.url, `/api/boards/${board.boardId}/sessions`, { token: board.tokens.participant, displayName: 'Ane' }, { 'x-forwarded-for': '198.51.100.5' });
    expect(other.status).toBe(201);
  });

  it('limits new ideas over Yjs per participant session with RATE_LIMITED and close 4429, and keeps the idea', async () => {
    const board = await env.board('blank');
    const ane = await env.yjs(await env.session(board, 'participant', 'Ane'));
    const allowance = DEFAULT_ABUSE_LIMITS.ideasPerSession.points;
    ane.doc.transact(() => {
      for (let i = 0; i < allowance; i++) ane.addIdea({ text: `Idé ${i}` });
    });
    await eventually(() => ane.allSaved, 15_000, 'the allowance saved');
    const extra = ane.addIdea({ text: 'Én for meget' });
    await eventually(() => ane.closes.includes(CloseCode.RATE_LIMITED), 10_000, 'close 4429');
    expect(ane.errors.map((e) => e.code)).toContain(ErrorCode.RATE_LIMITED);
    expect(ideasMap(ane.doc).has(extra.id)).toBe(true); // still on the device, sent again later

    // A facilitator is not counted.
    const lead = await env.yjs(await env.session(board, 'facilitator', 'Lead'));
    lead.doc.transact(() => {
      for (let i = 0; i <= allowance; i++) lead.addIdea({ text: `Facilitatorens idé ${i}` });
    });
    await eventually(() => lead.allSaved, 15_000, 'the facilitator saved');
    expect(lead.errors).toEqual([]);
  });
});

describe('contributions per device', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null, { limits: { contributionsPerDevice: { points: 2, seconds: 60 } } });
  });
  afterAll(() => env.close());

  it('counts a device id per address: the same id from another address has its own allowance', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const { callId } = await openCall(await socketOf(env.url, lead), 'pre');
    const at = (ip: string) => ({ 'x-samskab-device': 'shared-device-id', 'x-forwarded-for': ip });
    const first = [await contribute(env.url, callId, {}, at('192.0.2.1')), await contribute(env.url, callId, {}, at('192.0.2.1'))];
    expect(first.map((r) => r.status)).toEqual([201, 201]);
    const over = await contribute(env.url, callId, {}, at('192.0.2.1'));
    expect(over.status).toBe(429);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    // Someone else who sends the same id (copied, or made up) is not locked out by it.
    expect((await contribute(env.url, callId, {}, at('192.0.2.2'))).status).toBe(201);
  });
});
