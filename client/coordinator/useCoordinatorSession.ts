import { useCallback, useEffect, useState } from 'react';
import { ErrorCode } from '../../shared';
import { errorOf, isOffline, type ApiResult } from '../rest/http';
import { request } from '../rest/api';
import { forgetCoordinatorSession, loadCoordinatorSession, saveCoordinatorSession } from './session';

export type CoordinatorGate =
  | { kind: 'opening' }
  | { kind: 'ready'; sessionToken: string }
  /** Neither a link nor a session kept on this device. */
  | { kind: 'no-link' }
  /** The link's token is not (any longer) the coordinator's. */
  | { kind: 'invalid-link' }
  /** The server refused the session (expired, or the store was reset). */
  | { kind: 'expired' }
  | { kind: 'signed-out' }
  /** No answer while trading the link; trying again uses the same link. */
  | { kind: 'offline' }
  /** Any other refusal of the trade (rate limits, a broken store). */
  | { kind: 'failed'; code: string | null };

// StrictMode runs effects twice; one link is traded once, not into two sessions.
const trades = new Map<string, Promise<ApiResult<{ sessionToken: string }>>>();

function trade(token: string): Promise<ApiResult<{ sessionToken: string }>> {
  let pending = trades.get(token);
  if (!pending) {
    pending = request('coordinatorSession', { body: { token }, cache: 'no-store' });
    trades.set(token, pending);
    // A failed trade may be tried again (offline); a successful one is never needed twice.
    void pending.then((result) => {
      if (!result.ok) trades.delete(token);
    });
  }
  return pending;
}

function initialGate(linkToken: string | null): CoordinatorGate {
  if (linkToken) return { kind: 'opening' };
  const stored = loadCoordinatorSession();
  return stored ? { kind: 'ready', sessionToken: stored.sessionToken } : { kind: 'no-link' };
}

/**
 * The coordinator's access on this device: a link in the address is traded for a session
 * (and wins over one kept from before); without a link, the kept session is used until the
 * server refuses it.
 */
export function useCoordinatorSession(linkToken: string | null) {
  const [gate, setGate] = useState<CoordinatorGate>(() => initialGate(linkToken));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!linkToken) return;
    let live = true;
    void trade(linkToken).then((result) => {
      if (!live) return;
      if (result.ok) {
        saveCoordinatorSession(result.data.sessionToken);
        setGate({ kind: 'ready', sessionToken: result.data.sessionToken });
      } else if (isOffline(result)) {
        setGate({ kind: 'offline' });
      } else {
        const code = errorOf(result)?.code ?? null;
        setGate(code === ErrorCode.INVALID_TOKEN || code === ErrorCode.VALIDATION_FAILED ? { kind: 'invalid-link' } : { kind: 'failed', code });
      }
    });
    return () => {
      live = false;
    };
  }, [linkToken, attempt]);

  const retry = useCallback(() => {
    setGate({ kind: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  /** The server refused the session: forget it here too. */
  const expire = useCallback(() => {
    forgetCoordinatorSession();
    setGate({ kind: 'expired' });
  }, []);

  const signOut = useCallback(() => {
    forgetCoordinatorSession();
    setGate({ kind: 'signed-out' });
  }, []);

  return { gate, retry, expire, signOut };
}
