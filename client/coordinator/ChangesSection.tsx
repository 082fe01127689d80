import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewChange } from '../../shared';
import { currentLocale } from '../i18n';
import { changeKindText, groupChanges } from './change-report';
import { StatusBadge } from './StatusBadge';
import { formatCopenhagen, formatCopenhagenDay, today } from './time';

interface Props {
  sinceDate: string;
  since: number | null;
  onSinceDate: (date: string) => void;
  changes: readonly OverviewChange[] | null;
  /** Whether filters other than the board are set: they do not narrow the changes. */
  otherFilters: boolean;
  now: number;
}

/** What changed since a date, board by board, newest first. */
export function ChangesSection({ sinceDate, since, onSinceDate, changes, otherFilters, now }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const locale = currentLocale();
  const day = since !== null ? formatCopenhagenDay(since, locale) : '';
  const groups = changes ? groupChanges(changes) : [];
  return (
    <div className="coord-changes">
      <div className="field coord-changes__since">
        <label htmlFor={`${ids}-since`}>{t('coordinator.changes.since')}</label>
        <input
          id={`${ids}-since`}
          type="date"
          value={sinceDate}
          max={today(now)}
          aria-describedby={`${ids}-since-hint${since === null ? ` ${ids}-since-error` : ''}`}
          aria-invalid={since === null || undefined}
          onChange={(e) => onSinceDate(e.target.value)}
        />
        <p id={`${ids}-since-hint`} className="hint">
          {t('coordinator.changes.sinceHelp')}
        </p>
        {since === null ? (
          <p id={`${ids}-since-error`} className="error-text">
            {t('coordinator.changes.invalidDate')}
          </p>
        ) : null}
      </div>
      {since !== null && changes ? (
        <>
          <p className="coord-changes__summary" aria-live="polite">
            {changes.length === 0
              ? t('coordinator.changes.none', { date: day })
              : t('coordinator.changes.count', { count: changes.length, date: day })}
          </p>
          {otherFilters ? <p className="hint">{t('coordinator.changes.boardScope')}</p> : null}
          {groups.map((group) => (
            <section key={group.boardId} className="coord-changes__board" aria-labelledby={`${ids}-${group.boardId}`}>
              <h3 id={`${ids}-${group.boardId}`}>
                {group.boardTitle || t('coordinator.overview.untitled')}{' '}
                <span className="coord-changes__count">({t('coordinator.changes.boardChanges', { count: group.changes.length })})</span>
              </h3>
              <ol className="coord-changes__list">
                {group.changes.map((change) => (
                  <li key={`${change.kind}/${change.id}/${change.at}`} className="coord-change" data-kind={change.kind}>
                    <p className="coord-change__what">
                      <time dateTime={new Date(change.at).toISOString()}>{formatCopenhagen(change.at, locale)}</time>
                      {change.kind === 'status-changed' && change.status ? (
                        <span className="coord-change__kind">
                          {t('coordinator.changes.newStatus')} <StatusBadge status={change.status} />
                        </span>
                      ) : (
                        <span className="coord-change__kind">{changeKindText(t, change)}</span>
                      )}
                      {change.by ? <span className="coord-change__by">{t('coordinator.changes.by', { name: change.by })}</span> : null}
                    </p>
                    <p className="coord-change__text">{change.text}</p>
                    {change.rationale ? (
                      <p className="coord-change__rationale">{t('coordinator.changes.rationale', { text: change.rationale })}</p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
