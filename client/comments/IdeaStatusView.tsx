import { useT } from '../i18n/useT';
import type { IdeaStatusRecord } from '../../shared';
import { useIdeaValue } from '../state/idea-fields';
import { STATUS_GLYPHS } from './social-format';
import { When } from './When';

/** Whether a note shows its status: not for ideas nobody has decided anything about yet. */
export function showsStatus(record: IdeaStatusRecord | undefined): record is IdeaStatusRecord {
  return record !== undefined && (record.current.status !== 'new' || record.history.length > 1);
}

/** At the top of a note: what became of the idea, as a glyph and words (not only colour). */
export function IdeaStatusBadge({ ideaId }: { ideaId: string }) {
  const t = useT();
  const record = useIdeaValue(ideaId, (s) => s.statuses.get(ideaId));
  if (!showsStatus(record)) return null;
  const { status } = record.current;
  const name = t(`comments.status.names.${status}`);
  return (
    <p className={`status-badge status-badge--${status}`} data-status-value={status}>
      <span aria-hidden="true" className="status-badge__glyph">
        {STATUS_GLYPHS[status]}
      </span>{' '}
      <span className="sr-only">{t('comments.status.label', { status: name })}</span>
      <span aria-hidden="true">{name}</span>
    </p>
  );
}

/** Under the idea's text: the public rationale and every change with who and when. */
export function IdeaStatusDetails({ ideaId }: { ideaId: string }) {
  const t = useT();
  const record = useIdeaValue(ideaId, (s) => s.statuses.get(ideaId));
  if (!showsStatus(record)) return null;
  const { current, history } = record;
  return (
    <div className="idea-status">
      {current.rationale ? <p className="idea-status__rationale">{t('comments.status.rationale', { text: current.rationale })}</p> : null}
      {history.length > 0 ? (
        <details className="idea-status__history">
          <summary>{t('comments.status.history')}</summary>
          <ol>
            {[...history].reverse().map((change) => (
              <li key={`${change.at}-${change.status}`}>
                <span className="idea-status__what">{t(`comments.status.names.${change.status}`)}</span> –{' '}
                {change.by.name ?? t('board.anonymous')}, <When at={change.at} />
                {change.rationale ? <span className="idea-status__why"> – {change.rationale}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
