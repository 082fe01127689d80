import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createBoard, join, openStore, startServer } from '../support/harness';
import { call, ok, socketOf } from '../support/workshop';
import type { PublicCall } from '../../shared';

/**
 * Framing and the site's own endpoints: only a public call's page may be framed, and only by
 * EMBED_ORIGINS; the per-call web app manifest; the statement's contact (docs/PROTOCOL.md).
 */
describe('the site around the board', () => {
  let opened: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let callId = '';

  beforeAll(async () => {
    opened = await openStore('embedded', null);
    running = await startServer(opened.store, { embedOrigins: ['https://www.ishoj.dk'], accessibilityContact: 'tilgaengelighed@ishoj.dk' });
    const board = await createBoard(running.url, 'citizens');
    const socket = await socketOf(running.url, await join(running.url, board.boardId, board.tokens.facilitator, 'Mette'));
    callId = (await ok(call<PublicCall>(socket, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'pre' }))).callId!;
    socket.close();
  });

  afterAll(async () => {
    await running.server.close();
    await opened.store.close();
    await opened.cleanup();
  });

  it('lets EMBED_ORIGINS frame a call page and nothing else', async () => {
    const callPage = await fetch(`${running.url}/c/${callId}`);
    expect(callPage.headers.get('content-security-policy')).toContain('frame-ancestors https://www.ishoj.dk');
    expect(callPage.headers.get('x-frame-options')).toBeNull();
    for (const path of ['/', `/b/${callId}`, '/r/ABCD-EFGH', '/api/site', '/tilgaengelighed']) {
      const res = await fetch(running.url + path);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  it('serves a call\u2019s own web app manifest and the statement\u2019s contact', async () => {
    const manifest = await fetch(`${running.url}/c/${callId}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = (await manifest.json()) as { start_url: string; display: string; icons: unknown[] };
    expect(body.start_url).toBe(`/c/${callId}`);
    expect(body.display).toBe('standalone');
    expect(body.icons.length).toBeGreaterThan(1);
    expect((await fetch(`${running.url}/c/nosuchcall1/manifest.webmanifest`)).status).toBe(404);
    expect(await (await fetch(`${running.url}/api/site`)).json()).toEqual({
      ok: true,
      data: { accessibilityContact: 'tilgaengelighed@ishoj.dk', embedding: true },
    });
  });

  it('refuses EMBED_ORIGINS entries that are not origins, at start', () => {
    expect(() => loadConfig({ EMBED_ORIGINS: 'https://www.ishoj.dk/borger' })).toThrow(/EMBED_ORIGINS/);
    expect(() => loadConfig({ EMBED_ORIGINS: 'www.ishoj.dk' })).toThrow(/EMBED_ORIGINS/);
    expect(loadConfig({ EMBED_ORIGINS: 'https://www.ishoj.dk, http://localhost:8080' }).embedOrigins).toEqual(['https://www.ishoj.dk', 'http://localhost:8080']);
    expect(loadConfig({}).embedOrigins).toEqual([]);
  });
});
