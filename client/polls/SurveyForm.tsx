import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS, type Poll, type PollAnswer } from '../../shared';
import { resultErrorText } from '../i18n/errors';
import { ErrorText } from '../ui/ErrorText';
import { AnswerInputs } from './AnswerInputs';
import { answerOf, draftFrom, type AnswerDraft } from './answer-draft';
import { fetchSurvey, postSurvey } from './survey-api';

/**
 * The public call's survey, shown with the idea form or alone: the open questions the
 * facilitator put in the call, answered without signing in. Unanswered questions are left
 * out; a name is optional (anonymous otherwise). Thanks only once the server said so.
 */
export function SurveyForm({ callId, emptyText }: { callId: string; emptyText?: string }) {
  const { t } = useTranslation();
  const [polls, setPolls] = useState<Poll[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    let current = true;
    void fetchSurvey(callId).then(({ result }) => {
      if (current && result.ok) setPolls(result.data.polls);
    });
    return () => {
      current = false;
    };
  }, [callId]);

  if (!polls || polls.length === 0) return emptyText && polls ? <p className="notice">{emptyText}</p> : null;
  if (sent) {
    return (
      <section className="poll-card" aria-labelledby="survey-heading">
        <h2 id="survey-heading">{t('polls.survey.heading')}</h2>
        <p role="status">{t('polls.survey.thanks')}</p>
      </section>
    );
  }
  const draftOf = (poll: Poll) => drafts[poll.id] ?? draftFrom(poll, null);
  const answers = polls
    .map((poll) => ({ pollId: poll.id, answer: poll.type === 'ranking' && !drafts[poll.id] ? null : answerOf(poll, draftOf(poll)) }))
    .filter((a): a is { pollId: string; answer: PollAnswer } => a.answer !== null);

  const send = async () => {
    if (busy || answers.length === 0) return;
    setBusy(true);
    const { result } = await postSurvey(callId, { answers, name: name.trim() || null });
    setBusy(false);
    if (result.ok) setSent(true);
    else setError(resultErrorText(t, result));
  };

  return (
    <form
      className="poll-card"
      aria-labelledby="survey-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id="survey-heading">{t('polls.survey.heading')}</h2>
      <p className="poll-inputs__hint">{t('polls.survey.intro')}</p>
      {polls.map((poll) => (
        <section key={poll.id} className="poll-survey__question" aria-labelledby={`survey-q-${poll.id}`} data-survey-poll={poll.id}>
          <h3 id={`survey-q-${poll.id}`}>{poll.question}</h3>
          <AnswerInputs poll={poll} draft={draftOf(poll)} onChange={(next) => setDrafts((d) => ({ ...d, [poll.id]: next }))} disabled={busy} />
        </section>
      ))}
      <label className="poll-field">
        <span>{t('polls.survey.name')}</span>
        <input type="text" autoComplete="name" maxLength={POLL_LIMITS.respondentName} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <p className="poll-inputs__hint">{t('polls.survey.anonymous')}</p>
      <ErrorText message={error} />
      <button type="submit" className="poll-card__send" aria-disabled={busy || answers.length === 0 ? true : undefined}>
        {t('polls.survey.send')}
      </button>
    </form>
  );
}
