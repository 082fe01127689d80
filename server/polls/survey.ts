import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  randomId,
  ErrorCode,
  callWindow,
  idSchema,
    readBoardSettings,
  readPolls,
  surveyAnswerRequestSchema,
  type Poll,
  type PollAnswer,
  type SurveyAnswerResult,
  type SurveyMyAnswer,
  type SurveyView,
} from '../../shared';
import { ServiceError } from '../core/errors';
import type { AbuseLimits } from '../core/limits';
import { SPACE } from '../core/record-spaces';
import type { BoardRoom } from '../realtime/board-room';
import type { BoardStore } from '../store/board-store';
import { checkAnswer } from './check-answer';
import type { PollsContext } from './context';

const callPointerSchema = z.object({ boardId: idSchema }).passthrough();

/** Who sent a survey: the address (and the device id the page says it has), as for contributions. */
export interface SurveySender {
  ip: string;
  device: string | null;
}

/**
 * The record key of a device's survey answers on a board: `call-` and a hash of board and
 * device id, so the stored key (and a backup's participantId) never holds the id the device
 * keeps, and rotating the call's link does not give a device a second answer.
 */
export function respondentOf(boardId: string, device: string): string {
  return `call-${createHash('sha256').update(`survey/${boardId}/${device}`).digest('base64url').slice(0, 22)}`;
}

/**
 * The survey of a public call (issue 15, item 4): the polls the facilitator marked `inCall`
 * and opened, answered through the call's link without a session. Limited per address and
 * device with the contributions' allowances; anonymous unless the respondent gives a name;
 * never near the call's e-mail contacts (answers live in the poll answer records only).
 * The respondent is the device: its answers are kept under one key per board
 * (respondentOf), so answering again replaces the earlier answer instead of counting twice,
 * and the page can show "you answered" after a reload. A device is not a person (clearing
 * the browser's storage makes a new one); PROTOCOL.md §18 says so.
 */
export class PollSurvey {
  constructor(
    private readonly ctx: PollsContext,
    private readonly deps: { store: BoardStore; limits: AbuseLimits },
  ) {}

  view(callId: string, device: string | null): Promise<SurveyView> {
    return this.withCall(callId, async (room, state) => {
      // Never results here: the public sees the questions, not the counts.
      const polls = state === 'open' ? readPolls(room.doc).filter((p) => p.inCall && p.state === 'open').map((p) => ({ ...p, results: null, revealed: false })) : [];
      return { callId, state, polls, mine: device ? await this.mine(room.boardId, polls, respondentOf(room.boardId, device)) : [] };
    });
  }

  async answer(callId: string, body: unknown, sender: SurveySender): Promise<SurveyAnswerResult> {
    await this.deps.limits.consume('contributionsPerIp', sender.ip);
    if (sender.device) await this.deps.limits.consume('contributionsPerDevice', `${sender.ip} ${sender.device}`);
    const parsed = surveyAnswerRequestSchema.safeParse(body ?? {});
    if (!parsed.success) throw ServiceError.validation(parsed.error);
    // The header is optional (PROTOCOL.md §13, as for contributions): a client without one
    // has nothing to be recognised by, so each of its submissions is a respondent of its own.
    const device = sender.device;
    const request = parsed.data;
    return this.withCall(callId, async (room, state) => {
      if (state !== 'open') throw new ServiceError(ErrorCode.CALL_CLOSED, 'The call does not take answers now.', 403);
      if (request.website) return { pollIds: request.answers.map((a) => a.pollId), mine: [] }; // honeypot: keep nothing
      const polls = new Map(readPolls(room.doc).filter((p) => p.inCall).map((p) => [p.id, p]));
      const checked: Array<{ pollId: string; answer: PollAnswer }> = [];
      for (const { pollId, answer } of request.answers) {
        const poll = polls.get(pollId);
        if (!poll) throw new ServiceError(ErrorCode.POLL_NOT_FOUND, 'The call asks no such question.', 404);
        if (poll.state !== 'open') throw new ServiceError(ErrorCode.POLL_NOT_OPEN, 'That question takes no answers now.', 409);
        if (checked.some((c) => c.pollId === pollId)) throw new ServiceError(ErrorCode.POLL_DUPLICATE_ENTRY, 'Two answers to one question.');
        checked.push({ pollId, answer: checkAnswer(poll, answer) });
      }
      const { boardId } = room;
      const respondent = device ? respondentOf(boardId, device) : `call-${randomId()}`;
      const answeredAt = Date.now();
      const name = request.name || null;
      // put replaces the device's earlier answer to the poll (the record key is the respondent).
      await Promise.all(checked.map((c) => this.ctx.answers.put(boardId, c.pollId, respondent, { answer: c.answer, answeredAt, contributorType: request.contributorType, name })));
      for (const c of checked) this.ctx.mirror.syncInBackground(boardId, c.pollId);
      return { pollIds: checked.map((c) => c.pollId), mine: checked.map((c) => ({ pollId: c.pollId, answer: c.answer, answeredAt, name })) };
    });
  }

  /** The device's stored answers to the given polls, in their order. */
  private async mine(boardId: string, polls: readonly Poll[], respondent: string): Promise<SurveyMyAnswer[]> {
    const stored = await Promise.all(polls.map(async (p) => ({ pollId: p.id, stored: await this.ctx.answers.get(boardId, p.id, respondent) })));
    return stored.flatMap(({ pollId, stored: s }) => (s ? [{ pollId, answer: s.answer, answeredAt: s.answeredAt, name: s.name ?? null }] : []));
  }

  private async withCall<T>(callId: string, use: (room: BoardRoom, state: SurveyView['state']) => Promise<T>): Promise<T> {
    const notFound = () => new ServiceError(ErrorCode.CALL_NOT_FOUND, 'There is no public call at this link.', 404);
    const raw = /^[A-Za-z0-9_-]{6,64}$/.test(callId) ? await this.deps.store.getRecord(SPACE.calls, callId) : null;
    const pointer = raw === null ? null : callPointerSchema.safeParse(JSON.parse(raw));
    if (!pointer?.success) throw notFound();
    return this.ctx.rooms.withRoom(pointer.data.boardId, async (room) => {
      const call = readBoardSettings(room.doc)?.call ?? null;
      if (!call || call.callId !== callId) throw notFound();
      return use(room, callWindow(call, Date.now()));
    });
  }
}
