import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContributionReceipt } from '../../shared';
import { CopyButton } from '../ui/CopyButton';
import { receiptPath } from './receipt-code';

interface Props {
  receipt: ContributionReceipt;
  onWriteAnother: () => void;
}

/** Sent: the receipt code to keep, the link to follow the idea, and what happens next. */
export function Confirmation({ receipt, onWriteAnother }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The server names the address when it knows its public URL; otherwise it is this site's.
  const statusUrl = new URL(receipt.statusUrl || receiptPath(receipt.receipt), location.origin).href;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="card call-confirmation" aria-labelledby={`${ids}-heading`} data-receipt-state={receipt.state}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('call.sent.heading')}
      </h2>
      <p className="call-confirmation__next">{t(`call.sent.${receipt.state}`)}</p>
      <div className="call-receipt">
        <p className="call-receipt__label">
          {t('call.sent.receiptLabel')}
        </p>
        <p className="call-receipt__code" data-testid="receipt-code">
          {receipt.receipt}
        </p>
        <CopyButton text={receipt.receipt} what={t('call.sent.receiptWhat')} />
      </div>
      <p className="hint">{t('call.sent.receiptHint')}</p>
      <p className="call-confirmation__link">
        <a href={receiptPath(receipt.receipt)}>{t('call.sent.statusLink')}</a>
      </p>
      <div className="call-confirmation__url">
        <code>{statusUrl}</code>
        <CopyButton text={statusUrl} what={t('call.sent.statusLinkWhat')} />
      </div>
      <p className="hint">{t('call.sent.remembered')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onWriteAnother}>
          {t('call.sent.writeAnother')}
        </button>
      </div>
    </section>
  );
}
