import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MODERATION_MODES, type PublicCall } from '../../../shared';
import { ErrorText } from '../../ui/ErrorText';
import { useCommand } from '../console/useCommand';
import { draftFromCall, payloadFromDraft, type CallDraft, type DraftProblem } from './call-draft';

interface Props {
  call: PublicCall | null;
  onSaved: () => void;
  /** The draft changed after a save: "saved" no longer describes what is on screen. */
  onEdited: () => void;
}

/** Opening, schedule (Copenhagen time) and moderation mode of the board's public call. */
export function CallForm({ call, onSaved, onEdited }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [draft, setDraft] = useState<CallDraft>(() => draftFromCall(call));
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const { run, busy, error } = useCommand();

  const change = <K extends keyof CallDraft>(key: K, value: CallDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblem(null);
    onEdited();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = payloadFromDraft(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, problem: checked.problem });
      document.getElementById(`${ids}-${checked.field}`)?.focus();
      return;
    }
    const result = await run('call:configure', checked.payload);
    if (result.ok) onSaved();
  };

  const problemText = problem ? t(problem.problem === 'order' ? 'moderation.call.order' : 'moderation.call.invalid') : null;
  const timeField = (field: 'opensAt' | 'closesAt') => {
    const invalid = problem?.field === field;
    return (
      <div className="field">
        <label htmlFor={`${ids}-${field}`}>{t(`moderation.call.${field}`)}</label>
        <input
          id={`${ids}-${field}`}
          type="datetime-local"
          value={draft[field]}
          aria-invalid={invalid || undefined}
          aria-describedby={`${ids}-${field}-help${invalid ? ` ${ids}-problem` : ''}`}
          onChange={(e) => change(field, e.target.value)}
        />
        <p id={`${ids}-${field}-help`} className="hint">
          {t(`moderation.call.${field}Help`)}
        </p>
      </div>
    );
  };

  return (
    <form className="mod-call-form" onSubmit={(e) => void submit(e)} noValidate>
      <p className="check">
        <input id={`${ids}-enabled`} type="checkbox" checked={draft.enabled} aria-describedby={`${ids}-enabled-help`} onChange={(e) => change('enabled', e.target.checked)} />
        <label htmlFor={`${ids}-enabled`}>{t('moderation.call.enabled')}</label>
      </p>
      <p id={`${ids}-enabled-help`} className="hint mod-call-form__under-check">
        {t('moderation.call.enabledHelp')}
      </p>
      <p className="check">
        <input id={`${ids}-ideas`} type="checkbox" checked={draft.ideas} aria-describedby={`${ids}-ideas-help`} onChange={(e) => change('ideas', e.target.checked)} />
        <label htmlFor={`${ids}-ideas`}>{t('site.surveyOnly.takesIdeas')}</label>
      </p>
      <p id={`${ids}-ideas-help`} className="hint mod-call-form__under-check">
        {t('site.surveyOnly.takesIdeasHelp')}
      </p>
      <fieldset className="field mod-call-form__times" aria-describedby={`${ids}-times-help`}>
        <legend>{t('moderation.call.timesLegend')}</legend>
        <p id={`${ids}-times-help`} className="hint">
          {t('moderation.call.timesHelp')}
        </p>
        <div className="mod-call-form__time-grid">
          {timeField('opensAt')}
          {timeField('closesAt')}
        </div>
        <ErrorText id={`${ids}-problem`} message={problemText} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('moderation.call.moderationLegend')}</legend>
        <div className="choices">
          {MODERATION_MODES.map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name={`${ids}-mode`}
                value={mode}
                checked={draft.moderation === mode}
                aria-describedby={`${ids}-mode-${mode}`}
                onChange={() => change('moderation', mode)}
              />
              <span>
                <span className="choice__name">{t(`moderation.call.mode.${mode}.name`)}</span>
                <span id={`${ids}-mode-${mode}`} className="choice__help">
                  {t(`moderation.call.mode.${mode}.help`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {call ? t('moderation.call.save') : t('moderation.call.create')}
        </button>
      </div>
      <ErrorText message={error} />
    </form>
  );
}
