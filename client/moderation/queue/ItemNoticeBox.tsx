import { useTranslation } from 'react-i18next';
import { useModerationStore } from '../moderation-store';
import type { ItemNotice } from '../slices/notices';
import { DecisionLine } from './DecisionLine';

/** Why this facilitator can no longer act on an item, and, when known, who decided what. */
export function ItemNoticeBox({ notice }: { notice: ItemNotice }) {
  const { t } = useTranslation();
  const dropNotice = useModerationStore((s) => s.dropNotice);
  return (
    <div className="mod-notice" data-notice={notice.kind}>
      <p className="mod-notice__text">{t(`moderation.notices.${notice.kind}`)}</p>
      {notice.latest ? <DecisionLine item={notice.latest} /> : null}
      <button type="button" className="button button--small" onClick={() => dropNotice(notice.shown.id)}>
        {t('moderation.notices.dismiss')}
      </button>
    </div>
  );
}
