import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../shared';
import { ModalDialog } from '../comments/ModalDialog';
import { resultErrorText } from '../i18n/errors';
import { errorOf } from '../rest/http';
import { CopyButton } from '../ui/CopyButton';
import { request } from '../rest/api';

type Outcome = { kind: 'none' } | { kind: 'rotated'; link: string } | { kind: 'from-environment' } | { kind: 'failed'; message: string };

/** A new coordinator link after a confirmation; shown once, since the server keeps only its hash. */
export function RotateLink({ sessionToken, onExpired }: { sessionToken: string; onExpired: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const rotate = async () => {
    setBusy(true);
    const result = await request('rotateCoordinatorLink', { session: sessionToken, cache: 'no-store' });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      // Built on the address in use: without PUBLIC_URL the server can only guess its own.
      setOutcome({ kind: 'rotated', link: `${window.location.origin}/coordinator#k=${encodeURIComponent(result.data.token)}` });
      return;
    }
    const code = errorOf(result)?.code;
    if (code === ErrorCode.UNAUTHENTICATED) onExpired();
    // 409: the token is COORDINATOR_TOKEN's, which only the operator can change.
    else if (code === ErrorCode.FORBIDDEN) setOutcome({ kind: 'from-environment' });
    else setOutcome({ kind: 'failed', message: t('coordinator.rotate.failed', { reason: resultErrorText(t, result) }) });
  };

  return (
    <div className="coord-rotate">
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('coordinator.rotate.button')}
      </button>
      {outcome.kind === 'rotated' ? (
        <div className="coord-rotate__result">
          <label htmlFor="coord-new-link" className="coord-rotate__label">
            {t('coordinator.rotate.newLink')}
          </label>
          <input
            id="coord-new-link"
            className="coord-rotate__link"
            readOnly
            value={outcome.link}
            aria-describedby="coord-new-link-once"
            onFocus={(e) => e.target.select()}
          />
          <CopyButton text={outcome.link} what={t('coordinator.rotate.newLink')} />
          <p id="coord-new-link-once" className="modal__warning">
            {t('coordinator.rotate.shownOnce')}
          </p>
        </div>
      ) : null}
      <div role="status">
        {outcome.kind === 'from-environment' ? (
          <p className="notice">{t('coordinator.rotate.fromEnvironment')}</p>
        ) : outcome.kind === 'failed' ? (
          <p className="error-text">{outcome.message}</p>
        ) : null}
      </div>
      {confirming ? (
        <ModalDialog
          title={t('coordinator.rotate.confirmTitle')}
          onClose={() => !busy && setConfirming(false)}
          // The new link, once there is one: that is what to copy next.
          returnFocus={() => document.getElementById('coord-new-link')}
        >
          <div className="modal__body">
            <p>{t('coordinator.rotate.confirmBody')}</p>
            <div className="modal__actions">
              <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => !busy && void rotate()}>
                {busy ? t('coordinator.rotate.busy') : t('coordinator.rotate.confirm')}
              </button>
              <button type="button" className="button" data-autofocus onClick={() => !busy && setConfirming(false)}>
                {t('app.cancel')}
              </button>
            </div>
          </div>
        </ModalDialog>
      ) : null}
    </div>
  );
}
