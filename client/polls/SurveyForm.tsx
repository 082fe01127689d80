import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, POLL_LIMITS, type Poll, type PollAnswer } from '../../shared';
import { resultErrorText } from '../i18n/errors';
import { errorOf } from '../rest/http';
import { ErrorText } from '../ui/ErrorText';
import { answerOf, draftFrom, type AnswerDraft } from './answer-draft';
import { postSurvey } from './survey-api';
import { loadSurvey, unanswered, useCallSurvey, useSurveyStore } from './survey-store';
import { SurveyQuestion } from './SurveyQuestion';

/** The anchor the idea form's pointer leads to (SurveyPointer). */
export const SURVEY_HEADING_ID = 'survey-heading';

/**
 * The public call's survey, shown with the idea form, on the receipt view after an idea was
 * sent (`afterIdea`: "would you also answer…"), or alone: the open questions the facilitator
 * put in the call, answered without signing in. The server keeps one answer per device and
 * question, and says which this device gave: those show as answered, changeable while open.
 * Unanswered questions may be left out; a name is optional (anonymous otherwise).
 */
export function SurveyForm({ callId, emptyText, afterIdea = false }: { callId: string; emptyText?: string; afterIdea?: boolean }) {
  const { t } = useTranslation();
  const survey = useCallSurvey(callId);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [editing, setEditing] = useState<Record<string, boolean>>({});
  // null: not typed here; the name given with an earlier answer stands.
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  if (!survey || survey.polls.length === 0) return emptyText && survey ? <p className="notice">{emptyText}</p> : null;
  const { polls, mine } = survey;
  const open = polls.filter((p) => !mine[p.id] || editing[p.id]);
  const draftOf = (poll: Poll) => drafts[poll.id] ?? draftFrom(poll, mine[poll.id]?.answer ?? null);
  // An untouched ranking is no answer yet (its draft is the poll's own order); a changed one is.
  const answers = open
    .map((poll) => ({ pollId: poll.id, answer: poll.type === 'ranking' && !drafts[poll.id] && !mine[poll.id] ? null : answerOf(poll, draftOf(poll)) }))
    .filter((a): a is { pollId: string; answer: PollAnswer } => a.answer !== null);
  const storedName = Object.values(mine).find((m) => m.name)?.name ?? '';
  const shownName = name ?? storedName;
  const left = unanswered(survey).length;

  const send = async () => {
    if (busy || answers.length === 0) return;
    setBusy(true);
    const { result } = await postSurvey(callId, { answers, name: shownName.trim() || null });
    setBusy(false);
    if (result.ok) {
      useSurveyStore.getState().saved(callId, result.data.mine);
      const done = new Set(result.data.pollIds);
      const keep = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => !done.has(id)));
      setDrafts(keep);
      setEditing(keep);
      setSaved(true);
      setError(null);
      // The send button may be gone now that everything is answered: focus the survey's heading.
      requestAnimationFrame(() => heading.current?.focus());
    } else {
      setError(resultErrorText(t, result));
      // A question closed or the call did: ask again, so the page shows what can still be answered.
      const code = errorOf(result)?.code;
      if (code === ErrorCode.POLL_NOT_OPEN || code === ErrorCode.POLL_NOT_FOUND || code === ErrorCode.CALL_CLOSED) void loadSurvey(callId);
    }
  };

  return (
    <form
      className="poll-card"
      aria-labelledby={SURVEY_HEADING_ID}
      data-survey={afterIdea ? 'after-idea' : 'call'}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id={SURVEY_HEADING_ID} ref={heading} tabIndex={-1}>
        {afterIdea && left > 0 ? t('polls.survey.afterIdea', { count: left }) : t('polls.survey.heading')}
      </h2>
      <p className="poll-inputs__hint">{open.length === 0 ? t('polls.survey.allAnswered') : t('polls.survey.intro')}</p>
      {polls.map((poll) => (
        <SurveyQuestion
          key={poll.id}
          poll={poll}
          mine={mine[poll.id]}
          editing={editing[poll.id] === true}
          draft={draftOf(poll)}
          busy={busy}
          onChange={(next) => {
            setDrafts((d) => ({ ...d, [poll.id]: next }));
            setSaved(false);
          }}
          onEdit={(next) => {
            setEditing((e) => ({ ...e, [poll.id]: next }));
            // Keeping the stored answer drops what was typed over it.
            if (!next) setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => id !== poll.id)));
            setSaved(false);
          }}
        />
      ))}
      {open.length > 0 ? (
        <>
          <label className="poll-field">
            <span>{t('polls.survey.name')}</span>
            <input type="text" autoComplete="name" maxLength={POLL_LIMITS.respondentName} value={shownName} onChange={(e) => setName(e.target.value)} />
          </label>
          <p className="poll-inputs__hint">{t('polls.survey.anonymous')}</p>
        </>
      ) : null}
      <p className="poll-inputs__hint">{t('polls.survey.onePerDevice')}</p>
      <p role="status" className={saved ? 'poll-card__saved' : 'sr-only'}>
        {saved ? t('polls.survey.thanks') : ''}
      </p>
      <ErrorText message={error} />
      {open.length > 0 ? (
        <button type="submit" className="poll-card__send" aria-disabled={busy || answers.length === 0 ? true : undefined}>
          {t('polls.survey.send')}
        </button>
      ) : null}
    </form>
  );
}
