import { useTranslation } from 'react-i18next';
import type { PublicCallInfo } from '../../shared';
import { CopyButton } from '../ui/CopyButton';

const HEADINGS = {
  closed: ['call.unavailable.closedHeading', 'call.unavailable.closedBody'],
  'not-yet-open': ['call.unavailable.notYetHeading', 'call.unavailable.notYetBody'],
  disabled: ['call.unavailable.disabledHeading', 'call.unavailable.disabledBody'],
} as const;

/**
 * Instead of the form, when the call does not take ideas now. A text written before it
 * closed is still shown, so the person can copy it elsewhere.
 */
export function CallUnavailable({ state, draftText }: { state: Exclude<PublicCallInfo['state'], 'open'>; draftText: string }) {
  const { t } = useTranslation();
  const [heading, body] = HEADINGS[state];
  return (
    <section className="card call-unavailable" aria-labelledby="call-unavailable-heading">
      <h2 id="call-unavailable-heading">{t(heading)}</h2>
      <p>{t(body)}</p>
      {draftText.trim() ? (
        <div className="call-kept-text">
          <h3>{t('call.unavailable.draftHeading')}</h3>
          <blockquote className="call-quote">{draftText}</blockquote>
          <CopyButton text={draftText} what={t('call.unavailable.draftWhat')} />
        </div>
      ) : null}
    </section>
  );
}

/** A link that never worked, or one rotated away by the facilitator. */
export function CallNotFound() {
  const { t } = useTranslation();
  return (
    <div className="message-page call-not-found">
      <h1>{t('call.notFound.heading')}</h1>
      <p>{t('call.notFound.body')}</p>
      <p>{t('call.notFound.receiptHint')}</p>
      <p>
        <a href="/r">{t('call.notFound.lookup')}</a>
      </p>
    </div>
  );
}
