import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, MODERATION_REASONS, type ModerationReason } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';

interface Props {
  purpose: 'reject' | 'hide';
  /** Overrides the legend (bulk: "Why are the selected rejected?"). */
  legend?: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/**
 * A reason from the list (sent as its key, so contributor and log read it in their own
 * language) or, for "another reason", in the facilitator's own words.
 */
export function ReasonForm({ purpose, legend, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [choice, setChoice] = useState<ModerationReason | ''>('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice === '') {
      setProblem(t('moderation.reasonForm.missingReason'));
      document.getElementById(`${ids}-reason`)?.focus();
      return;
    }
    if (choice === 'other' && text.trim() === '') {
      setProblem(t('moderation.reasonForm.missingOther'));
      document.getElementById(`${ids}-other`)?.focus();
      return;
    }
    onSubmit(choice === 'other' ? text.trim() : choice);
  };

  return (
    <form className="mod-form" onSubmit={submit} noValidate>
      <fieldset className="mod-form__fieldset">
        <legend>{legend ?? t(purpose === 'reject' ? 'moderation.reasonForm.rejectLegend' : 'moderation.reasonForm.hideLegend')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('moderation.reasonForm.reason')}</label>
          {/* The form opens because the facilitator asked for it: the first field takes focus. */}
          <select
            id={`${ids}-reason`}
            value={choice}
            autoFocus
            aria-describedby={`${ids}-help`}
            aria-invalid={(problem !== null && choice === '') || undefined}
            onChange={(e) => {
              setChoice(e.target.value as ModerationReason | '');
              setProblem(null);
            }}
          >
            <option value="">{t('moderation.reasonForm.choose')}</option>
            {MODERATION_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`moderation.reasons.${reason}`)}
              </option>
            ))}
          </select>
        </div>
        {choice === 'other' ? (
          <div className="field">
            <label htmlFor={`${ids}-other`}>{t('moderation.reasonForm.otherText')}</label>
            <input
              id={`${ids}-other`}
              value={text}
              maxLength={LIMITS.reason}
              aria-invalid={(problem !== null && text.trim() === '') || undefined}
              onChange={(e) => {
                setText(e.target.value);
                setProblem(null);
              }}
            />
          </div>
        ) : null}
        <p id={`${ids}-help`} className="hint">
          {t(purpose === 'reject' ? 'moderation.reasonForm.rejectHelp' : 'moderation.reasonForm.hideHelp')}
        </p>
        <ErrorText message={problem} />
        <div className="button-row">
          <button type="submit" className="button button--danger button--small" disabled={busy}>
            {t(purpose === 'reject' ? 'moderation.reasonForm.confirmReject' : 'moderation.reasonForm.confirmHide')}
          </button>
          <button type="button" className="button button--small" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
