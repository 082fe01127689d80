import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSync } from '../../board/BoardSyncContext';
import { refreshQueue } from '../actions';
import { selectFeedback, selectItems, selectNotices, selectQueueStatus, selectView, useModerationStore } from '../moderation-store';
import { visibleItems } from '../queue-logic';
import type { QueueView } from '../slices/queue';
import { BulkBar } from './BulkBar';
import { QueueItemCard } from './QueueItemCard';

const VIEWS: QueueView[] = ['pending', 'all'];

/** The live moderation queue: what waits (or everything), bulk decisions, and each item. */
export function QueuePanel() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const view = useModerationStore(selectView);
  const setView = useModerationStore((s) => s.setView);
  const items = useModerationStore(selectItems);
  const notices = useModerationStore(selectNotices);
  const status = useModerationStore(selectQueueStatus);
  const feedback = useModerationStore(selectFeedback);
  const visible = useMemo(() => visibleItems(items, notices), [items, notices]);
  const selectable = useMemo(() => visible.filter((item) => item.state === 'pending' && !notices.has(item.id)), [visible, notices]);

  const refresh = () => void refreshQueue(sync);
  const changeView = (next: QueueView) => {
    setView(next);
    refresh();
  };

  const feedbackText = feedback
    ? [
        feedback.done > 0 ? t(`moderation.feedback.${feedback.decision}`, { count: feedback.done }) : '',
        feedback.problems > 0 ? t('moderation.feedback.problems', { count: feedback.problems }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : '';

  return (
    <section className="mod-queue" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} tabIndex={-1}>
        {t('moderation.queue.heading')}
      </h3>
      <p className="hint">{t('moderation.queue.intro')}</p>
      <fieldset className="mod-segmented">
        <legend className="mod-segmented__legend">{t('moderation.queue.view')}</legend>
        {VIEWS.map((v) => (
          <label key={v} className="mod-segmented__option">
            <input type="radio" name={`${ids}-view`} value={v} checked={view === v} onChange={() => changeView(v)} />
            <span>{t(v === 'pending' ? 'moderation.queue.viewPending' : 'moderation.queue.viewAll')}</span>
          </label>
        ))}
      </fieldset>
      <p role="status" className={feedbackText ? 'mod-feedback' : 'sr-only'} data-feedback={feedback?.seq ?? 0}>
        {feedbackText}
      </p>
      {selectable.length > 0 ? <BulkBar selectable={selectable} /> : null}
      {visible.length > 0 ? (
        <ol className="mod-list" aria-labelledby={`${ids}-heading`}>
          {visible.map((item) => (
            <QueueItemCard key={item.id} item={item} notice={notices.get(item.id)} queueHeadingId={`${ids}-heading`} />
          ))}
        </ol>
      ) : status === 'failed' ? (
        <p className="error-text">
          {t('moderation.queue.failed')}{' '}
          <button type="button" className="button button--small" onClick={refresh}>
            {t('moderation.queue.retry')}
          </button>
        </p>
      ) : status === 'ready' ? (
        <p className="mod-empty">{t(view === 'pending' ? 'moderation.queue.empty' : 'moderation.queue.emptyAll')}</p>
      ) : (
        <p className="loading">{t('moderation.queue.loading')}</p>
      )}
    </section>
  );
}
