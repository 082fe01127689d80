import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  inputRef?: Ref<HTMLTextAreaElement>;
  rows?: number;
  /** Extra text that explains the field (silent writing, why it cannot be sent now). */
  describedBy?: string;
  /** The textarea's id, when something links to it (the board's "skip to the idea field"). */
  id?: string;
}

/** The idea's text with a live character count against the server's limit. */
export function IdeaTextField({ label, value, onChange, error, inputRef, rows = 3, describedBy, id }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const near = value.length > LIMITS.ideaText * 0.9;
  const fieldId = id ?? `${ids}-text`;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        ref={inputRef}
        id={fieldId}
        value={value}
        rows={rows}
        maxLength={LIMITS.ideaText}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${ids}-count`, error ? `${ids}-error` : '', describedBy ?? ''].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${ids}-count`} className={`counter${near ? ' counter--near' : ''}`}>
        {t('composer.counter', { count: value.length, max: LIMITS.ideaText })}
      </p>
      {error ? (
        <p id={`${ids}-error`} className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
