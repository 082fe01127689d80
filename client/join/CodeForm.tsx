import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_CODE_LENGTH, JOIN_CODE_PATTERN, normalizeJoinCode } from '../../shared';
import { ErrorText } from '../ui/ErrorText';

interface Props {
  initialCode: string;
  busy: boolean;
  error: string | null;
  onSubmit: (code: string) => void;
}

/**
 * The code from the projector. Case, spaces and dashes do not matter; a code that cannot
 * be one is caught here, before it costs one of the few wrong attempts a minute allows.
 */
export function CodeForm({ initialCode, busy, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState(initialCode);
  const [local, setLocal] = useState<string | null>(null);
  const shown = local ?? error;

  useEffect(() => {
    if (shown) input.current?.focus();
  }, [shown]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = normalizeJoinCode(code);
    if (!JOIN_CODE_PATTERN.test(clean)) {
      setLocal(clean.length === JOIN_CODE_LENGTH ? t('joinCode.badLetters') : t('joinCode.badLength', { length: JOIN_CODE_LENGTH }));
      return;
    }
    setLocal(null);
    onSubmit(clean);
  };

  return (
    <form className="card form code-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-code`}>{t('joinCode.codeLabel')}</label>
        <input
          ref={input}
          id={`${ids}-code`}
          className="code-form__input"
          value={code}
          maxLength={32}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={shown ? true : undefined}
          aria-describedby={`${ids}-hint ${ids}-error`}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setLocal(null);
          }}
        />
        <p id={`${ids}-hint`} className="hint">
          {t('joinCode.codeHint')}
        </p>
        <ErrorText id={`${ids}-error`} message={shown} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('joinCode.looking') : t('joinCode.find')}
      </button>
    </form>
  );
}
