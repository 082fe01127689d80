import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchExport, type ExportProgress } from '../../client/outcomes/export-download';
import { request } from '../../client/rest/api';

/** A response whose body arrives in the given pieces. */
function streamed(pieces: string[], headers: Record<string, string>, status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, { status, headers });
}

const ack = (status: number, code: string) =>
  new Response(JSON.stringify({ ok: false, error: { code, message: 'nope' } }), { status, headers: { 'Content-Type': 'application/json' } });

const run = (signal = new AbortController().signal) => {
  const progress: ExportProgress[] = [];
  const outcome = fetchExport({
    boardId: 'b',
    format: 'csv',
    query: new URLSearchParams({ lang: 'da', sep: ';' }),
    sessionToken: 'secret',
    signal,
    fallbackName: 'samskab-b.csv',
    onProgress: (p) => progress.push(p),
  });
  return { outcome, progress };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchExport', () => {
  it('reads the body piece by piece against Content-Length (bytes, æ and é are two), under the server\'s file name', async () => {
    const fetchMock = vi.fn(async () =>
      streamed(['id;idé\r\n', '1;Bænke\r\n', '2;Skygge\r\n'], {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': '29',
        'Content-Disposition': 'attachment; filename="kick-off-2024-05-29.csv"',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { outcome, progress } = run();
    const result = await outcome;
    expect(fetchMock).toHaveBeenCalledWith('/api/boards/b/export/csv?lang=da&sep=%3B', expect.objectContaining({ headers: { Authorization: 'Bearer secret' } }));
    if (!result.ok) throw new Error(result.failure.kind);
    expect(result.fileName).toBe('kick-off-2024-05-29.csv');
    expect(result.blob.type).toBe('text/csv; charset=utf-8');
    expect(await result.blob.text()).toBe('id;idé\r\n1;Bænke\r\n2;Skygge\r\n');
    expect(progress[0]).toEqual({ received: 0, total: 29 });
    expect(progress.map((p) => p.received)).toEqual([0, 9, 19, 29]);
    expect(progress.every((p) => p.total === 29)).toBe(true);
  });

  it('tells a missing PDF printer, an expired session, a refusal and no connection apart', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => ack(503, 'EXPORT_UNAVAILABLE')));
    expect(await run().outcome).toEqual({ ok: false, failure: { kind: 'unavailable' } });
    vi.stubGlobal('fetch', vi.fn(async () => ack(401, 'UNAUTHENTICATED')));
    expect(await run().outcome).toEqual({ ok: false, failure: { kind: 'unauthenticated' } });
    vi.stubGlobal('fetch', vi.fn(async () => ack(403, 'FORBIDDEN')));
    expect(await run().outcome).toEqual({ ok: false, failure: { kind: 'refused', code: 'FORBIDDEN' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(await run().outcome).toEqual({ ok: false, failure: { kind: 'offline' } });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await run().outcome).toEqual({ ok: false, failure: { kind: 'offline' } });
  });

  it('stops when cancelled, mid-body too', async () => {
    const controller = new AbortController();
    let push: (() => void) | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('first piece'));
        push = () => c.error(new DOMException('aborted', 'AbortError'));
      },
    });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { headers: { 'Content-Length': '1000' } })));
    const { outcome, progress } = run(controller.signal);
    await vi.waitFor(() => expect(progress.at(-1)?.received).toBe(11));
    controller.abort();
    push!();
    expect(await outcome).toEqual({ ok: false, failure: { kind: 'aborted' } });
  });
});

describe('request (the typed REST fetch)', () => {
  it('posts the request with the session and returns the Ack', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, data: { boardId: 'n', carried: 2 } }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await request('startRound', { params: { boardId: 'b' }, session: 'secret', body: { title: 'Runde 2', statuses: ['selected'] } });
    expect(result).toEqual({ ok: true, data: { boardId: 'n', carried: 2 } });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/boards/b/rounds',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ title: 'Runde 2', statuses: ['selected'] }) }),
    );
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    expect(await request('startRound', { params: { boardId: 'b' }, session: 'secret', body: {} })).toEqual({ ok: false, offline: true });
  });
});
