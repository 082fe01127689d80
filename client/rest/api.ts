import type { z, ZodTypeAny } from 'zod';
import type { Ack } from '../../shared';
import { REST_ROUTES, type RestRoutes, type RouteName } from '../../shared/protocol/rest-routes';
import { fillPath, type AnswerData, type BearerAuth, type PathParams } from '../../shared/protocol/rest-table';
import type { ApiResult, Sent } from './http';

// Not named `api/`: the dev server proxies /api/* to the backend, which would swallow this module's own URL.

/**
 * The one typed fetch of the web client: every REST call goes by its name in
 * shared/protocol/rest-routes.ts, which gives its method, path, what it takes and what it
 * answers. A wrong body, a missing path parameter or session, or a wrong answer type does
 * not compile.
 */

type Route<N extends RouteName> = RestRoutes[N];

type ParamsOption<R> = R extends { path: infer P extends string }
  ? keyof PathParams<P> extends never
    ? { params?: undefined }
    : { params: PathParams<P> }
  : never;
type BodyOption<R> = R extends { body: infer S extends ZodTypeAny } ? { body: z.input<S> } : { body?: undefined };
/**
 * A query as the route's schema takes it, or URLSearchParams a screen has already built
 * from its filters (the coordinator's, the export dialog's); routes without a query schema
 * (the export, whose service checks it) take only the latter.
 */
type QueryOption<R> = R extends { query: infer S extends ZodTypeAny } ? { query?: z.input<S> | URLSearchParams } : { query?: URLSearchParams };
/** Routes for a board's or the coordinator's session need it; the others never send one. */
type SessionOption<R> = R extends { auth: BearerAuth } ? { session: string } : { session?: undefined };

export type RequestOptions<N extends RouteName> = ParamsOption<Route<N>> &
  BodyOption<Route<N>> &
  QueryOption<Route<N>> &
  SessionOption<Route<N>> & {
    /** Headers of the route's own (the public call's device id). */
    headers?: Record<string, string>;
    signal?: AbortSignal;
    /** The fetch's cache mode; the coordinator's screens always ask the server. */
    cache?: RequestCache;
  };

/** What a route answers in its Ack's `data`. */
export type DataOf<N extends RouteName> = AnswerData<Route<N>['answer']>;

/** The URL of a route: its path with the parameters filled in, and its query. */
export function urlOf<N extends RouteName>(name: N, options: Pick<RequestOptions<N>, 'params' | 'query'>): string {
  return buildUrl(name, options);
}

/** urlOf for the generic callers below, whose options TypeScript cannot narrow to one route. */
function buildUrl(name: RouteName, options: object): string {
  // RequestOptions<N> gives every route's params as strings and its query as an object.
  const given = options as { params?: Record<string, string>; query?: object };
  const path = fillPath(REST_ROUTES[name].path, given.params);
  const query = given.query instanceof URLSearchParams ? given.query : toSearch(given.query);
  const search = query?.toString() ?? '';
  return search ? `${path}?${search}` : path;
}

function toSearch(query: object | undefined): URLSearchParams | undefined {
  if (!query) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  return search;
}

/** A route's answer and, when the server asks for patience (429), how many seconds it asks for. */
export async function send<N extends RouteName>(name: N, options: RequestOptions<N>): Promise<Sent<DataOf<N>>> {
  const { method } = REST_ROUTES[name];
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.session) headers.Authorization = `Bearer ${options.session}`;
  let response: Response;
  try {
    response = await fetch(buildUrl(name, options), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch {
    return { result: { ok: false, offline: true }, retryAfter: null };
  }
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
  return { result: await decode<DataOf<N>>(response), retryAfter };
}

/** A route's answer: the server's Ack, or `{ ok: false, offline: true }` when none came. */
export async function request<N extends RouteName>(name: N, options: RequestOptions<N>): Promise<ApiResult<DataOf<N>>> {
  return (await send(name, options)).result;
}

/**
 * A download route (a file on success, an Ack on failure) with the session as Bearer: the
 * response itself, for the caller to read as it needs (streamed, as a blob), or null when
 * no answer came (offline, or cancelled through `signal`). A plain link cannot carry the
 * session (it goes in the Authorization header, never in a URL that ends up in logs).
 */
export async function download<N extends RouteName>(name: N, options: RequestOptions<N>): Promise<Response | null> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) headers.Authorization = `Bearer ${options.session}`;
  try {
    return await fetch(buildUrl(name, options), { headers, cache: 'no-store', ...(options.signal ? { signal: options.signal } : {}) });
  } catch {
    return null;
  }
}

/** A download as a blob, or the server's refusal, or no answer. */
export async function fetchFile<N extends RouteName>(name: N, options: RequestOptions<N>): Promise<ApiResult<Blob>> {
  const response = await download(name, options);
  if (!response) return { ok: false, offline: true };
  if (response.ok) return { ok: true, data: await response.blob() };
  const refusal = await decode<never>(response);
  return refusal.ok ? { ok: false, offline: true } : refusal;
}

/**
 * The one decode point: the body must be an Ack envelope (a proxy's HTML error page or an
 * empty 502 is no answer). Its `data` is taken as the route's answer type, which the
 * server's handler for the same table entry was compiled against.
 */
export async function decode<T>(response: Response): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, offline: true };
  }
  return isAck(body) ? (body as Ack<T>) : { ok: false, offline: true };
}

function isAck(value: unknown): value is Ack<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, error } = value as { ok?: unknown; error?: { code?: unknown } | null };
  return ok === true || (ok === false && typeof error === 'object' && error !== null && typeof error.code === 'string');
}
