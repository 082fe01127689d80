import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCall } from '../../../shared';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorText } from '../../ui/ErrorText';
import { QrCode } from '../../ui/QrCode';
import { useCommand } from '../console/useCommand';
import { callUrl } from './call-draft';
import { EmbedSnippet } from '../../embed/EmbedSnippet';
import { useBoardStore } from '../../state/board-store';

/** The public link with copy, QR code, and "new link" (which retires the old one, so it asks first). */
export function CallLink({ call, onRotated }: { call: PublicCall; onRotated: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { run, busy, error } = useCommand();
  const [confirming, setConfirming] = useState(false);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const url = callUrl(location.origin, call.callId);
  const title = useBoardStore((s) => s.settings?.title ?? '');

  const rotate = async () => {
    const result = await run('call:configure', {
      enabled: call.enabled,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      moderation: call.moderation,
      rotate: true,
    });
    if (result.ok) {
      setConfirming(false);
      onRotated();
      requestAnimationFrame(() => rotateButton.current?.focus());
    }
  };

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => rotateButton.current?.focus());
  };

  return (
    <div className="mod-call-link">
      <div className="mod-call-link__text">
        <label htmlFor={`${ids}-url`} className="mod-call-link__label">
          {t('moderation.call.link')}
        </label>
        <p id={`${ids}-help`} className="hint">
          {t('moderation.call.linkHelp')}
        </p>
        <div className="share-link__row">
          <input
            id={`${ids}-url`}
            className="share-link__url"
            readOnly
            value={url}
            aria-describedby={`${ids}-help`}
            data-call-url={url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={url} what={t('moderation.call.link')} />
        </div>
        <p className="mod-call-link__actions">
          <a href={url} target="_blank" rel="noreferrer">
            {t('moderation.call.openForm')}
          </a>
          {confirming ? null : (
            <button ref={rotateButton} type="button" className="button button--small" onClick={() => setConfirming(true)}>
              {t('moderation.call.rotate')}
            </button>
          )}
        </p>
        {confirming ? (
          <div className="mod-call-confirm" role="group" aria-labelledby={`${ids}-warning`}>
            <p id={`${ids}-warning`}>{t('moderation.call.rotateWarning')}</p>
            <div className="button-row">
              {/* The question is on screen right now: the first answer takes focus. */}
              <button type="button" className="button button--danger button--small" autoFocus disabled={busy} onClick={() => void rotate()}>
                {t('moderation.call.rotateYes')}
              </button>
              <button type="button" className="button button--small" onClick={cancel}>
                {t('app.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        <ErrorText message={error} />
        <EmbedSnippet callId={call.callId} title={title} url={url} />
      </div>
      <QrCode className="mod-call-link__qr" text={url} alt={t('moderation.call.qrAlt')} />
    </div>
  );
}
