import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared';
import { useModerationStore } from '../moderation-store';
import { excerpt, itemText } from '../queue-logic';
import type { ItemNotice } from '../slices/notices';
import { useFormatTime } from '../time-hooks';
import { DecisionLine } from './DecisionLine';
import { ItemActions } from './ItemActions';
import { ItemBody } from './ItemBody';
import { ItemNoticeBox } from './ItemNoticeBox';

interface Props {
  item: QueueItem;
  notice: ItemNotice | undefined;
  queueHeadingId: string;
}

/** One queue item: what it is, who sent it, and what can be decided (or who decided it). */
export function QueueItemCard({ item, notice, queueHeadingId }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const format = useFormatTime();
  const selected = useModerationStore((s) => s.selected.has(item.id));
  const toggleSelected = useModerationStore((s) => s.toggleSelected);
  const actionable = item.state === 'pending' && !notice;

  return (
    <li className={`mod-item mod-item--${item.kind}${notice ? ' mod-item--notice' : ''}`} data-queue-item={item.id} data-kind={item.kind} data-state={item.state}>
      <article aria-labelledby={`${ids}-title`}>
        <div className="mod-item__head">
          {actionable ? (
            <input
              type="checkbox"
              className="mod-item__check"
              checked={selected}
              aria-label={t('moderation.queue.selectItem', { text: excerpt(itemText(item), 60) })}
              onChange={() => toggleSelected(item.id)}
            />
          ) : null}
          <h4 id={`${ids}-title`} className="mod-item__title" tabIndex={-1} data-item-heading="">
            {t(`moderation.kind.${item.kind}`)}
          </h4>
          <span className="mod-item__time">{t('moderation.received', { time: format(item.createdAt) })}</span>
          {item.state !== 'pending' ? <span className={`mod-state mod-state--${item.state}`}>{t(`moderation.states.${item.state}`)}</span> : null}
        </div>
        <ItemBody item={item} />
        {notice ? <ItemNoticeBox notice={notice} /> : <DecisionLine item={item} />}
        {actionable ? <ItemActions item={item} queueHeadingId={queueHeadingId} /> : null}
      </article>
    </li>
  );
}
