import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { ErrorText } from '../ui/ErrorText';

/** The question the room works on: applied at once, as a facilitator does it live. */
export function FocusQuestion({ settings }: { settings: BoardSettings }) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const [error, setError] = useState<string | null>(null);

  const change = async (value: string) => {
    setError(null);
    const result = await sync.updateSettings({ focusQuestionId: value || null });
    if (!result.ok) setError(resultErrorText(t, result));
  };

  return (
    <div className="field focus-select">
      <label htmlFor={`${ids}-focus`}>{t('facilitator.focusHeading')}</label>
      <select
        id={`${ids}-focus`}
        value={settings.focusQuestionId ?? ''}
        aria-describedby={`${ids}-help`}
        onChange={(e) => void change(e.target.value)}
      >
        <option value="">{t('facilitator.noFocus')}</option>
        {settings.questions.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text}
          </option>
        ))}
      </select>
      <p id={`${ids}-help`} className="hint">
        {t('facilitator.focusHelp')}
      </p>
      <ErrorText message={error} />
    </div>
  );
}
