import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionKind, QueueItem } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';
import { selectSelected, useModerationStore } from '../moderation-store';
import { applicableIds } from '../queue-logic';
import { ReasonForm } from './ReasonForm';
import { useDecide } from './useDecide';

interface Props {
  /** The cards on screen; only waiting ones without a notice can be selected. */
  selectable: readonly QueueItem[];
}

/** "Select all" and the decisions for everything ticked at once. */
export function BulkBar({ selectable }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const selected = useModerationStore(selectSelected);
  const setSelected = useModerationStore((s) => s.setSelected);
  const [rejecting, setRejecting] = useState(false);
  const { send, busy, error } = useDecide();

  const chosen = selectable.filter((item) => selected.has(item.id));
  const all = selectable.length > 0 && chosen.length === selectable.length;
  const some = chosen.length > 0 && !all;
  const approveIds = applicableIds(selectable, selected, 'approve');
  const dismissIds = applicableIds(selectable, selected, 'dismiss');

  const run = async (decision: DecisionKind, itemIds: string[], reason?: string) => {
    if (itemIds.length === 0) return;
    const answer = await send(reason === undefined ? { decision, itemIds } : { decision, itemIds, reason });
    if (answer.ok) setRejecting(false);
  };

  return (
    <div className="mod-bulk" role="group" aria-labelledby={`${ids}-label`}>
      <span id={`${ids}-label`} className="sr-only">
        {t('moderation.queue.bulkLabel')}
      </span>
      <div className="mod-bulk__row">
        <label className="check mod-bulk__all">
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = some;
            }}
            onChange={() => setSelected(all ? [] : selectable.map((item) => item.id))}
          />
          {t('moderation.queue.selectAll')}
        </label>
        <span className="mod-bulk__count" aria-live="polite" data-selected={chosen.length}>
          {t('moderation.queue.selected', { count: chosen.length })}
        </span>
      </div>
      {chosen.length > 0 && !rejecting ? (
        <div className="button-row">
          {approveIds.length > 0 ? (
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void run('approve', approveIds)}>
              {t('moderation.queue.bulkApprove')} ({approveIds.length})
            </button>
          ) : null}
          {approveIds.length > 0 ? (
            <button type="button" className="button button--small" disabled={busy} onClick={() => setRejecting(true)}>
              {t('moderation.queue.bulkReject')} ({approveIds.length})
            </button>
          ) : null}
          {dismissIds.length > 0 ? (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void run('dismiss', dismissIds)}>
              {t('moderation.queue.bulkDismiss')} ({dismissIds.length})
            </button>
          ) : null}
          <button type="button" className="button button--quiet button--small" onClick={() => setSelected([])}>
            {t('moderation.queue.bulkClear')}
          </button>
        </div>
      ) : null}
      {rejecting ? (
        <ReasonForm
          purpose="reject"
          legend={t('moderation.queue.bulkRejectLegend')}
          busy={busy}
          onSubmit={(reason) => void run('reject', applicableIds(selectable, selected, 'reject'), reason)}
          onCancel={() => setRejecting(false)}
        />
      ) : null}
      <ErrorText message={error} />
    </div>
  );
}
