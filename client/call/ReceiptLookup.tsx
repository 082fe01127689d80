import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ui/ErrorText';
import { normalizeReceiptCode, receiptPath } from './receipt-code';

/** A field to look up a receipt code; opens that code's status page. */
export function ReceiptLookup({ first, initial = '' }: { first: boolean; initial?: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = normalizeReceiptCode(code);
    if (!clean) {
      setError(t('call.receipt.invalid'));
      document.getElementById(`${ids}-code`)?.focus();
      return;
    }
    window.location.assign(receiptPath(clean));
  };

  return (
    <section className="receipt-lookup" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{first ? t('call.receipt.lookupHeadingFirst') : t('call.receipt.lookupHeading')}</h2>
      <form className="form receipt-lookup__form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-code`}>{t('call.receipt.lookupLabel')}</label>
          <input
            id={`${ids}-code`}
            className="receipt-lookup__input"
            value={code}
            maxLength={40}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids}-hint ${ids}-error`}
            onChange={(e) => {
              setCode(e.target.value.toUpperCase());
              setError(null);
            }}
          />
          <p id={`${ids}-hint`} className="hint">
            {t('call.receipt.lookupHint')}
          </p>
          <ErrorText id={`${ids}-error`} message={error} />
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t('call.receipt.lookupSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
