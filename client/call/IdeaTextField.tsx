import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared';
import { ErrorText } from '../ui/ErrorText';

interface Props {
  id: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
  inputRef: Ref<HTMLTextAreaElement>;
}

/** Screen readers hear the count only near the limit, and only once typing pauses. */
const NEAR = 100;
const ANNOUNCE_AFTER_MS = 800;

/** The idea itself, with a live count of characters against the limit. */
export function IdeaTextField({ id, value, error, onChange, inputRef }: Props) {
  const { t } = useTranslation();
  const length = value.trim().length;
  const remaining = LIMITS.ideaText - length;
  const near = remaining <= NEAR;
  const [announced, setAnnounced] = useState('');

  useEffect(() => {
    const sentence = !near
      ? ''
      : remaining >= 0
        ? t('call.form.remaining', { count: remaining })
        : t('call.form.overLimit', { count: -remaining });
    const timer = setTimeout(() => setAnnounced(sentence), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [near, remaining, t]);

  return (
    <div className="field">
      <label htmlFor={id}>
        {t('call.form.ideaLabel')} <span aria-hidden="true">*</span>
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('call.form.ideaHint')}
      </p>
      <textarea
        ref={inputRef}
        id={id}
        name="idea"
        className="call-form__idea"
        rows={6}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-count ${id}-error`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-count`} className={`counter${near ? ' counter--near' : ''}`}>
        {t('call.form.count', { count: length, max: LIMITS.ideaText })}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
