import type {
  Ack,
  CreateBoardRequest,
  CreateBoardResponse,
  CreateSessionRequest,
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
  const headers: Record<string, string> = { Accept: 'application/json' };
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
    return { ok: false, offline: true };
  }
  try {
    return (await response.json()) as Ack<T>;
  } catch {
    // A proxy's HTML error page or an empty 502: the server did not really answer.
    return { ok: false, offline: true };
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
