import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, normalizeJoinCode, type CreateSessionRequest, type JoinCodeInfo } from '../../shared';
import { Layout } from '../app/Layout';
import { navigate } from '../app/navigation';
import { errorText } from '../i18n/errors';
import { send } from '../rest/api';
import { errorOf, isOffline, type ApiResult } from '../rest/http';
import { JoinForm } from '../session/JoinForm';
import { loadSession, saveSession } from '../session/storage';
import { CodeForm } from './CodeForm';
import { boardForCode, formatJoinCode, rememberCodeBoard } from './join-code';

type Step = { name: 'code' } | { name: 'board'; info: JoinCodeInfo };

/** The words for a failed lookup or join, with the wait the server asked for when rate limited. */
function useFailureText() {
  const { t } = useTranslation();
  return (result: ApiResult<unknown>, retryAfter: number | null): string => {
    if (isOffline(result)) return t('errors.offline');
    const code = errorOf(result)?.code;
    if (code === ErrorCode.RATE_LIMITED) {
      return retryAfter ? t('joinCode.rateLimitedFor', { seconds: retryAfter }) : t('joinCode.rateLimited');
    }
    if (code === ErrorCode.JOIN_CODE_UNKNOWN) return t('joinCode.unknown');
    if (code === ErrorCode.JOIN_CLOSED) return t('joinCode.closed');
    return errorText(t, code);
  };
}

/**
 * `/join` and `/join/:code`: a phone types (or scans) the code from the projector, sees
 * which board it opens, says who it is (or stays anonymous) and becomes a participant. The
 * session is kept like one made from a link, and the board opens.
 */
export function JoinCodePage({ initialCode }: { initialCode: string }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const [step, setStep] = useState<Step>({ name: 'code' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const lastRetryAfter = useRef<number | null>(null);

  const lookup = async (code: string) => {
    setBusy(true);
    setError(null);
    const { result, retryAfter } = await send('joinCodeInfo', { params: { code } });
    setBusy(false);
    if (!result.ok) {
      setError(failureText(result, retryAfter));
      return;
    }
    // The address now holds the code, so a reload or a shared link lands on the same board.
    history.replaceState(history.state, '', `/join/${encodeURIComponent(result.data.code)}`);
    setStep({ name: 'board', info: result.data });
  };

  // A code in the address (the projector's QR code) is looked up straight away.
  useEffect(() => {
    const code = normalizeJoinCode(initialCode);
    if (started.current || code.length === 0) return;
    started.current = true;
    void lookup(code);
    // Once, for the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    document.title = `${t('joinCode.title')} – ${t('app.name')}`;
  }, [t]);

  // The board's code (Yjs, socket.io) loads while the person says who they are, not after.
  // If it cannot be fetched now, the join asks again (and loads the page if it still cannot).
  useEffect(() => {
    if (step.name === 'board') import('../board/BoardPage').catch(() => undefined);
  }, [step.name]);

  const join = async (info: JoinCodeInfo, profile: Omit<CreateSessionRequest, 'token'>): Promise<ApiResult<unknown>> => {
    const { result, retryAfter } = await send('joinByCode', { body: { code: info.code, ...profile } });
    lastRetryAfter.current = retryAfter;
    if (!result.ok) return result;
    const { sessionToken, identity, board } = result.data;
    saveSession('board', { sessionToken, identity, capabilityToken: '', joinCode: info.code, boardTitle: board.title });
    rememberCodeBoard(info.code, board.id);
    const path = `/b/${encodeURIComponent(board.id)}`;
    try {
      // Loaded while the person typed; the board's socket opens now, while its page is drawn.
      const [{ prepareBoardSync }] = await Promise.all([import('../sync/useBoardSync'), import('../board/BoardPage')]);
      prepareBoardSync({ boardId: board.id, sessionToken, identity });
      navigate(path);
    } catch {
      // The board's code could not be fetched (a new version went out meanwhile): load the page.
      window.location.assign(path);
    }
    return result;
  };

  if (step.name === 'board') {
    const { info } = step;
    const knownBoard = boardForCode(info.code);
    const existing = knownBoard ? loadSession('board', knownBoard) : null;
    return (
      <Layout className="page--join">
        <div className="join join-code-page">
          <p className="join-code-page__code">
            {t('joinCode.codeIs')} <strong>{formatJoinCode(info.code)}</strong>{' '}
            <button type="button" className="button button--quiet button--small" onClick={() => setStep({ name: 'code' })}>
              {t('joinCode.otherCode')}
            </button>
          </p>
          {existing ? (
            <p className="notice">
              {t('joinCode.already', { name: existing.identity.displayName ?? t('board.anonymous') })}{' '}
              <a href={`/b/${encodeURIComponent(existing.identity.boardId)}`}>{t('joinCode.backToBoard')}</a>
            </p>
          ) : null}
          {info.open ? (
            <JoinForm
              title={info.title}
              expired={false}
              onJoin={(profile) => join(info, profile)}
              describeError={(result) => failureText(result, lastRetryAfter.current)}
            />
          ) : (
            <>
              <h1>{t('join.heading', { title: info.title })}</h1>
              <p role="alert" className="alert">
                {t('joinCode.closed')}
              </p>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void lookup(info.code)}>
                {t('joinCode.tryAgain')}
              </button>
            </>
          )}
        </div>
      </Layout>
    );
  }

  return (
    <Layout className="page--join">
      <div className="join join-code-page">
        <h1>{t('joinCode.heading')}</h1>
        <p className="lead">{t('joinCode.intro')}</p>
        <CodeForm initialCode={formatJoinCode(initialCode)} busy={busy} error={error} onSubmit={(code) => void lookup(code)} />
        <p className="join-code-page__help">{t('joinCode.noCode')}</p>
      </div>
    </Layout>
  );
}
