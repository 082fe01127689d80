import { useTranslation } from 'react-i18next';
import { selectPending, useModerationStore } from './moderation-store';

/** How many items wait for a decision, in words ("3 venter"), not by colour alone. */
export function CountBadge() {
  const { t } = useTranslation();
  const pending = useModerationStore(selectPending);
  if (pending === null) return null;
  return (
    <span className={`count-badge${pending === 0 ? ' count-badge--zero' : ''}`} data-pending={pending}>
      {pending === 0 ? t('moderation.badgeNone') : t('moderation.badge', { count: pending })}
    </span>
  );
}
