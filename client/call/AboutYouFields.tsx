import { useTranslation } from 'react-i18next';
import { CONTRIBUTOR_TYPES, LIMITS, type ContributorType } from '../../shared';
import { ErrorText } from '../ui/ErrorText';
import type { Draft, DraftErrors, DraftField } from './draft';

interface Props {
  ids: string;
  draft: Draft;
  errors: DraftErrors;
  /** false: the server sends no mail, so asking for an address would promise follow-up that never comes. */
  askEmail: boolean;
  onChange: (patch: Partial<Draft>) => void;
}

/** Who is writing (all optional) and, if they want to hear back (and mail is on), their e-mail with consent. */
export function AboutYouFields({ ids, draft, errors, askEmail, onChange }: Props) {
  const { t } = useTranslation();
  const message = (field: DraftField, max?: number): string | null => {
    const error = errors[field];
    return error ? t(`call.form.errors.${error}`, { max }) : null;
  };
  const name = draft.name.trim();
  return (
    <>
      <fieldset className="field call-fieldset">
        <legend>{t('call.form.aboutHeading')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('call.form.name')}</label>
          <input
            id={`${ids}-name`}
            value={draft.name}
            autoComplete="name"
            maxLength={LIMITS.displayName}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${ids}-name-hint ${ids}-name-state ${ids}-name-error`}
            onChange={(e) => onChange({ name: e.target.value })}
          />
          <p id={`${ids}-name-hint`} className="hint">
            {t('call.form.nameHint')}
          </p>
          <p id={`${ids}-name-state`} className="call-anonymity">
            {name ? t('call.form.named', { name }) : t('call.form.anonymous')}
          </p>
          <ErrorText id={`${ids}-name-error`} message={message('name', LIMITS.displayName)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-type`}>{t('call.form.contributorType')}</label>
          <select
            id={`${ids}-type`}
            value={draft.contributorType ?? ''}
            onChange={(e) => onChange({ contributorType: (e.target.value || null) as ContributorType | null })}
          >
            <option value="">{t('call.form.contributorTypeNone')}</option>
            {CONTRIBUTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`taxonomy.contributorType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-organisation`}>{t('call.form.organisation')}</label>
          <input
            id={`${ids}-organisation`}
            value={draft.organisation}
            autoComplete="organization"
            maxLength={LIMITS.organisation}
            aria-invalid={errors.organisation ? true : undefined}
            aria-describedby={`${ids}-organisation-hint ${ids}-organisation-error`}
            onChange={(e) => onChange({ organisation: e.target.value })}
          />
          <p id={`${ids}-organisation-hint`} className="hint">
            {t('call.form.organisationHint')}
          </p>
          <ErrorText id={`${ids}-organisation-error`} message={message('organisation', LIMITS.organisation)} />
        </div>
      </fieldset>

      {askEmail ? <EmailFields ids={ids} draft={draft} errors={errors} onChange={onChange} /> : null}
    </>
  );
}

/** Only where the server sends mail: the address, and consent to its use for this idea. */
function EmailFields({ ids, draft, errors, onChange }: Omit<Props, 'askEmail'>) {
  const { t } = useTranslation();
  const message = (field: 'email' | 'consent'): string | null => {
    const error = errors[field];
    return error ? t(`call.form.errors.${error}`) : null;
  };
  return (
    <fieldset className="field call-fieldset">
      <legend>{t('call.form.emailHeading')}</legend>
      <div className="field">
        <label htmlFor={`${ids}-email`}>{t('call.form.email')}</label>
        <input
          id={`${ids}-email`}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={draft.email}
          maxLength={LIMITS.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={`${ids}-email-hint ${ids}-email-error`}
          onChange={(e) => onChange({ email: e.target.value })}
        />
        <p id={`${ids}-email-hint`} className="hint">
          {t('call.form.emailHint')}
        </p>
        <ErrorText id={`${ids}-email-error`} message={message('email')} />
      </div>
      <div className="field">
        <div className="check call-consent">
          <input
            id={`${ids}-consent`}
            type="checkbox"
            checked={draft.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={`${ids}-consent-details ${ids}-consent-error`}
            onChange={(e) => onChange({ consent: e.target.checked })}
          />
          <label htmlFor={`${ids}-consent`}>{t('call.form.consent')}</label>
        </div>
        <p id={`${ids}-consent-details`} className="hint call-consent__details">
          {t('call.form.consentDetails')}
        </p>
        <ErrorText id={`${ids}-consent-error`} message={message('consent')} />
      </div>
    </fieldset>
  );
}
