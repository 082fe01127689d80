import type { Ack, Beacon, Overview, OverviewThemesResponse } from '../../shared';
import type { ApiResult } from '../rest/http';

/**
 * The coordinator's REST calls. Its own small fetch (not rest/http.ts) because it needs
 * PUT and a file download with a Bearer token; the answers keep the same ApiResult shape,
 * so "no answer" stays apart from a refusal.
 */
async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, sessionToken: string | null, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (sessionToken) headers.Authorization = `Bearer ${sessionToken}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    return { ok: false, offline: true };
  }
  try {
    return (await response.json()) as Ack<T>;
  } catch {
    return { ok: false, offline: true };
  }
}

/** Trades the token of the coordinator link for a session token. */
export function startCoordinatorSession(token: string): Promise<ApiResult<{ sessionToken: string }>> {
  return call('POST', '/api/coordinator/sessions', null, { token });
}

export function fetchOverview(sessionToken: string, query: string): Promise<ApiResult<Overview>> {
  return call('GET', `/api/overview${query ? `?${query}` : ''}`, sessionToken);
}

export function fetchOverviewThemes(sessionToken: string, boardId: string | null): Promise<ApiResult<OverviewThemesResponse>> {
  return call('GET', `/api/overview/themes${boardId ? `?boardId=${encodeURIComponent(boardId)}` : ''}`, sessionToken);
}

export function fetchInstallationBeacons(): Promise<ApiResult<{ beacons: Beacon[] }>> {
  return call('GET', '/api/installation/beacons', null);
}

export function saveInstallationBeacons(sessionToken: string, beacons: Beacon[]): Promise<ApiResult<{ beacons: Beacon[] }>> {
  return call('PUT', '/api/installation/beacons', sessionToken, { beacons });
}

export function rotateCoordinatorLink(sessionToken: string): Promise<ApiResult<{ link: string; token: string }>> {
  return call('POST', '/api/coordinator/rotate', sessionToken);
}

/**
 * The overview as a CSV or Excel file. A plain link cannot carry the Bearer token, so the
 * file is fetched and handed to the browser as a blob.
 */
export async function fetchOverviewFile(sessionToken: string, format: 'csv' | 'xlsx', query: string): Promise<ApiResult<Blob>> {
  let response: Response;
  try {
    response = await fetch(`/api/overview/export.${format}?${query}`, {
      headers: { Authorization: `Bearer ${sessionToken}` },
      cache: 'no-store',
    });
  } catch {
    return { ok: false, offline: true };
  }
  if (response.ok) return { ok: true, data: await response.blob() };
  try {
    return (await response.json()) as Ack<Blob>;
  } catch {
    return { ok: false, offline: true };
  }
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
