import { useTranslation } from 'react-i18next';
import { MODERATION_REASONS, type ModerationReason, type ReceiptView } from '../../shared';
import { currentLocale } from '../i18n';
import { ReceiptOutcome } from './ReceiptOutcome';
import { formatShortTime } from './time';

function isListedReason(reason: string): reason is ModerationReason {
  return (MODERATION_REASONS as readonly string[]).includes(reason);
}

/** What became of a contribution: its state in words, why (if it was not shown), its text and dates. */
export function ReceiptStatus({ view }: { view: ReceiptView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { reason } = view;
  // A deletion for good has words of its own: the server kept nothing to show beside them.
  const said = view.deleted ? 'deleted' : view.state;
  // A reason from the list has words in each language; a moderator's own words are shown as written.
  const reasonText =
    reason === null || view.state !== 'not-published'
      ? null
      : isListedReason(reason)
        ? t(`call.reasons.${reason}`)
        : reason;
  return (
    <div className="card receipt-status" data-receipt-state={view.state} data-receipt-deleted={view.deleted ? '' : undefined}>
      <dl className="receipt-facts">
        <div>
          <dt>{t('call.receipt.code')}</dt>
          <dd className="receipt-facts__code">{view.receipt}</dd>
        </div>
        <div>
          <dt>{t('call.receipt.call')}</dt>
          <dd>
            <a href={`/c/${encodeURIComponent(view.callId)}`}>{view.boardTitle}</a>
          </dd>
        </div>
      </dl>
      <p className={`receipt-state receipt-state--${view.state}`}>
        <span className="receipt-state__mark" aria-hidden="true" />
        {t(`call.receipt.states.${said}`)}
      </p>
      <p>{t(`call.receipt.explain.${said}`)}</p>
      {reasonText ? (
        <div className="receipt-reason">
          <h2>{t('call.receipt.reason')}</h2>
          <p>{reasonText}</p>
        </div>
      ) : null}
      {view.state === 'published' ? <ReceiptOutcome view={view} /> : null}
      {view.deleted ? null : (
        <>
          <h2>{t('call.receipt.yourText')}</h2>
          {view.text ? (
            <blockquote className="call-quote">{view.text}</blockquote>
          ) : (
            <p className="hint">{t('call.receipt.textDeleted')}</p>
          )}
        </>
      )}
      {/* Null after a deletion for good: not even when it was sent is kept. */}
      {view.submittedAt !== null ? (
        <dl className="receipt-facts receipt-facts--dates">
          <div>
            <dt>{t('call.receipt.submitted')}</dt>
            <dd>{formatShortTime(view.submittedAt, locale)}</dd>
          </div>
          {/* Post-moderation publishes on arrival: there was no decision worth a date of its own. */}
          {view.decidedAt !== null && view.decidedAt !== view.submittedAt ? (
            <div>
              <dt>{t('call.receipt.decided')}</dt>
              <dd>{formatShortTime(view.decidedAt, locale)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
