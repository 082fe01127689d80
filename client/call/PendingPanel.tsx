import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from './outbox';
import type { EntryStatus } from './outbox-sender';

interface Props {
  entry: OutboxEntry;
  status: EntryStatus;
  stored: boolean;
  onRetry: () => void;
  onWriteAnother: () => void;
}

/** After "send" and before the server's answer: sending, or kept on the device and why. */
export function PendingPanel({ entry, status, stored, onRetry, onWriteAnother }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const sending = status.kind === 'sending' || status.kind === 'queued';
  // While the server's wait runs, a retry could not go sooner; it happens by itself.
  const canRetry = status.kind === 'offline';

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="card call-pending" aria-labelledby="call-pending-heading" data-outbox={status.kind}>
      <h2 id="call-pending-heading" ref={heading} tabIndex={-1}>
        {sending ? t('call.outbox.sendingHeading') : t('call.outbox.waitingHeading')}
      </h2>
      <StatusSentence status={status} />
      {!stored ? <p className="notice">{t('call.outbox.notStored')}</p> : null}
      <h3 className="call-pending__label">{t('call.outbox.yourText')}</h3>
      <blockquote className="call-quote">{entry.request.text}</blockquote>
      <div className="actions">
        {canRetry ? (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('call.outbox.retry')}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={onWriteAnother}>
          {t('call.outbox.writeAnother')}
        </button>
      </div>
    </section>
  );
}

/** Polite live region: moving from "sending" to "kept on this device" is announced. */
export function StatusSentence({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  let sentence: string;
  if (status.kind === 'offline') sentence = t('call.outbox.offline');
  else if (status.kind === 'waiting') {
    // The wait as asked, not a ticking countdown: a live region that changed every second would never stop talking.
    const { seconds } = status;
    sentence = status.rateLimited ? t('call.outbox.rateLimited', { seconds }) : t('call.outbox.serverBusy', { seconds });
  } else sentence = t('call.outbox.sending');
  return (
    <p role="status" className={`call-outbox-status call-outbox-status--${status.kind}`}>
      {sentence}
    </p>
  );
}

/** On the form, when ideas written earlier still wait to be sent. */
export function WaitingNotice({ count, status, onRetry }: { count: number; status: EntryStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice call-waiting" data-outbox={status.kind}>
      <p>
        <strong>{t('call.outbox.waitingCount', { count })}</strong>
      </p>
      <StatusSentence status={status} />
      {status.kind === 'offline' ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t('call.outbox.retry')}
        </button>
      ) : null}
    </div>
  );
}
