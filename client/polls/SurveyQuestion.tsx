import { useTranslation } from 'react-i18next';
import type { Poll, SurveyMyAnswer } from '../../shared';
import { AnswerInputs } from './AnswerInputs';
import type { AnswerDraft } from './answer-draft';
import { answerInWords } from './answer-words';

interface Props {
  poll: Poll;
  /** This device's stored answer, if any. */
  mine: SurveyMyAnswer | undefined;
  /** The person asked to change their stored answer: the inputs show again. */
  editing: boolean;
  draft: AnswerDraft;
  busy: boolean;
  onChange: (draft: AnswerDraft) => void;
  onEdit: (editing: boolean) => void;
}

/**
 * One survey question: the inputs, or, once this device answered it, "Du har svaret:" with
 * the answer and a way to change it while the question is open (as Mentimeter does), so a
 * reload never shows an answered question as blank.
 */
export function SurveyQuestion({ poll, mine, editing, draft, busy, onChange, onEdit }: Props) {
  const { t } = useTranslation();
  const headingId = `survey-q-${poll.id}`;
  const answered = mine !== undefined && !editing;
  // The button that was pressed goes away: focus moves to what replaced it.
  const edit = (next: boolean, section: HTMLElement | null) => {
    onEdit(next);
    requestAnimationFrame(() => section?.querySelector<HTMLElement>(next ? 'input, textarea' : '.poll-survey__change')?.focus());
  };
  return (
    <section className="poll-survey__question" aria-labelledby={headingId} data-survey-poll={poll.id} data-survey-answered={answered ? 'true' : undefined}>
      <h3 id={headingId}>{poll.question}</h3>
      {answered ? (
        <>
          <p className="poll-survey__answered">
            <span>{t('polls.survey.answered')}</span> <strong>{answerInWords(t, poll, mine.answer)}</strong>
          </p>
          <button
            type="button"
            className="button button--secondary poll-survey__change"
            aria-label={t('polls.survey.changeLabel', { question: poll.question })}
            onClick={(e) => edit(true, e.currentTarget.closest('section'))}
          >
            {t('polls.survey.change')}
          </button>
        </>
      ) : (
        <>
          <AnswerInputs poll={poll} draft={draft} onChange={onChange} disabled={busy} />
          {mine ? (
            <button type="button" className="button button--secondary" onClick={(e) => edit(false, e.currentTarget.closest('section'))}>
              {t('polls.survey.keep')}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
