import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { DeleteInitiativeDialog } from './DeleteInitiativeDialog';
import { InitiativeCard } from './InitiativeCard';
import { InitiativeDialog } from './InitiativeDialog';
import { focusable, initiativeElementId } from '../ui/jump';

export const INITIATIVES_SECTION_ID = 'initiatives';

/**
 * The board's initiatives, for everyone: what became of the ideas. Facilitators record,
 * change and remove them here. Participants see the section once there is something in it.
 */
export function InitiativesSection() {
  const { t } = useTranslation();
  const ids = useId();
  const initiatives = useBoardStore((s) => s.initiatives);
  const facilitator = useBoardStore((s) => s.identity?.role === 'facilitator');
  const [editing, setEditing] = useState<Initiative | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Initiative | null>(null);
  if (!facilitator && initiatives.length === 0) return null;

  // After a delete: the next card's, else the previous one's, else the section's "New" button.
  const afterDelete = (initiative: Initiative) => () => {
    const at = initiatives.findIndex((i) => i.id === initiative.id);
    const near = initiatives[at + 1] ?? initiatives[at - 1];
    return (near ? focusable(initiativeElementId(near.id)) : null) ?? document.getElementById(`${ids}-add`);
  };

  return (
    <section id={INITIATIVES_SECTION_ID} className="initiatives" aria-labelledby={`${ids}-heading`} tabIndex={-1}>
      <div className="initiatives__head">
        <h2 id={`${ids}-heading`}>
          {t('outcomes.initiatives.heading')}{' '}
          <span className="initiatives__count">({initiatives.length})</span>
        </h2>
        {facilitator ? (
          <button id={`${ids}-add`} type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setEditing('new')}>
            {t('outcomes.initiatives.add')}
          </button>
        ) : null}
      </div>
      <p className="hint">{t('outcomes.initiatives.intro')}</p>
      {initiatives.length === 0 ? (
        <p className="initiatives__empty">{t('outcomes.initiatives.empty')}</p>
      ) : (
        <ul className="initiatives__list">
          {initiatives.map((initiative) => (
            <li key={initiative.id}>
              <InitiativeCard
                initiative={initiative}
                actions={facilitator ? { onEdit: () => setEditing(initiative), onDelete: () => setDeleting(initiative) } : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {editing ? <InitiativeDialog initiative={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? <DeleteInitiativeDialog initiative={deleting} afterDelete={afterDelete(deleting)} onClose={() => setDeleting(null)} /> : null}
    </section>
  );
}
