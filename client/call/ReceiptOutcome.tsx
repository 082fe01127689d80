import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptStatus, ReceiptView } from '../../shared';
import { currentLocale } from '../i18n';
import { formatShortTime } from './time';

/**
 * On the receipt of a published idea: what became of it on the board, as the facilitators
 * decided (the status, their public reason, when), and the earlier changes, newest first.
 * A merged idea goes on as the idea it was merged into, and the page says so plainly.
 */
export function ReceiptOutcome({ view }: { view: ReceiptView }) {
  const { t } = useTranslation();
  const ids = useId();
  const locale = currentLocale();
  // A receipt an older version cached for offline use has neither field.
  const status: ReceiptStatus | null = view.status ?? null;
  const mergedAt: number | null = view.mergedAt ?? null;
  // As on the board's notes: an idea that was never given a status has nothing to show yet.
  const shown = status !== null && (status.current.status !== 'new' || status.history.length > 1) ? status : null;
  return (
    <section className="receipt-outcome" aria-labelledby={`${ids}-h`} data-receipt-outcome="">
      <h2 id={`${ids}-h`}>{t(mergedAt !== null ? 'call.receipt.outcome.headingMerged' : 'call.receipt.outcome.heading')}</h2>
      {mergedAt !== null ? (
        <p className="receipt-outcome__merged" data-receipt-merged="">
          {t('call.receipt.merged', { when: formatShortTime(mergedAt, locale) })}
        </p>
      ) : null}
      {shown ? (
        <>
          <p className="receipt-outcome__current" data-receipt-status={shown.current.status}>
            <span className="receipt-outcome__label">{t('call.receipt.outcome.current')}</span>{' '}
            <strong className="receipt-outcome__status">{t(`comments.status.names.${shown.current.status}`)}</strong>{' '}
            <span className="receipt-outcome__since">{t('call.receipt.outcome.since', { when: formatShortTime(shown.current.at, locale) })}</span>
          </p>
          {shown.current.rationale ? (
            <div className="receipt-outcome__rationale">
              <h3>{t('call.receipt.outcome.rationale')}</h3>
              <p>{shown.current.rationale}</p>
            </div>
          ) : null}
          {shown.history.length > 1 ? (
            <>
              <h3 id={`${ids}-history`}>{t('call.receipt.outcome.history')}</h3>
              <ol className="receipt-outcome__history" aria-labelledby={`${ids}-history`}>
                {shown.history.map((change) => (
                  <li key={`${change.at}-${change.status}`}>
                    <span className="receipt-outcome__when">{formatShortTime(change.at, locale)}</span>{' '}
                    <span>{t(`comments.status.names.${change.status}`)}</span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </>
      ) : (
        <p className="hint">{t('call.receipt.outcome.none')}</p>
      )}
    </section>
  );
}
