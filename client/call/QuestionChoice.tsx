import { useTranslation } from 'react-i18next';
import type { PublicCallInfo } from '../../shared';

interface Props {
  name: string;
  questions: PublicCallInfo['questions'];
  value: string | null;
  onChange: (questionId: string | null) => void;
}

/** One radio per question (questions are sentences: a select would cut them off on a phone). */
export function QuestionChoice({ name, questions, value, onChange }: Props) {
  const { t } = useTranslation();
  const chosen = value !== null && questions.some((q) => q.id === value) ? value : '';
  const options = [...questions.map((q) => ({ id: q.id, text: q.text })), { id: '', text: t('call.form.questionNone') }];
  return (
    <fieldset className="field">
      <legend>{t('call.form.questionLegend')}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={option.id || 'none'} className="choice">
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={chosen === option.id}
              onChange={() => onChange(option.id || null)}
            />
            <span className="choice__name call-question">{option.text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
