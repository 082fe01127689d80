import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, type ReceiptView } from '../../shared';
import { Layout } from '../app/Layout';
import { errorText } from '../i18n/errors';
import { errorOf, isOffline, type Sent } from '../rest/http';
import { fetchReceipt } from './call-api';
import { normalizeReceiptCode } from './receipt-code';
import { ReceiptLookup } from './ReceiptLookup';
import { ReceiptStatus } from './ReceiptStatus';
import { ReceiptPersonalData } from './ReceiptPersonalData';

type Load =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'loading' }
  | { kind: 'ready'; view: ReceiptView }
  | { kind: 'deleted' }
  | { kind: 'failed'; offline: boolean; code: string | null; retryAfter: number | null };

/** `/r/:code`: what became of a contribution, for the person holding its receipt code. */
export function ReceiptPage({ code: typed }: { code: string }) {
  const { t } = useTranslation();
  const code = normalizeReceiptCode(typed);
  const [load, setLoad] = useState<Load>(!typed ? { kind: 'none' } : code ? { kind: 'loading' } : { kind: 'invalid' });
  const [busy, setBusy] = useState(false);

  const apply = useCallback(({ result, retryAfter }: Sent<ReceiptView>) => {
    if (result.ok) {
      setLoad({ kind: 'ready', view: result.data });
      return;
    }
    const errorCode = errorOf(result)?.code ?? null;
    // A refresh without a connection keeps what was shown.
    setLoad((previous) =>
      previous.kind === 'ready' && isOffline(result)
        ? previous
        : { kind: 'failed', offline: isOffline(result), code: errorCode, retryAfter },
    );
  }, []);

  const refresh = async () => {
    if (!code) return;
    setBusy(true);
    apply(await fetchReceipt(code));
    setBusy(false);
  };

  useEffect(() => {
    if (!code) return;
    let live = true;
    void fetchReceipt(code).then((sent) => live && apply(sent));
    return () => {
      live = false;
    };
  }, [apply, code]);

  useEffect(() => {
    document.title = `${code ?? t('call.receipt.title')} – ${t('call.receipt.title')} – ${t('app.name')}`;
  }, [code, t]);

  return (
    <Layout className="page--receipt">
      <div className="receipt-page">
        <h1>{t('call.receipt.title')}</h1>
        {load.kind === 'loading' ? <p className="loading">{t('call.receipt.loading')}</p> : null}
        {load.kind === 'invalid' ? (
          <p role="alert" className="alert">
            {t('call.receipt.invalid')}
          </p>
        ) : null}
        {load.kind === 'failed' ? (
          <p role="alert" className="alert">
            {load.offline
              ? t('errors.offline')
              : load.code === ErrorCode.RATE_LIMITED && load.retryAfter
                ? t('call.rateLimitedFor', { seconds: load.retryAfter })
                : errorText(t, load.code)}
          </p>
        ) : null}
        {load.kind === 'ready' ? (
          <>
            <ReceiptStatus view={load.view} />
            <div className="actions">
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void refresh()}>
                {t('call.receipt.refresh')}
              </button>
              <a className="button button--quiet" href={`/c/${encodeURIComponent(load.view.callId)}`}>
                {t('call.receipt.backToCall')}
              </a>
            </div>
            {/* Deleted for good: the board keeps nothing about the contribution to download or delete. */}
            {load.view.deleted ? null : <ReceiptPersonalData code={load.view.receipt} onDeleted={() => setLoad({ kind: 'deleted' })} />}
          </>
        ) : null}
        {load.kind === 'deleted' ? (
          <p role="status" className="gdpr-done">
            {t('gdpr.receipt.deleted')}
          </p>
        ) : null}
        <ReceiptLookup first={load.kind !== 'ready' && load.kind !== 'deleted'} initial={load.kind === 'invalid' ? typed : ''} />
      </div>
    </Layout>
  );
}
