import { useTranslation } from 'react-i18next';
import type { PublicCall } from '../../../shared';
import { useFormatTime } from '../../moderation/time-hooks';
import { useCallStatus } from './useCallStatus';

/** The call's status in a sentence, with the time it opens or closes (Copenhagen time). */
export function CallStatusText({ call }: { call: PublicCall | null }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const status = useCallStatus(call);
  let text: string;
  switch (status) {
    case 'none':
      text = t('moderation.call.status.none');
      break;
    case 'disabled':
      text = t('moderation.call.status.disabled');
      break;
    case 'scheduled':
      text = t('moderation.call.status.scheduled', { time: format(call!.opensAt!) });
      break;
    case 'open':
      text = call?.closesAt != null ? t('moderation.call.status.openUntil', { time: format(call.closesAt) }) : t('moderation.call.status.open');
      break;
    case 'closed':
      text = t('moderation.call.status.closed', { time: format(call!.closesAt!) });
      break;
  }
  return (
    <p className={`mod-call-status mod-call-status--${status}`} data-call-status={status}>
      <span className="mod-call-status__label">{t('moderation.call.statusLabel')}</span> {text}
    </p>
  );
}

/** A short status for the moderation area's head, visible while the area is closed. */
export function CallChip({ call }: { call: PublicCall | null }) {
  const { t } = useTranslation();
  const status = useCallStatus(call);
  return (
    <span className={`mod-call-chip mod-call-chip--${status}`} data-call-chip={status}>
      {t(`moderation.call.chip.${status}`)}
    </span>
  );
}
