import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFile, send, urlOf } from '../../client/rest/api';

// The web client's one typed fetch: the route's method, path and query from the table, the
// session as Bearer, and only an Ack envelope taken as the server's answer.

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the typed REST fetch', () => {
  it('builds the path and query from the table, and sends the session and the body', async () => {
    const fetchMock = vi.fn(async () => json({ ok: true, data: { dismissed: ['a', 'b'] } }));
    vi.stubGlobal('fetch', fetchMock);
    const { result } = await send('dismissDuplicate', { params: { boardId: 'b/1' }, session: 's', body: { ideaIds: ['a', 'b'] } });
    expect(result).toEqual({ ok: true, data: { dismissed: ['a', 'b'] } });
    expect(fetchMock).toHaveBeenCalledWith('/api/boards/b%2F1/duplicates/dismiss', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer s' },
      body: JSON.stringify({ ideaIds: ['a', 'b'] }),
    });
    expect(urlOf('themes', { params: { boardId: 'b' }, query: { questionId: undefined } })).toBe('/api/boards/b/themes');
    expect(urlOf('overview', { query: new URLSearchParams({ phase: 'none' }) })).toBe('/api/overview?phase=none');
  });

  it('passes a refusal on with Retry-After, and takes anything but an Ack as no answer', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ ok: false, error: { code: 'RATE_LIMITED', message: 'wait' } }, 429, { 'Retry-After': '7' })));
    expect(await send('joinCodeInfo', { params: { code: 'ABCD' } })).toEqual({
      result: { ok: false, error: { code: 'RATE_LIMITED', message: 'wait' } },
      retryAfter: 7,
    });
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 'ok' }, 502)));
    expect((await send('site', {})).result).toEqual({ ok: false, offline: true });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    expect((await send('site', {})).result).toEqual({ ok: false, offline: true });
  });

  it('fetches a file as a blob, or the refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('a;b\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } })));
    const file = await fetchFile('overviewCsv', { session: 's', query: { sep: ';' } });
    expect(file.ok && (await file.data.text())).toBe('a;b\r\n');
    vi.stubGlobal('fetch', vi.fn(async () => json({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'no' } }, 401)));
    expect(await fetchFile('overviewCsv', { session: 's' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'no' } });
  });
});
