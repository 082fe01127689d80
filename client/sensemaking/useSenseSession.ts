import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../shared';
import { resultErrorText } from '../i18n/errors';
import type { Sent } from '../rest/http';

/**
 * What the sensemaking panels share: the board and session they ask for, and turning a
 * failed answer into words.
 */
/** The part of a session the panels use (a stored session or a fresh one). */
export interface SenseSession {
  identity: Identity;
  sessionToken: string;
}

export function useSenseSession(session: SenseSession) {
  const { t } = useTranslation();
  const boardId = session.identity.boardId;
  const token = session.sessionToken;
  const failure = useCallback(<T,>(sent: Sent<T>): string | null => (sent.result.ok ? null : resultErrorText(t, sent.result)), [t]);
  return { boardId, token, failure };
}
