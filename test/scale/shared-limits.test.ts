import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ErrorCode } from '../../shared';
import { DEFAULT_ABUSE_LIMITS } from '../../server/moderation/abuse-limits';
import { killHard, startChildServer } from '../support/child-server';

const redisUrl = inject('redisUrl');

/**
 * Two server processes on one Redis, at the production allowances: the per-address limits
 * are counted in Redis, so a burst spread over both processes meets one limit, not two.
 */
describe.skipIf(!redisUrl)('rate limits shared by two processes on one Redis', () => {
  const env = { REDIS_URL: `${redisUrl}/10` };
  let a: Awaited<ReturnType<typeof startChildServer>>;
  let b: Awaited<ReturnType<typeof startChildServer>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
  });
  afterAll(async () => {
    await Promise.all([killHard(a.child), killHard(b.child)]);
  });

  it('stops a board-creation burst spread over both processes at one allowance', async () => {
    const statuses: number[] = [];
    let refusal: Response | null = null;
    for (let i = 0; i < 100; i++) {
      const server = i % 2 ? b : a;
      const res = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.20' },
        body: JSON.stringify({ template: 'blank' }),
      });
      statuses.push(res.status);
      if (res.status === 429) refusal ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULT_ABUSE_LIMITS.boardsPerIp.points);
    expect(statuses.indexOf(429)).toBe(DEFAULT_ABUSE_LIMITS.boardsPerIp.points);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refusal?.json()).toMatchObject({ ok: false, error: { code: ErrorCode.RATE_LIMITED } });
  });

  it('counts wrong join codes across both processes', async () => {
    const from = { 'x-forwarded-for': '203.0.113.21' };
    const misses = DEFAULT_ABUSE_LIMITS.joinFailuresPerIp.points;
    for (let i = 0; i < misses; i++) {
      const res = await fetch(`${(i % 2 ? b : a).url}/api/join/AAAAAA`, { headers: from });
      expect(res.status).toBe(404);
    }
    for (const server of [a, b]) {
      const res = await fetch(`${server.url}/api/join/AAAAAA`, { headers: from });
      expect(res.status).toBe(429);
    }
  });
});
