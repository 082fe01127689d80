import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { CallForm } from './CallForm';
import { CallLink } from './CallLink';
import { CallStatusText } from './CallStatusText';

/** The board's public call: status, link with QR code, and its settings. */
export function CallCard() {
  const { t } = useTranslation();
  const ids = useId();
  const call = useBoardStore((s) => s.settings?.call ?? null);
  const [message, setMessage] = useState<string | null>(null);
  // A change saved here or by another facilitator starts the form afresh from the document.
  const draftKey = call ? JSON.stringify([call.enabled, call.opensAt, call.closesAt, call.moderation]) : 'none';

  return (
    <section className="mod-call-card" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('moderation.call.heading')}</h3>
      <p className="hint">{t('moderation.call.intro')}</p>
      <CallStatusText call={call} />
      {call ? <CallLink call={call} onRotated={() => setMessage(t('moderation.call.rotated'))} /> : null}
      <CallForm key={draftKey} call={call} onSaved={() => setMessage(t('moderation.call.saved'))} onEdited={() => setMessage(null)} />
      <p role="status" className={message ? 'success-text' : 'sr-only'}>
        {message ?? ''}
      </p>
    </section>
  );
}
