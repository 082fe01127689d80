import { useTranslation } from 'react-i18next';
import { auditView, type AuditField } from '../audit-format';
import { useAuditFieldLabel, useAuditValue } from './useAuditValue';

/** A side shown on its own: its fields, or a dash when there was nothing (yet, or any more). */
function Side({ tag, fields }: { tag: string; fields: AuditField[] | null }) {
  const fieldLabel = useAuditFieldLabel();
  const value = useAuditValue();
  return (
    <div className={`mod-audit-side${fields ? '' : ' mod-audit-side--none'}`}>
      <span className="mod-audit-change__tag">{tag}:</span>{' '}
      {fields && fields.length > 0 ? (
        <dl className="mod-audit-side__fields">
          {fields.map(({ field, value: v }) => (
            <div key={field} className="mod-audit-side__field">
              <dt>{fieldLabel(field)}</dt>
              <dd>{value(field, v)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        '–'
      )}
    </div>
  );
}

/** Before → after of one audit entry, in words people read (see auditView). */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const fieldLabel = useAuditFieldLabel();
  const value = useAuditValue();
  const view = auditView(before, after);
  if (view.kind === 'none') return null;
  return (
    <div className="mod-audit-changes">
      <p className="mod-audit-changes__heading">{t('moderation.audit.changes')}</p>
      {view.kind === 'sides' ? (
        <div className="mod-audit-sides">
          <Side tag={t('moderation.audit.before')} fields={view.before} />
          <Side tag={t('moderation.audit.after')} fields={view.after} />
        </div>
      ) : (
        <ul className="mod-audit-changes__list">
          {view.changes.map((change) => (
            <li key={change.field ?? '-'} className="mod-audit-change">
              <span className="mod-audit-change__field">{change.field ? fieldLabel(change.field) : ''}</span>
              <span className="mod-audit-change__before">
                <span className="mod-audit-change__tag">{t('moderation.audit.before')}:</span> {value(change.field, change.before)}
              </span>
              <span className="mod-audit-change__after">
                <span className="mod-audit-change__tag">{t('moderation.audit.after')}:</span> {value(change.field, change.after)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
