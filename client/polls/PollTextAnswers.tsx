import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll, PollTextAnswer } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { ErrorText } from '../ui/ErrorText';

/**
 * Facilitators: an open-text poll's answers (anonymous), each of which can become an idea
 * on the board through the idea rules, once. Asked again whenever the count changes.
 */
export function PollTextAnswers({ poll, count }: { poll: Poll; count: number }) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const [answers, setAnswers] = useState<PollTextAnswer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    void sync.request('poll:textAnswers', { pollId: poll.id }).then((result) => {
      if (!current) return;
      if (result.ok) setAnswers(result.data.answers);
      else setError(resultErrorText(t, result));
    });
    return () => {
      current = false;
    };
  }, [sync, poll.id, count, round, t]);

  const toIdeas = async (answerIds: string[]) => {
    if (answerIds.length === 0) return;
    const result = await sync.request('poll:toIdeas', { pollId: poll.id, answerIds });
    setError(result.ok ? null : resultErrorText(t, result));
    setRound((n) => n + 1);
  };

  const open = (answers ?? []).filter((a) => a.ideaId === null);
  return (
    <section className="poll-text-answers" aria-label={t('polls.panel.textAnswers')}>
      <h4>{t('polls.panel.textAnswers')}</h4>
      {answers && answers.length === 0 ? <p>{t('polls.panel.noTextAnswers')}</p> : null}
      <ul>
        {(answers ?? []).map((a) => (
          <li key={a.answerId} className="poll-text-answers__item">
            <p>{a.text}</p>
            {a.ideaId ? (
              <span className="poll-badge">{t('polls.panel.isIdea')}</span>
            ) : (
              <button type="button" className="poll-button" onClick={() => void toIdeas([a.answerId])}>
                {t('polls.panel.toIdea')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {open.length > 1 ? (
        <button type="button" className="poll-button" onClick={() => void toIdeas(open.slice(0, 100).map((a) => a.answerId))}>
          {t('polls.panel.allToIdeas')}
        </button>
      ) : null}
      <ErrorText message={error} />
    </section>
  );
}
