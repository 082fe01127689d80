import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ZodTypeAny, z } from 'zod';
import { ErrorCode, fail, ok, type Identity } from '../../shared';
import { REST_ROUTES, type RestRoutes, type RouteName } from '../../shared/protocol/rest-routes';
import type { AnswerData, BearerAuth, PathParams, RouteLimit, RouteSpec } from '../../shared/protocol/rest-table';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { RateLimitedError, ServiceError, StoreConflictError } from './errors';

type Handler = (req: Request, res: Response) => Promise<void>;

/** Turns a thrown ServiceError into its status and Ack body; anything else is a 500. */
export function handle(log: Logger, handler: Handler) {
  return (req: Request, res: Response, _next: NextFunction) => {
    handler(req, res).catch((error: unknown) => {
      if (error instanceof ServiceError) {
        if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
        res.status(error.status).json(fail(error.code, error.message));
        return;
      }
      if (error instanceof StoreConflictError) {
        res.status(409).json(fail(ErrorCode.INTERNAL, 'Please try again.'));
        return;
      }
      log.error({ err: error }, 'request failed');
      res.status(503).json(fail(ErrorCode.STORE_UNAVAILABLE, 'The service is unavailable; nothing was changed.'));
    });
  };
}

/**
 * The base of every link the server hands out: PUBLIC_URL, or '' (links relative to the
 * server the request went to). Never the request's Host header, which the sender chooses.
 */
export function publicBase(config: ServerConfig): string {
  return config.publicUrl ?? '';
}

export function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** Who a board session is (BoardService.identify): null for none, an unknown or an expired one. */
export type IdentifySession = (token: string | undefined) => Promise<Identity | null>;

/**
 * The caller's session on the board in the path: 401 without one (or with another board's);
 * 403 with `facilitatorsOnly` as the message when the route is for facilitators and the
 * session is not one.
 */
export async function boardSession(identify: IdentifySession, token: string | undefined, boardId: string, facilitatorsOnly?: string): Promise<Identity> {
  const identity = await identify(token);
  if (!identity || identity.boardId !== boardId) {
    throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'The session is unknown or belongs to another board.', 401);
  }
  if (facilitatorsOnly !== undefined && identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, facilitatorsOnly, 403);
  return identity;
}

// ---------------------------------------------------------------------------------------
// Typed routes: one entry of shared/protocol/rest-routes.ts and its handler, mounted together.

/** A route's body after validation: its schema's output, raw bytes, or nothing. */
type BodyOf<R> = R extends { body: 'raw' } ? Uint8Array | undefined : R extends { body: infer S extends ZodTypeAny } ? z.output<S> : undefined;
/** A route's query after validation; a route without a query schema gets Express's own. */
type QueryOf<R> = R extends { query: infer S extends ZodTypeAny } ? z.output<S> : Request['query'];
type RouteOf<N extends RouteName> = RestRoutes[N];

interface Caller {
  /** `Authorization: Bearer …`, when sent. */
  token: string | undefined;
  /** The address per-address limits count (Express's `req.ip`, which honours TRUST_PROXY). */
  ip: string;
  /** For a header of the route's own (the public call's device id). */
  header: (name: string) => string | undefined;
}

/** What a handler whose input the table's schemas checked gets. */
export interface RouteInput<N extends RouteName, A> extends Caller {
  params: PathParams<RouteOf<N>['path']>;
  query: QueryOf<RouteOf<N>>;
  body: BodyOf<RouteOf<N>>;
  /** What `admit` answered (who the caller is). */
  admitted: A;
}

/**
 * What a handler whose service checks the input itself gets: the service counts its own rate
 * limits first (a refused sender never gets as far as validation), then parses with the same
 * shared schema.
 */
export interface UncheckedInput<N extends RouteName, A> extends Caller {
  params: PathParams<RouteOf<N>['path']>;
  query: unknown;
  body: unknown;
  admitted: A;
}

/** A success with the route's second status (201 new, 200 seen before). */
export class Answered<T> {
  constructor(
    readonly data: T,
    readonly status: 200 | 201,
  ) {}
}

type JsonResult<N extends RouteName> = Promise<AnswerData<RouteOf<N>['answer']> | Answered<AnswerData<RouteOf<N>['answer']>>>;
/** A file, a page or a bare answer: the handler writes it (headers and all). */
type WrittenResult = Promise<void>;
type Result<N extends RouteName> = RouteOf<N>['answer'] extends { kind: 'json' } ? JsonResult<N> : WrittenResult;

export interface RouteHandler<N extends RouteName, A = undefined> {
  /**
   * Who the caller is, checked before the input is validated (a stranger learns nothing
   * about what a valid body looks like). Its answer reaches the handler as `admitted`.
   */
  admit?: (caller: Caller & { params: PathParams<RouteOf<N>['path']> }) => Promise<A>;
  /** The service checks the body and query itself (after its own limits): see UncheckedInput. */
  checkedByService?: boolean;
  /**
   * A route for a session whose service checks the session itself (and says so in the
   * handler): without `admit` or this, mounting a session route fails at start.
   */
  sessionCheckedBy?: string;
  /** For a `raw` body: the most bytes read. */
  rawBodyLimit?: string;
  handle: (input: RouteInput<N, A>, res: Response) => Result<N>;
}

/** One table entry with its handler, ready to mount. Built by `route`, typed by the table. */
export interface MountedRoute {
  readonly name: RouteName;
  readonly handler: RouteHandler<RouteName, unknown>;
}

/** Pairs a table entry with its handler: a wrong body, query or answer type does not compile. */
export function route<N extends RouteName, A = undefined>(name: N, handler: RouteHandler<N, A>): MountedRoute {
  return { name, handler: handler as unknown as RouteHandler<RouteName, unknown> };
}

/** Pairs a table entry with a handler whose service validates the input itself (see UncheckedInput). */
export function uncheckedRoute<N extends RouteName, A = undefined>(
  name: N,
  handler: Omit<RouteHandler<N, A>, 'handle' | 'checkedByService'> & { handle: (input: UncheckedInput<N, A>, res: Response) => Result<N> },
): MountedRoute {
  return { name, handler: { ...handler, checkedByService: true } as unknown as RouteHandler<RouteName, unknown> };
}

/** The table's auth kinds that need a session: their handlers must check it (see RouteHandler). */
const SESSION_AUTH: ReadonlySet<string> = new Set<BearerAuth>(['board session', 'facilitator', 'coordinator']);

export interface MountDeps {
  log: Logger;
  /** Counts one request of `kind` from `address`; rejects with RateLimitedError when over. */
  limit: (kind: RouteLimit, address: string) => Promise<void>;
}

/** Mounts each route on `router` at its table path and method. */
export function mountRoutes(router: Router, routes: readonly MountedRoute[], deps: MountDeps): void {
  for (const { name, handler } of routes) {
    const spec: RouteSpec = REST_ROUTES[name];
    if (SESSION_AUTH.has(spec.auth) && !handler.admit && !handler.sessionCheckedBy) {
      throw new Error(`REST route ${name} is for "${spec.auth}" but its handler checks no session`);
    }
    const chain: RequestHandler[] = [];
    if (spec.limit) chain.push(limitPerAddress(spec.limit, deps));
    // Raw bytes: the route's worker parses them, so a large backup never stalls the server.
    if (spec.body === 'raw') chain.push(express.raw({ type: 'application/json', limit: handler.rawBodyLimit ?? '64kb' }));
    chain.push(handle(deps.log, (req, res) => serve(spec, handler, req, res)));
    const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](spec.path, ...chain);
  }
}

async function serve(spec: RouteSpec, handler: RouteHandler<RouteName, unknown>, req: Request, res: Response): Promise<void> {
  const caller: Caller & { params: Record<string, string> } = {
    token: bearer(req),
    ip: addressOf(req),
    header: (name) => req.get(name),
    params: Object.fromEntries(Object.entries(req.params).map(([key, value]) => [key, String(value)])),
  };
  const admitted = handler.admit ? await handler.admit(caller as never) : undefined;
  if (spec.cache) res.setHeader('Cache-Control', spec.cache);
  let query: unknown = req.query;
  let body: unknown = req.body;
  if (spec.body === 'raw') {
    body = Buffer.isBuffer(req.body) ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength) : undefined;
  } else if (spec.body && sentNonJson(req)) {
    // A body of another type is not parsed at all; taken as empty it would, for example,
    // create a default board without the title the client sent.
    throw new ServiceError(ErrorCode.BAD_REQUEST, 'The body must be JSON (Content-Type: application/json).');
  } else if (!handler.checkedByService) {
    if (spec.query) query = check(spec.query, req.query, 'query');
    body = spec.body ? check(spec.body, req.body ?? {}, 'body') : undefined;
  }
  const answer: unknown = await handler.handle({ ...caller, query, body, admitted } as never, res);
  if (spec.answer.kind !== 'json') return;
  const status = Array.isArray(spec.status) ? (spec.status[0] as number) : (spec.status as number);
  if (answer instanceof Answered) res.status(answer.status).json(ok(answer.data));
  else res.status(status).json(ok(answer));
}

/** A body of some bytes whose type is not JSON (an empty one, with any type or none, is no body). */
function sentNonJson(req: Request): boolean {
  const length = req.get('content-length');
  const hasBody = req.get('transfer-encoding') !== undefined || (length !== undefined && Number(length) > 0);
  return hasBody && !req.is('application/json');
}

function check(schema: ZodTypeAny, value: unknown, where: 'body' | 'query'): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ServiceError.validation(parsed.error, where);
  return parsed.data;
}

/** The address per-address limits count: Express's `req.ip`, which honours TRUST_PROXY. */
export function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Counts the request against `kind` for its address before anything else runs (a refused
 * restore never has its 32 MiB body read). Over the allowance: 429 RATE_LIMITED with
 * Retry-After in seconds.
 */
function limitPerAddress(kind: RouteLimit, deps: MountDeps): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    deps.limit(kind, addressOf(req)).then(
      () => next(),
      (error: unknown) => {
        if (error instanceof RateLimitedError) {
          res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
          // The body may still be arriving; the answer does not wait for it.
          res.setHeader('Connection', 'close');
          res.status(429).json(fail(error.code, error.message));
          return;
        }
        deps.log.error({ err: error, kind }, 'rate limit check failed');
        res.status(503).json(fail(ErrorCode.STORE_UNAVAILABLE, 'The service is unavailable; nothing was changed.'));
      },
    );
  };
}
