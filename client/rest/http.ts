import type {
  Ack,
  CreateBoardRequest,
  CreateBoardResponse,
  CreateSessionRequest,
  JoinByCodeRequest,
  JoinCodeInfo,
  ProtocolError,
  SessionResponse,
} from '../../shared';

// Not named `api/`: the dev server proxies /api/* to the backend, which would swallow this module's own URL.

/**
 * What a REST call can end in: the server's answer (always an Ack), or no answer at all.
 * "No answer" is kept apart from refusals because the board must keep working offline
 * from what this device already has.
 */
export type ApiResult<T> = Ack<T> | { ok: false; offline: true };

export function isOffline<T>(result: ApiResult<T>): result is { ok: false; offline: true } {
  return !result.ok && 'offline' in result;
}

export function errorOf<T>(result: ApiResult<T>): ProtocolError | null {
  return !result.ok && 'error' in result ? result.error : null;
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  sessionToken?: string,
): Promise<ApiResult<T>> {
  return (await send<T>(method, path, body, sessionToken)).result;
}

/** The answer and, when the server asks for patience (429), how many seconds it asks for. */
export interface Sent<T> {
  result: ApiResult<T>;
  retryAfter: number | null;
}

async function send<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  sessionToken?: string,
  extraHeaders: Record<string, string> = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = { ...extraHeaders, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (sessionToken) headers.Authorization = `Bearer ${sessionToken}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { result: { ok: false, offline: true }, retryAfter: null };
  }
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  try {
    return { result: (await response.json()) as Ack<T>, retryAfter };
  } catch {
    // A proxy's HTML error page or an empty 502: the server did not really answer.
    return { result: { ok: false, offline: true }, retryAfter };
  }
}

export function createBoard(body: CreateBoardRequest): Promise<ApiResult<CreateBoardResponse>> {
  return request('POST', '/api/boards', body);
}

export function createSession(
  boardId: string,
  body: CreateSessionRequest,
): Promise<ApiResult<SessionResponse>> {
  return request('POST', `/api/boards/${encodeURIComponent(boardId)}/sessions`, body);
}

export function checkSession(
  boardId: string,
  sessionToken: string,
): Promise<ApiResult<Pick<SessionResponse, 'identity' | 'board'>>> {
  return request('GET', `/api/boards/${encodeURIComponent(boardId)}/session`, undefined, sessionToken);
}

/** GET /api/join/:code: the board's title and whether it takes people in, before anyone types a name. */
export function lookupJoinCode(code: string): Promise<Sent<JoinCodeInfo>> {
  return send('GET', `/api/join/${encodeURIComponent(code)}`);
}

/** POST /api/join: a participant session for the board whose code this is. */
export function joinByCode(body: JoinByCodeRequest): Promise<Sent<SessionResponse>> {
  return send('POST', '/api/join', body);
}

/**
 * A request with headers of its own (the public call's per-device id), with the answer
 * and any Retry-After. Public endpoints only: no session token goes with it.
 */
export function sendWithHeaders<T>(
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Sent<T>> {
  return send<T>(method, path, body, undefined, headers);
}

/** A request with a board session (Bearer), with the answer and any Retry-After. */
export function sendWithSession<T>(method: 'GET' | 'POST', path: string, body: unknown, sessionToken: string): Promise<Sent<T>> {
  return send<T>(method, path, body, sessionToken);
}
