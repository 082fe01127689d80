import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, type CreateBoardResponse, type SessionResponse } from '../../shared';
import { workshopEnv, type WorkshopEnv } from '../support/workshop';
import { fetchExport, sessionWith } from './export-helpers';

const FORMATS = ['csv', 'xlsx', 'md', 'html', 'pdf', 'json'];

describe('who may export a board', () => {
  let env: WorkshopEnv;
  let board: CreateBoardResponse;
  let other: CreateBoardResponse;
  const sessions: Record<string, SessionResponse> = {};

  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    board = await env.board('kickoff');
    other = await env.board('blank');
    for (const role of ['facilitator', 'participant', 'observer'] as const) sessions[role] = await sessionWith(env, board, role, { displayName: role });
    sessions.otherFacilitator = await sessionWith(env, other, 'facilitator', { displayName: 'Other' });
  });
  afterAll(() => env?.close());

  it('refuses participants and observers (403), no or unknown sessions and other boards’ facilitators (401), for every format', async () => {
    for (const format of FORMATS) {
      for (const [who, session, status, code] of [
        ['participant', sessions.participant!.sessionToken, 403, ErrorCode.FORBIDDEN],
        ['observer', sessions.observer!.sessionToken, 403, ErrorCode.FORBIDDEN],
        ['nobody', null, 401, ErrorCode.UNAUTHENTICATED],
        ['unknown session', 'x'.repeat(32), 401, ErrorCode.UNAUTHENTICATED],
        ['a capability token instead of a session', board.tokens.facilitator, 401, ErrorCode.UNAUTHENTICATED],
        ['another board’s facilitator', sessions.otherFacilitator!.sessionToken, 401, ErrorCode.UNAUTHENTICATED],
      ] as const) {
        const res = await fetchExport(env.url, board.boardId, format, session);
        expect(res.status, `${format} by ${who}`).toBe(status);
        expect(res.ack, `${format} by ${who}`).toMatchObject({ ok: false, error: { code } });
      }
    }
  });

  it('lets the facilitator export, and answers 400 for an unknown format or bad options', async () => {
    const token = sessions.facilitator!.sessionToken;
    expect((await fetchExport(env.url, board.boardId, 'csv', token)).status).toBe(200);
    for (const [format, query] of [
      ['docx', ''],
      ['CSV', ''],
      ['csv', '?lang=de'],
      ['csv', '?sep=%09'],
      ['csv', '?lang=da&lang=en'],
      ['csv', '?unknown=1'],
    ] as const) {
      const res = await fetchExport(env.url, board.boardId, format, token, query);
      expect(res.status, `${format}${query}`).toBe(400);
      expect(res.ack).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    }
    // A malformed board id is never a board; the session is checked first (it is of another board).
    expect((await fetchExport(env.url, '..%2F..', 'csv', token)).status).toBe(401);
  });
});
