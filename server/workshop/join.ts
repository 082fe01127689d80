import {
  ErrorCode,
  JOIN_CODE_PATTERN,
  joinByCodeRequestSchema,
  normalizeJoinCode,
  type JoinCodeInfo,
  type SessionResponse,
} from '../../shared';
import type { BoardService } from '../boards';
import { ServiceError } from '../core/errors';
import type { AbuseLimits } from '../core/limits';
import { settingsOf, type WorkshopContext } from './context';

/**
 * Join by code: a phone types the short code from the projector and becomes a participant.
 * Only codes of boards whose facilitator keeps joining open are accepted. Guessing is what a
 * short code must withstand, so each address gets few failed attempts per minute
 * (joinFailuresPerIp); once over, every attempt is refused until the window passes
 * (refusing only wrong codes would tell a guesser which code was right). All attempts
 * count against a generous cap (joinRequestsPerIp), so forty people behind one municipal
 * NAT can all join in the same minute. The counts are rate-limiter-flexible's, in Redis
 * when Redis is the store, so several processes share them.
 */
export class JoinByCode {
  constructor(
    private readonly ctx: WorkshopContext,
    private readonly boards: BoardService,
    private readonly limits: AbuseLimits,
  ) {}

  async describe(ip: string, rawCode: string): Promise<JoinCodeInfo> {
    await this.admit(ip);
    const found = await this.resolve(ip, rawCode);
    return { code: found.code, title: found.title, open: found.open };
  }

  async join(ip: string, body: unknown): Promise<SessionResponse> {
    await this.admit(ip);
    const parsed = joinByCodeRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    const { code, ...profile } = parsed.data;
    const found = await this.resolve(ip, code);
    if (!found.open) throw new ServiceError(ErrorCode.JOIN_CLOSED, 'The facilitator has closed joining for now.', 403);
    return this.boards.createParticipantSession(found.boardId, profile);
  }

  private async admit(ip: string): Promise<void> {
    await this.limits.check('joinFailuresPerIp', ip);
    await this.limits.consume('joinRequestsPerIp', ip);
  }

  private async resolve(ip: string, rawCode: string): Promise<JoinCodeInfo & { boardId: string }> {
    const code = normalizeJoinCode(rawCode);
    const boardId = JOIN_CODE_PATTERN.test(code) ? await this.ctx.store.findJoinCode(code) : null;
    // A phone that looked the code up joins next: load the board ready for a new device.
    if (boardId) this.ctx.rooms.warm(boardId);
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
      await this.limits.record('joinFailuresPerIp', ip);
      throw new ServiceError(ErrorCode.JOIN_CODE_UNKNOWN, 'No board has this code.', 404);
    }
    return found;
  }
}
