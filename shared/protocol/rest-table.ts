import type { z } from 'zod';

/**
 * The building blocks of the REST route table (rest-routes.ts): who may call a route, what
 * it answers, and the phantom marker that carries a JSON answer's type to both sides.
 */

/**
 * Who may call a route. The words are docs/PROTOCOL.md's ("who" in the route index):
 * - `anyone`: no credential at all;
 * - `board token`: a board's capability token in the body (facilitator/participant/observer link);
 * - `join code`: the short code from the projector in the path or body;
 * - `call link`: knows the public call's id (no session: the link is the invitation);
 * - `receipt code`: knows a contribution's receipt code;
 * - `mail token`: the signed token of a follow-up mail's unsubscribe link;
 * - `board session`: `Authorization: Bearer <sessionToken>` of the board in the path, any role;
 * - `facilitator`: the same, and the session's role must be facilitator;
 * - `coordinator link`: the coordinator link's token in the body;
 * - `coordinator`: `Authorization: Bearer <coordinator session>`.
 */
export const ROUTE_AUTH = [
  'anyone',
  'board token',
  'join code',
  'call link',
  'receipt code',
  'mail token',
  'board session',
  'facilitator',
  'coordinator link',
  'coordinator',
] as const;
export type RouteAuth = (typeof ROUTE_AUTH)[number];

/** The auth kinds that send `Authorization: Bearer …`: the client must give a session for them. */
export type BearerAuth = 'board session' | 'facilitator' | 'coordinator';

declare const answerType: unique symbol;

/**
 * What a route answers:
 * - `json`: the Ack envelope around `T` (the phantom carries `T`; it has no runtime value);
 * - `file`: a download (CSV, XLSX, PDF, backup, manifest): the bytes themselves on success,
 *   the Ack envelope on failure;
 * - `html`: a page for a person who clicked a link;
 * - `bare`: JSON without the envelope (`T`), the health probes only.
 */
export type Answer<T = unknown> =
  | { readonly kind: 'json'; readonly [answerType]?: T }
  | { readonly kind: 'file' }
  | { readonly kind: 'html' }
  | { readonly kind: 'bare'; readonly [answerType]?: T };

export const json = <T>(): { readonly kind: 'json'; readonly [answerType]?: T } => ({ kind: 'json' });
export const bare = <T>(): { readonly kind: 'bare'; readonly [answerType]?: T } => ({ kind: 'bare' });
export const file = { kind: 'file' } as const;
export const html = { kind: 'html' } as const;

/** The `T` a json (or bare) answer carries. */
export type AnswerData<A> = A extends { readonly [answerType]?: infer T } ? T : never;

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Per-address limits a route counts before anything else runs (server/moderation/abuse-limits.ts
 * names them). Over the allowance: 429 RATE_LIMITED with Retry-After.
 */
export type RouteLimit = 'boardsPerIp' | 'sessionsPerIp' | 'restoresPerIp' | 'receiptLookupsPerIp';

export interface RouteSpec {
  method: Method;
  /** The full path, `:name` for a path parameter (always a string; the service says whether it names something). */
  path: string;
  auth: RouteAuth;
  query?: z.ZodTypeAny;
  /** `raw`: the body is bytes the route reads itself (a backup). */
  body?: z.ZodTypeAny | 'raw';
  answer: Answer;
  /** The status of a success; two where the route has two (201 new, 200 seen before). */
  status: 200 | 201 | readonly [200 | 201, 200 | 201];
  /** Cache-Control of the answer once its caller is admitted. */
  cache?: 'no-store' | 'no-cache';
  limit?: RouteLimit;
}

/** The `:name` parameters of a path, as an object type. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** Fills a path's `:name` parameters, each URL-encoded. */
export function fillPath(path: string, values: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = values?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
