import { useCallback, useEffect, useState } from 'react';
import { ErrorCode, type CreateSessionRequest } from '../../shared';
import { request } from '../rest/api';
import { errorOf, isOffline, type ApiResult } from '../rest/http';
import { prepareBoardSync } from '../sync/useBoardSync';
import {
  forgetSession,
  loadSession,
  saveSession,
  updateStoredIdentity,
  type SessionKind,
  type StoredSession,
} from './storage';

export type SessionState =
  /** checked: the server issued or confirmed the session on this page (no background check needed). */
  | { phase: 'ready'; session: StoredSession; checked: boolean }
  /** A person must say who they are before their session is made. */
  | { phase: 'join'; token: string; expired: boolean; title: string | null }
  /** The screen view joins by itself (nobody types on a projector). */
  | { phase: 'joining'; token: string }
  | { phase: 'not-found' }
  | { phase: 'no-access' }
  | { phase: 'failed'; code: string | null };

function initialState(kind: SessionKind, boardId: string, linkToken: string | null): SessionState {
  const stored = loadSession(kind, boardId);
  if (linkToken && stored?.capabilityToken !== linkToken) {
    return kind === 'screen'
      ? { phase: 'joining', token: linkToken }
      : { phase: 'join', token: linkToken, expired: false, title: null };
  }
  if (stored) return { phase: 'ready', session: stored, checked: false };
  return { phase: 'no-access' };
}

/** Trades a link's capability token for a session and remembers it on this device. */
async function exchangeToken(
  kind: SessionKind,
  boardId: string,
  token: string,
  profile: Omit<CreateSessionRequest, 'token'>,
): Promise<ApiResult<StoredSession>> {
  const result = await request('createSession', { params: { boardId }, body: { token, ...profile } });
  if (!result.ok) return result;
  const session: StoredSession = {
    sessionToken: result.data.sessionToken,
    identity: result.data.identity,
    capabilityToken: token,
    boardTitle: result.data.board.title,
  };
  saveSession(kind, session);
  return { ok: true, data: session };
}

/**
 * The session for one board page: from this device's storage when it has one (so the
 * board opens offline too, from the device copy), otherwise by trading the link's
 * capability token for a session. A stored session is re-checked in the background.
 */
export function useBoardSession(boardId: string, kind: SessionKind, linkToken: string | null) {
  const [state, setState] = useState<SessionState>(() => initialState(kind, boardId, linkToken));

  const rejoin = useCallback(
    (session: StoredSession) => {
      forgetSession(kind, boardId);
      // A phone that joined by code has no link to fall back on: it joins with the code again.
      if (session.joinCode) {
        window.location.assign(`/join/${encodeURIComponent(session.joinCode)}`);
        return;
      }
      setState(
        kind === 'screen'
          ? { phase: 'joining', token: session.capabilityToken }
          : { phase: 'join', token: session.capabilityToken, expired: true, title: session.boardTitle },
      );
    },
    [kind, boardId],
  );

  /** Applies the answer to a token exchange: ready, or "not found" when the board is gone. */
  const settle = useCallback((result: ApiResult<StoredSession>, auto: boolean) => {
    if (result.ok) {
      // The socket opens while React renders the board, not after (useBoardSync.ts).
      const { sessionToken, identity } = result.data;
      prepareBoardSync({ boardId: identity.boardId, sessionToken, identity });
      setState({ phase: 'ready', session: result.data, checked: true });
    } else if (errorOf(result)?.code === ErrorCode.BOARD_NOT_FOUND) setState({ phase: 'not-found' });
    else if (auto) setState({ phase: 'failed', code: errorOf(result)?.code ?? null });
  }, []);

  const join = useCallback(
    async (token: string, profile: Omit<CreateSessionRequest, 'token'>): Promise<ApiResult<StoredSession>> => {
      const result = await exchangeToken(kind, boardId, token, profile);
      settle(result, false);
      return result;
    },
    [boardId, kind, settle],
  );

  const sessionToken = state.phase === 'ready' ? state.session.sessionToken : null;

  // Background check of a stored session; offline it stays usable. A session the server
  // has just issued is not asked about again in the middle of the board's load.
  const unchecked = state.phase === 'ready' && !state.checked;
  useEffect(() => {
    if (state.phase !== 'ready' || !sessionToken || !unchecked) return;
    const session = state.session;
    let cancelled = false;
    void request('checkSession', { params: { boardId }, session: sessionToken }).then((result) => {
      if (cancelled || isOffline(result)) return;
      if (result.ok) {
        updateStoredIdentity(kind, boardId, result.data.identity, result.data.board.title);
        return;
      }
      const code = errorOf(result)?.code;
      if (code === ErrorCode.BOARD_NOT_FOUND) setState({ phase: 'not-found' });
      else if (code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.INVALID_TOKEN) rejoin(session);
    });
    return () => {
      cancelled = true;
    };
    // Checked once per session token, not on every state object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId, kind, sessionToken, unchecked, rejoin]);

  // The join form names the board it joins: asked with the link's token (nothing is issued).
  const untitledToken = state.phase === 'join' && state.title === null ? state.token : null;
  useEffect(() => {
    if (!untitledToken) return;
    let cancelled = false;
    void request('linkInfo', { params: { boardId }, body: { token: untitledToken } }).then((result) => {
      if (cancelled) return;
      // A board that is gone is said before anyone types their name; a wrong token is said at the join.
      if (!result.ok) {
        if (errorOf(result)?.code === ErrorCode.BOARD_NOT_FOUND) setState({ phase: 'not-found' });
        return;
      }
      setState((s) => (s.phase === 'join' && s.token === untitledToken && s.title === null ? { ...s, title: result.data.board.title } : s));
    });
    return () => {
      cancelled = true;
    };
  }, [untitledToken, boardId]);

  const joiningToken = state.phase === 'joining' ? state.token : null;
  useEffect(() => {
    if (!joiningToken) return;
    let cancelled = false;
    void exchangeToken(kind, boardId, joiningToken, {}).then((result) => {
      if (!cancelled) settle(result, true);
    });
    return () => {
      cancelled = true;
    };
  }, [joiningToken, kind, boardId, settle]);

  const invalidate = useCallback(() => {
    if (state.phase === 'ready') rejoin(state.session);
  }, [state, rejoin]);
  const notFound = useCallback(() => setState({ phase: 'not-found' }), []);

  return { state, join, invalidate, notFound };
}
