import type {
  CallSimilarResponse,
  DuplicatesResponse,
  SimilarRequest,
  SimilarResponse,
  ThemesResponse,
} from '../../shared';
import { sendWithHeaders, sendWithSession, type Sent } from '../rest/http';

// Sensemaking's REST calls (docs/PROTOCOL.md §17).

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export function fetchSimilar(boardId: string, session: string, body: SimilarRequest): Promise<Sent<SimilarResponse>> {
  return sendWithSession('POST', `${board(boardId)}/similar`, body, session);
}

export function fetchCallSimilar(callId: string, text: string): Promise<Sent<CallSimilarResponse>> {
  return sendWithHeaders('POST', `/api/calls/${encodeURIComponent(callId)}/similar`, { text }, {});
}

export function fetchDuplicates(boardId: string, session: string, questionId?: string): Promise<Sent<DuplicatesResponse>> {
  const query = questionId ? `?questionId=${encodeURIComponent(questionId)}` : '';
  return sendWithSession('GET', `${board(boardId)}/duplicates${query}`, undefined, session);
}

export function dismissDuplicate(boardId: string, session: string, ideaIds: [string, string]): Promise<Sent<{ dismissed: [string, string] }>> {
  return sendWithSession('POST', `${board(boardId)}/duplicates/dismiss`, { ideaIds }, session);
}

export function fetchThemes(boardId: string, session: string, questionId?: string): Promise<Sent<ThemesResponse>> {
  const query = questionId ? `?questionId=${encodeURIComponent(questionId)}` : '';
  return sendWithSession('GET', `${board(boardId)}/themes${query}`, undefined, session);
}
