import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTOR_TYPES, LIMITS, type ContributorType, type CreateSessionRequest } from '../../shared';
import type { ApiResult } from '../rest/http';
import { resultErrorText } from '../i18n/errors';
import { ErrorText } from '../ui/ErrorText';

interface Props {
  title: string | null;
  expired: boolean;
  onJoin: (profile: Omit<CreateSessionRequest, 'token'>) => Promise<ApiResult<unknown>>;
  /** Words for a refusal more precise than the generic ones (joining by code: closed, wait). */
  describeError?: (result: ApiResult<unknown>) => string;
}

/**
 * Who you are on this board: a name or anonymous, and optionally what you take part as.
 * Nothing here is required beyond that choice; the role comes from the link.
 */
export function JoinForm({ title, expired, onJoin, describeError }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [contributorType, setContributorType] = useState<ContributorType | ''>('');
  const [organisation, setOrganisation] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (expired) heading.current?.focus();
  }, [expired]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!anonymous && !name.trim()) {
      setNameError(t('join.nameRequired'));
      document.getElementById(`${ids}-name`)?.focus();
      return;
    }
    setNameError(null);
    setError(null);
    setBusy(true);
    const result = await onJoin({
      displayName: anonymous ? null : name.trim(),
      contributorType: contributorType || null,
      organisation: organisation.trim() || null,
    });
    setBusy(false);
    if (result.ok) return;
    setError(describeError ? describeError(result) : resultErrorText(t, result));
  };

  return (
    <div className="join">
      <h1 ref={heading} tabIndex={-1}>
        {title ? t('join.heading', { title }) : t('join.headingUnknown')}
      </h1>
      {expired ? <p className="notice">{t('join.sessionExpired')}</p> : null}
      <p className="lead">{t('join.intro')}</p>
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t('join.displayName')}</label>
          <input
            id={`${ids}-name`}
            value={anonymous ? '' : name}
            disabled={anonymous}
            maxLength={LIMITS.displayName}
            autoComplete="name"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${ids}-name-hint ${ids}-name-error`}
            onChange={(e) => setName(e.target.value)}
          />
          <p id={`${ids}-name-hint`} className="hint">
            {t('join.displayNameHint')}
          </p>
          <ErrorText id={`${ids}-name-error`} message={nameError} />
        </div>
        {/* The label holds the box: on a phone the whole 44 px row is the target, not an 18 px square. */}
        <label className="check check--row">
          <input
            id={`${ids}-anonymous`}
            type="checkbox"
            checked={anonymous}
            onChange={(e) => {
              setAnonymous(e.target.checked);
              setNameError(null);
            }}
          />
          <span>{t('join.anonymous')}</span>
        </label>
        <div className="field">
          <label htmlFor={`${ids}-type`}>{t('join.contributorType')}</label>
          <select
            id={`${ids}-type`}
            value={contributorType}
            onChange={(e) => setContributorType(e.target.value as ContributorType | '')}
          >
            <option value="">{t('join.contributorTypeNone')}</option>
            {CONTRIBUTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`taxonomy.contributorType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-org`}>{t('join.organisation')}</label>
          <input
            id={`${ids}-org`}
            value={organisation}
            maxLength={LIMITS.organisation}
            autoComplete="organization"
            aria-describedby={`${ids}-org-hint`}
            onChange={(e) => setOrganisation(e.target.value)}
          />
          <p id={`${ids}-org-hint`} className="hint">
            {t('join.organisationHint')}
          </p>
        </div>
        <ErrorText message={error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </div>
  );
}
