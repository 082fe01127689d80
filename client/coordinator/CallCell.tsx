import { useTranslation } from 'react-i18next';
import type { OverviewCall } from '../../shared';
import { formatCopenhagen } from './time';

/**
 * A board's public call in the boards table: "Åben til 30. jun. 2025 23.59", "Åbner …",
 * "Lukket …" or "Ingen", on Copenhagen's clock, as the call's own settings show its times.
 */
export function CallCell({ call, locale }: { call: OverviewCall | null; locale: string }) {
  const { t } = useTranslation();
  if (call === null) return <span className="coord-call coord-call--none">{t('coordinator.overview.callNone')}</span>;
  const at = call.state === 'not-yet-open' ? call.opensAt : call.closesAt;
  const time =
    at === null ? null : (
      <time dateTime={new Date(at).toISOString()}>{formatCopenhagen(at, locale)}</time>
    );
  const text = (() => {
    switch (call.state) {
      case 'open':
        return time ? t('coordinator.overview.callOpenUntil') : t('coordinator.overview.callOpen');
      case 'not-yet-open':
        return t('coordinator.overview.callOpens');
      case 'closed':
        return t('coordinator.overview.callClosed');
    }
  })();
  return (
    <span className={`coord-call coord-call--${call.state}`}>
      {text}
      {time ? <> {time}</> : null}
    </span>
  );
}
