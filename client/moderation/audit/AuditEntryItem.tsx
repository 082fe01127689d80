import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared';
import { useReasonLabel } from '../queue/useReasonLabel';
import { useFormatTime } from '../time-hooks';
import { AuditChanges } from './AuditChanges';

/** One line of the log: what, when, who, which target, why, and before → after. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const reasonLabel = useReasonLabel();
  const who =
    entry.actor.role === 'public'
      ? t('moderation.audit.publicActor')
      : `${entry.actor.name ?? t('board.anonymous')} (${t(`taxonomy.role.${entry.actor.role}`)})`;

  return (
    <li className="mod-audit-entry" data-audit-action={entry.action} data-audit-target={entry.target.id}>
      <p className="mod-audit-entry__head">
        <strong className="mod-audit-entry__action">{t(`moderation.auditAction.${entry.action}`)}</strong>
        <time className="mod-audit-entry__time" dateTime={new Date(entry.at).toISOString()}>
          {format(entry.at)}
        </time>
      </p>
      <dl className="mod-meta">
        <div className="mod-meta__row">
          <dt>{t('moderation.audit.who')}</dt>
          <dd>{who}</dd>
        </div>
        <div className="mod-meta__row">
          <dt>{t('moderation.audit.target')}</dt>
          <dd>
            {t(`moderation.audit.targetKind.${entry.target.kind}`)} <code className="mod-audit-entry__id">{entry.target.id}</code>
          </dd>
        </div>
        {entry.reason ? (
          <div className="mod-meta__row">
            <dt>{t('moderation.audit.reason')}</dt>
            <dd>{reasonLabel(entry.reason)}</dd>
          </div>
        ) : null}
      </dl>
      <AuditChanges before={entry.before} after={entry.after} />
    </li>
  );
}
