import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  /** What is copied, for the accessible name ("Copy participant link"). */
  what: string;
}

/** Copies text to the clipboard and says so for a moment, in words (not only a colour). */
export function CopyButton({ text, what }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button button--secondary" onClick={() => void copy()} aria-label={t('copy.copyLabel', { what })}>
        {state === 'copied' ? t('copy.copied') : t('copy.copy')}
      </button>
      <span role="status" className={state === 'failed' ? 'copy__error' : 'sr-only'}>
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
