import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';
import { auditFiltersProblem } from '../audit-format';
import { selectAuditFilters, useModerationStore } from '../moderation-store';
import { noAuditFilters, type AuditFilters } from '../slices/audit';

/** Filters for the log: action, a span of Copenhagen days, and free text over the target. */
export function AuditFiltersForm() {
  const { t } = useTranslation();
  const ids = useId();
  const applied = useModerationStore(selectAuditFilters);
  const setAuditFilters = useModerationStore((s) => s.setAuditFilters);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof AuditFilters, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblem(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (auditFiltersProblem(draft)) {
      setProblem(t('moderation.audit.range'));
      document.getElementById(`${ids}-to`)?.focus();
      return;
    }
    setAuditFilters(draft);
  };
  const reset = () => {
    setDraft(noAuditFilters);
    setProblem(null);
    setAuditFilters(noAuditFilters);
  };

  return (
    <form className="mod-audit-filters" onSubmit={submit} noValidate>
      <fieldset className="mod-audit-filters__fieldset">
        <legend>{t('moderation.audit.filtersLegend')}</legend>
        <div className="mod-audit-filters__grid">
          <div className="field">
            <label htmlFor={`${ids}-action`}>{t('moderation.audit.action')}</label>
            <select id={`${ids}-action`} value={draft.action} onChange={(e) => set('action', e.target.value)}>
              <option value="">{t('moderation.audit.anyAction')}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`moderation.auditAction.${action}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-from`}>{t('moderation.audit.from')}</label>
            <input id={`${ids}-from`} type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-to`}>{t('moderation.audit.to')}</label>
            <input
              id={`${ids}-to`}
              type="date"
              value={draft.to}
              aria-invalid={problem !== null || undefined}
              onChange={(e) => set('to', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-text`}>{t('moderation.audit.text')}</label>
            <input id={`${ids}-text`} type="search" value={draft.text} onChange={(e) => set('text', e.target.value)} />
          </div>
        </div>
        <ErrorText message={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary button--small">
            {t('moderation.audit.apply')}
          </button>
          <button type="button" className="button button--small" onClick={reset}>
            {t('moderation.audit.reset')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
