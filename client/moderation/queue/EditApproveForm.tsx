import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type ApproveEdit, type Idea } from '../../../shared';
import { TaxonomySelects } from '../../ui/TaxonomySelects';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { draftFromIdea, editPatch, type EditDraft } from '../queue-logic';

interface Props {
  idea: Idea;
  busy: boolean;
  /** undefined: nothing was changed, a plain approval. */
  onSubmit: (edit: ApproveEdit | undefined) => void;
  onCancel: () => void;
}

const EMPTY_QUESTIONS: readonly { id: string; text: string }[] = [];

/** Edit-before-approve: the text, and where the idea sits (question, phase, principle, track). */
export function EditApproveForm({ idea, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const questions = useBoardStore((s) => s.settings?.questions ?? EMPTY_QUESTIONS);
  const [draft, setDraft] = useState<EditDraft>(() => draftFromIdea(idea));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof EditDraft>(key: K, value: EditDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.trim() === '') {
      setProblem(t('moderation.edit.empty'));
      document.getElementById(`${ids}-text`)?.focus();
      return;
    }
    onSubmit(editPatch(idea, draft));
  };

  return (
    <form className="mod-form" onSubmit={submit} noValidate>
      <fieldset className="mod-form__fieldset">
        <legend>{t('moderation.edit.legend')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('moderation.edit.text')}</label>
          <textarea
            id={`${ids}-text`}
            rows={4}
            autoFocus
            value={draft.text}
            maxLength={LIMITS.ideaText}
            aria-describedby={`${ids}-help`}
            aria-invalid={problem !== null || undefined}
            onChange={(e) => {
              set('text', e.target.value);
              setProblem(null);
            }}
          />
          <p id={`${ids}-help`} className="hint">
            {t('moderation.edit.help')}
          </p>
        </div>
        <div className="mod-form__grid">
          {questions.length > 0 ? (
            <div className="field mod-form__wide">
              <label htmlFor={`${ids}-question`}>{t('taxonomy.questionLabel')}</label>
              <select id={`${ids}-question`} value={draft.questionId ?? ''} onChange={(e) => set('questionId', e.target.value || null)}>
                <option value="">{t('moderation.edit.noQuestion')}</option>
                {questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.text}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <TaxonomySelects value={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} idPrefix={ids} />
        </div>
        <ErrorText message={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {t('moderation.edit.submit')}
          </button>
          <button type="button" className="button button--small" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
