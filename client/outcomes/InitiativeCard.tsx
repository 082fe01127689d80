import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { excerpt } from './initiative-form';
import { initiativeElementId, noteElementId } from '../ui/jump';
import { useJumpToNote } from './useJumpToNote';

/** Above this many ideas, the list starts folded, so one large initiative does not bury the others. */
const OPEN_UP_TO = 5;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

interface Props {
  initiative: Initiative;
  /** Facilitators' actions; absent for everyone else. */
  actions?: { onEdit: () => void; onDelete: () => void };
}

/** One initiative: what it is, who carries it, the decision, and the ideas it came from. */
export function InitiativeCard({ initiative, actions }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const ideas = useBoardStore((s) => s.ideas);
  const beacons = useBoardStore((s) => s.settings?.beacons);
  const jump = useJumpToNote();
  const titleId = `${ids}-title`;
  const shown = initiative.ideaIds.flatMap((id) => {
    const idea = ideas.get(id);
    return idea ? [idea] : [];
  });
  const notShown = initiative.ideaIds.length - shown.length;
  const beaconNames = initiative.beacons.flatMap((id) => beacons?.find((b) => b.id === id)?.name ?? []);
  const host = initiative.decisionLink ? hostOf(initiative.decisionLink) : null;

  return (
    <article
      id={initiativeElementId(initiative.id)}
      className={`initiative initiative--${initiative.scale}`}
      aria-labelledby={titleId}
      data-initiative={initiative.id}
    >
      <h3 id={titleId} className="initiative__title">
        {initiative.title}
      </h3>
      <p className="initiative__badges">
        <span className={`initiative__badge initiative__badge--${initiative.scale}`}>{t(`outcomes.initiatives.scale.${initiative.scale}`)}</span>
        <span className="initiative__badge">{t(`outcomes.initiatives.kindLong.${initiative.kind}`)}</span>
      </p>
      {initiative.description ? <p className="initiative__description">{initiative.description}</p> : null}
      <dl className="initiative__facts">
        {initiative.responsibleUnit ? (
          <div>
            <dt>{t('outcomes.initiatives.unit')}</dt>
            <dd>{initiative.responsibleUnit}</dd>
          </div>
        ) : null}
        {initiative.targetPhase !== null ? (
          <div>
            <dt>{t('outcomes.initiatives.targetPhase')}</dt>
            <dd>{t(`taxonomy.phase.${initiative.targetPhase}`)}</dd>
          </div>
        ) : null}
        {beaconNames.length > 0 ? (
          <div>
            <dt>{t('outcomes.initiatives.beacons')}</dt>
            <dd>{beaconNames.join(', ')}</dd>
          </div>
        ) : null}
        {initiative.decisionLink ? (
          <div>
            <dt>{t('outcomes.initiatives.decision')}</dt>
            <dd>
              <a href={initiative.decisionLink} target="_blank" rel="noopener noreferrer">
                {t('outcomes.initiatives.decisionLink')}
                {host ? ` (${host})` : ''}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {initiative.ideaIds.length === 0 ? (
        <p className="hint">{t('outcomes.initiatives.noIdeas')}</p>
      ) : (
        <details className="initiative__ideas" open={initiative.ideaIds.length <= OPEN_UP_TO}>
          <summary>{t('outcomes.initiatives.fromIdeas', { count: initiative.ideaIds.length })}</summary>
          <ul>
            {shown.map((idea) => (
              <li key={idea.id}>
                <a
                  href={`#${noteElementId(idea.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    jump(idea.id);
                  }}
                >
                  {excerpt(idea.text, 100)}
                </a>
              </li>
            ))}
          </ul>
          {notShown > 0 ? <p className="hint">{t('outcomes.initiatives.notShown', { count: notShown })}</p> : null}
        </details>
      )}
      {actions ? (
        <div className="initiative__actions">
          <button type="button" className="button button--small" aria-haspopup="dialog" aria-label={t('outcomes.initiatives.editLabel', { title: initiative.title })} onClick={actions.onEdit}>
            {t('outcomes.initiatives.edit')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-haspopup="dialog"
            aria-label={t('outcomes.initiatives.deleteLabel', { title: initiative.title })}
            onClick={actions.onDelete}
          >
            {t('outcomes.initiatives.delete')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
