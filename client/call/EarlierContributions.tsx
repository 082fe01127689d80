import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { receiptPath } from './receipt-code';
import type { RememberedReceipt } from './receipts';
import { formatShortTime } from './time';

/** "Your ideas": receipts this device remembers for this call, newest first, each a link to its status. */
export function EarlierContributions({ receipts }: { receipts: RememberedReceipt[] }) {
  const { t } = useTranslation();
  if (receipts.length === 0) return null;
  const locale = currentLocale();
  return (
    <section className="call-earlier" aria-labelledby="call-earlier-heading">
      <h2 id="call-earlier-heading">{t('call.earlier.heading')}</h2>
      <p className="hint">{t('call.earlier.hint')}</p>
      <ul className="call-earlier__list">
        {receipts.map((r) => (
          <li key={r.receipt} className="call-earlier__item">
            <a href={receiptPath(r.receipt)} aria-label={t('call.earlier.status', { code: r.receipt })}>
              <span className="call-earlier__code">{r.receipt}</span>
            </a>
            <span className="call-earlier__excerpt">{r.excerpt}</span>
            <span className="call-earlier__when">{t('call.earlier.sentAt', { when: formatShortTime(r.sentAt, locale) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
