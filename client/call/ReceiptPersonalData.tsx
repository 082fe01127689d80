import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resultErrorText } from '../i18n/errors';
import { request } from '../rest/api';
import { downloadJson } from '../rest/save-file';
import { deviceId } from './device';

type Step = { kind: 'idle' } | { kind: 'busy'; what: 'download' | 'delete' } | { kind: 'confirm' } | { kind: 'deleted' } | { kind: 'failed'; message: string };

/**
 * On the receipt page: the contributor downloads what the board keeps about their
 * contribution, or deletes it after a confirmation step. Deletion is said only once the
 * server has answered that it is done.
 */
export function ReceiptPersonalData({ code, onDeleted }: { code: string; onDeleted: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const busy = step.kind === 'busy';

  const download = async () => {
    setStep({ kind: 'busy', what: 'download' });
    const result = await request('myData', { params: { code }, headers: { 'X-Samskab-Device': deviceId() } });
    if (result.ok) {
      downloadJson(result.data, `samskab-${code}.json`);
      setStep({ kind: 'idle' });
    } else setStep({ kind: 'failed', message: resultErrorText(t, result) });
  };

  const remove = async () => {
    setStep({ kind: 'busy', what: 'delete' });
    const result = await request('deleteMyData', { params: { code }, headers: { 'X-Samskab-Device': deviceId() } });
    if (result.ok) {
      setStep({ kind: 'deleted' });
      onDeleted();
    } else setStep({ kind: 'failed', message: resultErrorText(t, result) });
  };

  if (step.kind === 'deleted') {
    return (
      <p role="status" className="gdpr-done">
        {t('gdpr.receipt.deleted')}
      </p>
    );
  }

  return (
    <section className="gdpr-receipt card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('gdpr.receipt.heading')}</h2>
      <p>{t('gdpr.receipt.intro')}</p>
      {step.kind === 'confirm' || (step.kind === 'busy' && step.what === 'delete') ? (
        <div role="alertdialog" aria-labelledby={`${ids}-ch`} aria-describedby={`${ids}-cb`} className="gdpr-confirm">
          <h3 id={`${ids}-ch`}>{t('gdpr.receipt.confirmHeading')}</h3>
          <p id={`${ids}-cb`}>{t('gdpr.receipt.confirmBody')}</p>
          <div className="actions">
            <button ref={confirmRef} type="button" className="button button--danger" disabled={busy} onClick={() => void remove()}>
              {busy ? t('gdpr.receipt.deleting') : t('gdpr.receipt.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setStep({ kind: 'idle' })}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void download()}>
            {step.kind === 'busy' && step.what === 'download' ? t('gdpr.receipt.downloading') : t('gdpr.receipt.download')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => {
              setStep({ kind: 'confirm' });
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            {t('gdpr.receipt.delete')}
          </button>
        </div>
      )}
      {step.kind === 'failed' ? (
        <p role="alert" className="alert">
          {step.message}
        </p>
      ) : null}
    </section>
  );
}
