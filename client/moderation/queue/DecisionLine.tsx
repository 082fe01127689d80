import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared';
import { useFormatTime } from '../time-hooks';
import { useReasonLabel } from './useReasonLabel';

/** Who decided what, when, and why: "Afvist af Mette, 12. jun. 2025 14.02 · Grund: Spam". */
export function DecisionLine({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const reasonLabel = useReasonLabel();
  if (!item.decision) return null;
  const { by, at, reason } = item.decision;
  return (
    <p className="mod-decision" data-decision={item.state}>
      {t('moderation.decisionBy', { state: t(`moderation.states.${item.state}`), who: by.name ?? t('moderation.someone'), time: format(at) })}
      {reason ? (
        <>
          {' · '}
          {t('moderation.decisionReason', { reason: reasonLabel(reason) })}
        </>
      ) : null}
    </p>
  );
}
