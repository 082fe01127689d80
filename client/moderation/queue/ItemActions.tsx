import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecideRequest, QueueItem } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';
import { EditApproveForm } from './EditApproveForm';
import { LiveLanding, useLiveLanding } from './LiveLanding';
import { ReasonForm } from './ReasonForm';
import { focusAfterDecision, neighbourOf, useDecide } from './useDecide';

type Mode = 'buttons' | 'reject' | 'edit' | 'hide';

interface Props {
  item: QueueItem;
  /** The queue heading's id: where focus goes when no card is left. */
  queueHeadingId: string;
}

/** The decisions that fit an item's kind, with the reason or edit form each needs. */
export function ItemActions({ item, queueHeadingId }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [mode, setMode] = useState<Mode>('buttons');
  const { send, busy, error } = useDecide();
  const landing = useLiveLanding(item);

  const run = async (request: Omit<DecideRequest, 'itemIds'>) => {
    const neighbour = neighbourOf(item.id);
    const answer = await send({ ...request, itemIds: [item.id] });
    if (!answer.ok) return;
    setMode('buttons');
    if (answer.results.some((r) => r.outcome === 'done')) focusAfterDecision(item.id, neighbour, queueHeadingId);
  };

  const back = (opener: string) => {
    setMode('buttons');
    requestAnimationFrame(() => document.getElementById(`${ids}-${opener}`)?.focus());
  };

  if (mode === 'reject' || mode === 'hide') {
    return (
      <div className="mod-item__actions">
        <ReasonForm
          purpose={mode}
          busy={busy}
          onSubmit={(reason) => void run({ decision: mode === 'reject' ? 'reject' : 'hide-target', reason })}
          onCancel={() => back(mode)}
        />
        <ErrorText message={error} />
      </div>
    );
  }
  if (mode === 'edit' && item.kind === 'contribution') {
    return (
      <div className="mod-item__actions">
        <EditApproveForm
          idea={item.idea}
          busy={busy}
          onSubmit={(edit) => void run(edit ? { decision: 'approve', edit } : { decision: 'approve' })}
          onCancel={() => back('edit')}
        />
        <ErrorText message={error} />
      </div>
    );
  }

  const button = (key: string, label: string, onClick: () => void, tone = '', describedBy?: string) => (
    <button id={`${ids}-${key}`} type="button" className={`button button--small${tone}`} disabled={busy} onClick={onClick} aria-describedby={describedBy}>
      {label}
    </button>
  );

  return (
    <div className="mod-item__actions">
      {landing ? <LiveLanding step={landing} id={`${ids}-landing`} /> : null}
      <div className="button-row">
        {item.kind === 'report' ? (
          <>
            {button('dismiss', t('moderation.actions.dismiss'), () => void run({ decision: 'dismiss' }))}
            {button(
              'hide',
              t(item.target.kind === 'idea' ? 'moderation.actions.hideIdea' : 'moderation.actions.hideComment'),
              () => setMode('hide'),
              ' button--danger',
            )}
          </>
        ) : (
          <>
            {button('approve', t('moderation.actions.approve'), () => void run({ decision: 'approve' }), ' button--primary', landing ? `${ids}-landing` : undefined)}
            {item.kind === 'contribution' ? button('edit', t('moderation.actions.editApprove'), () => setMode('edit'), '', landing ? `${ids}-landing` : undefined) : null}
            {button('reject', t('moderation.actions.reject'), () => setMode('reject'))}
          </>
        )}
      </div>
      {busy ? <p className="hint">{t('moderation.actions.working')}</p> : null}
      <ErrorText message={error} />
    </div>
  );
}
