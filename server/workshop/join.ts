import { Router, type Request } from 'express';
import {
  ErrorCode,
  JOIN_CODE_PATTERN,
  joinByCodeRequestSchema,
  normalizeJoinCode,
  ok,
  type JoinCodeInfo,
  type SessionResponse,
} from '../../shared';
import type { Logger } from '../log';
import type { BoardService } from '../boards/board-service';
import { ServiceError } from '../boards/service-error';
import { handle } from '../http/board-routes';
import { SlidingWindowLimiter } from './rate-limiter';
import { settingsOf, type WorkshopContext } from './context';

export interface JoinLimits {
  /** Unknown or malformed codes per IP per minute; more are refused with RATE_LIMITED. */
  failuresPerMinute: number;
  /** All join requests per IP per minute (generous: a whole room may share one NAT address). */
  requestsPerMinute: number;
}

const MINUTE = 60_000;

class RateLimitedError extends ServiceError {
  constructor(readonly retryAfterMs: number) {
    super(ErrorCode.RATE_LIMITED, 'Too many attempts; wait a moment and try again.', 429);
  }
}

/**
 * Join by code: a phone types the short code from the projector and becomes a participant.
 * Only codes of boards whose facilitator keeps joining open are accepted. Guessing is what a
 * short code must withstand, so each IP gets few failed attempts per minute; once over,
 * every attempt is refused until the window passes (refusing only wrong codes would tell a
 * guesser which code was right).
 */
export class JoinByCode {
  private readonly failures: SlidingWindowLimiter;
  private readonly requests: SlidingWindowLimiter;

  constructor(
    private readonly ctx: WorkshopContext,
    private readonly boards: BoardService,
    limits: JoinLimits,
  ) {
    this.failures = new SlidingWindowLimiter(limits.failuresPerMinute, MINUTE);
    this.requests = new SlidingWindowLimiter(limits.requestsPerMinute, MINUTE);
  }

  async describe(ip: string, rawCode: string): Promise<JoinCodeInfo> {
    const found = await this.resolve(ip, rawCode);
    return { code: found.code, title: found.title, open: found.open };
  }

  async join(ip: string, body: unknown): Promise<SessionResponse> {
    this.admit(ip);
    const parsed = joinByCodeRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const { code, ...profile } = parsed.data;
    const found = await this.resolve(ip, code, false);
    if (!found.open) throw new ServiceError(ErrorCode.JOIN_CLOSED, 'The facilitator has closed joining for now.', 403);
    return this.boards.createParticipantSession(found.boardId, profile);
  }

  private admit(ip: string): void {
    const wait = Math.max(this.failures.retryAfter(ip), this.requests.retryAfter(ip));
    if (wait > 0) throw new RateLimitedError(wait);
    this.requests.record(ip);
  }

  private async resolve(ip: string, rawCode: string, admit = true): Promise<JoinCodeInfo & { boardId: string }> {
    if (admit) this.admit(ip);
    const code = normalizeJoinCode(rawCode);
    const boardId = JOIN_CODE_PATTERN.test(code) ? await this.ctx.store.findJoinCode(code) : null;
    const found = boardId
      ? await this.ctx.rooms
          .withRoom(boardId, async (room) => {
            const state = room.workshop();
            // The index may outlive a code the board no longer uses: the document decides.
            return state.joinCode === code ? { boardId, code, title: settingsOf(room.doc).title, open: state.joinOpen } : null;
          })
          .catch((error: unknown) => {
            if (error instanceof ServiceError && error.code === ErrorCode.BOARD_NOT_FOUND) return null;
            throw error;
          })
      : null;
    if (!found) {
      this.failures.record(ip);
      throw new ServiceError(ErrorCode.JOIN_CODE_UNKNOWN, 'No board has this code.', 404);
    }
    return found;
  }
}

/** `GET /api/join/:code` and `POST /api/join`. */
export function joinRoutes(join: JoinByCode, log: Logger): Router {
  const router = Router();
  const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const withRetryAfter = (handler: Parameters<typeof handle>[1]): Parameters<typeof handle>[1] => async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
      throw error;
    }
  };
  router.get(
    '/join/:code',
    handle(log, withRetryAfter(async (req, res) => {
      res.json(ok(await join.describe(ipOf(req), String(req.params.code))));
    })),
  );
  router.post(
    '/join',
    handle(log, withRetryAfter(async (req, res) => {
      res.status(201).json(ok(await join.join(ipOf(req), req.body)));
    })),
  );
  return router;
}
