import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';
import { useBoardSync } from '../../board/BoardSyncContext';
import { loadAudit } from '../actions';
import { auditMatches, auditQuery } from '../audit-format';
import { selectAuditEntries, selectAuditFilters, selectAuditStatus, selectChangeSeq, useModerationStore } from '../moderation-store';
import { AuditEntryItem } from './AuditEntryItem';
import { AuditFiltersForm } from './AuditFiltersForm';
import { ExportAuditButton } from './ExportAuditButton';

interface Props {
  boardId: string;
  sessionToken: string;
}

/** The moderation log, newest first, filtered, kept current while it is open, and exportable. */
export function AuditPanel({ boardId, sessionToken }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const filters = useModerationStore(selectAuditFilters);
  const entries = useModerationStore(selectAuditEntries);
  const status = useModerationStore(selectAuditStatus);
  const changeSeq = useModerationStore(selectChangeSeq);
  const query = useMemo(() => auditQuery(filters), [filters]);

  // Every moderation change writes a log entry, so the log is asked for again after each.
  useEffect(() => {
    void loadAudit(sync, query);
  }, [sync, query, changeSeq]);

  const shown = useMemo(() => entries.filter((entry) => auditMatches(entry, filters.text)), [entries, filters.text]);
  const retry = () => void loadAudit(sync, query);

  return (
    <section className="mod-audit" aria-labelledby={`${ids}-heading`}>
      <div className="mod-audit__head">
        <h3 id={`${ids}-heading`}>{t('moderation.audit.heading')}</h3>
        <ExportAuditButton boardId={boardId} sessionToken={sessionToken} />
      </div>
      <p className="hint">{t('moderation.audit.intro')}</p>
      <AuditFiltersForm />
      {status === 'failed' && entries.length === 0 ? (
        <p className="error-text">
          {t('moderation.audit.failed')}{' '}
          <button type="button" className="button button--small" onClick={retry}>
            {t('moderation.queue.retry')}
          </button>
        </p>
      ) : status !== 'ready' && entries.length === 0 ? (
        <p className="loading">{t('moderation.audit.loading')}</p>
      ) : (
        <>
          <p className="mod-audit__count" role="status">
            {t('moderation.audit.count', { count: shown.length })}
            {entries.length >= LIMITS.auditPage ? ` ${t('moderation.audit.limited', { count: entries.length })}` : ''}
          </p>
          {shown.length === 0 ? (
            <p className="mod-empty">{t('moderation.audit.empty')}</p>
          ) : (
            <ol className="mod-audit__list" aria-labelledby={`${ids}-heading`}>
              {shown.map((entry) => (
                <AuditEntryItem key={entry.id} entry={entry} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
