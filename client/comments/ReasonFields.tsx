import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, MODERATION_REASONS } from '../../shared';
import type { ReasonChoice } from './social-format';

interface Props {
  value: ReasonChoice;
  onChange: (value: ReasonChoice) => void;
  /** Optional reasons offer "no reason" as the first choice. */
  required: boolean;
  error: string | null;
}

/** The moderation reasons as radio buttons, plus free text for "another reason". */
export function ReasonFields({ value, onChange, required, error }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const otherRef = useRef<HTMLInputElement>(null);
  const otherChosen = value.choice === 'other';

  // Choosing "another reason" puts the cursor where the reason is typed.
  useEffect(() => {
    if (otherChosen) otherRef.current?.focus();
  }, [otherChosen]);

  return (
    <fieldset className="field reason-fields" aria-describedby={error ? `${ids}-error` : undefined}>
      <legend>{required ? t('comments.reasons.legend') : t('comments.reasons.legendOptional')}</legend>
      <div className="reason-fields__choices">
        {required ? null : (
          <label className="check">
            <input type="radio" name={`${ids}-reason`} checked={value.choice === null} onChange={() => onChange({ ...value, choice: null })} />
            {t('comments.reasons.none')}
          </label>
        )}
        {MODERATION_REASONS.map((reason) => (
          <label key={reason} className="check">
            <input
              type="radio"
              name={`${ids}-reason`}
              value={reason}
              checked={value.choice === reason}
              onChange={() => onChange({ ...value, choice: reason })}
            />
            {t(`comments.reasons.options.${reason}`)}
          </label>
        ))}
      </div>
      {otherChosen ? (
        <div className="field reason-fields__other">
          <label htmlFor={`${ids}-other`}>{t('comments.reasons.otherLabel')}</label>
          <input
            ref={otherRef}
            id={`${ids}-other`}
            type="text"
            value={value.other}
            maxLength={LIMITS.reason}
            aria-invalid={error && !value.other.trim() ? true : undefined}
            onChange={(e) => onChange({ ...value, other: e.target.value })}
          />
        </div>
      ) : null}
      {error ? (
        <p id={`${ids}-error`} className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
