import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ContributionReceipt, CreateBoardResponse } from '../../shared';
import { createServer } from '../../server/create-server';
import { testConfig } from '../../server/config';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { openCall } from '../support/moderation';
import { socketOf, workshopEnv, type WorkshopEnv } from '../support/workshop';

/** A POST with a Host header of the sender's choosing (fetch does not let a caller set Host). */
function postWithHost<T>(base: string, path: string, host: string, body: unknown): Promise<{ status: number; body: Ack<T> }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Ack<T> }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function contribution(website = '') {
  return { id: `c${Math.random().toString(36).slice(2, 14)}`, text: 'Flere bænke ved Ishøj Strand', website, consent: false, email: null };
}

describe.each([
  { name: 'without PUBLIC_URL', publicUrl: undefined, base: '' },
  { name: 'with PUBLIC_URL', publicUrl: 'https://samskab.ishoj.dk', base: 'https://samskab.ishoj.dk' },
])('links $name', ({ publicUrl, base }) => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null, { publicUrl });
  });
  afterAll(() => env.close());

  it('never builds board links from the request Host', async () => {
    const created = await postWithHost<CreateBoardResponse>(env.url, '/api/boards', 'evil.example', { template: 'kickoff' });
    expect(created.status).toBe(201);
    if (!created.body.ok) throw new Error(created.body.error.code);
    const { boardId, links, tokens } = created.body.data;
    expect(links).toEqual({
      facilitator: `${base}/b/${boardId}#k=${tokens.facilitator}`,
      participant: `${base}/b/${boardId}#k=${tokens.participant}`,
      observer: `${base}/b/${boardId}/screen#k=${tokens.observer}`,
    });
  });

  it('gives a contribution a receipt link without Host, and a honeypot hit none', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const { callId } = await openCall(await socketOf(env.url, lead), 'pre');
    const path = `/api/calls/${callId}/contributions`;
    const real = await postWithHost<ContributionReceipt>(env.url, path, 'evil.example', contribution());
    expect(real.status).toBe(201);
    if (!real.body.ok) throw new Error(real.body.error.code);
    expect(real.body.data.statusUrl).toBe(`${base}/r/${real.body.data.receipt}`);
    const bot = await postWithHost<ContributionReceipt>(env.url, path, 'evil.example', contribution('http://spam.example'));
    expect(bot.status).toBe(201);
    expect(bot.body).toMatchObject({ ok: true, data: { state: 'pending', statusUrl: '' } });
  });
});

describe('the coordinator link file', () => {
  it('names the address the server really listens at when PUBLIC_URL is unset', async () => {
    const dataDir = await mkdtemp(joinPath(tmpdir(), 'samskab-links-'));
    const store = await EmbeddedStore.open(joinPath(dataDir, 'db'));
    const server = await createServer({ store, config: testConfig({ dataDir, publicUrl: undefined, coordinatorToken: undefined }) });
    try {
      const { url, port } = await server.listen(0, '127.0.0.1');
      expect(port).not.toBe(3000);
      const link = (await readFile(joinPath(dataDir, 'coordinator-link.txt'), 'utf8')).trim();
      expect(link).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}/coordinator#k=[A-Za-z0-9_-]+$`));
      const token = link.split('#k=')[1];
      const res = await fetch(`${url}/api/coordinator/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
      expect(res.status).toBe(201);
    } finally {
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
