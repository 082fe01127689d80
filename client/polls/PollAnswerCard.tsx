import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resultsPublic } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { AnswerInputs } from './AnswerInputs';
import { answerOf, draftFrom, type AnswerDraft } from './answer-draft';
import { PollResultsView } from './PollResultsView';
import { selectLivePoll, usePollsStore } from './polls-store';
import { usePollLink } from './usePollLink';

/**
 * The participant's card for the poll the facilitator made live (or the one named by
 * `pollId`): the question, the inputs of its type, and "Send". The answer counts once the
 * server said so ("Your answer is saved"); a refusal is said on the card. After the poll
 * closes the card keeps one's answer and, when shown, the results. Nothing for observers.
 */
export function PollAnswerCard({ pollId }: { pollId?: string }) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const identity = useBoardStore((s) => s.identity);
  const poll = usePollsStore((s) => (pollId ? (s.polls.find((p) => p.id === pollId) ?? null) : selectLivePoll(s)));
  const mine = usePollsStore((s) => (poll ? s.mine[poll.id] : undefined));
  const count = usePollsStore((s) => (poll ? s.counts[poll.id] : undefined));
  usePollLink(poll?.id ?? null, { withMine: identity?.role !== 'observer' });
  // The draft belongs to one poll and one stored answer: a new poll, or one's answer from
  // another tab, starts it again (poll edits other than its id keep what the person typed).
  const [edited, setEdited] = useState<{ key: string; draft: AnswerDraft } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const draftKey = `${poll?.id ?? ''}:${JSON.stringify(mine?.answer ?? null)}`;

  if (!poll || !identity || identity.role === 'observer' || poll.state === 'draft') return null;
  const current = edited?.key === draftKey ? edited.draft : draftFrom(poll, mine?.answer ?? null);
  const answer = answerOf(poll, current);
  const open = poll.state === 'open';
  const headingId = `poll-card-${poll.id}`;

  const send = async () => {
    if (busy || !answer) return;
    setBusy(true);
    setSaved(false);
    const result = await sync.request('poll:answer', { pollId: poll.id, answer });
    setBusy(false);
    if (result.ok) {
      usePollsStore.getState().setMine(result.data);
      setSaved(true);
      setError(null);
    } else setError(resultErrorText(t, result));
  };

  return (
    <section className="poll-card" aria-labelledby={headingId} data-poll-card={poll.id} data-poll-type={poll.type}>
      <p className="poll-card__kicker">{t('polls.answer.heading')}</p>
      <h2 id={headingId} className="poll-card__question">
        {poll.question}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <AnswerInputs poll={poll} draft={current} onChange={(next) => {
            setEdited({ key: draftKey, draft: next });
            setSaved(false);
          }} disabled={!open} />
        {open ? (
          <button type="submit" className="poll-card__send" aria-disabled={!answer || busy ? true : undefined}>
            {mine?.answer ? t('polls.answer.change') : t('polls.answer.send')}
          </button>
        ) : (
          <p className="poll-card__closed">{t('polls.answer.closed')}</p>
        )}
      </form>
      <p role="status" className={saved ? 'poll-card__saved' : 'sr-only'}>
        {saved ? t('polls.answer.sent') : ''}
      </p>
      <ErrorText message={error} />
      {poll.results && resultsPublic(poll) ? <PollResultsView poll={poll} results={poll.results} /> : count !== undefined ? <p className="poll-card__count">{t('polls.results.answers', { count })}</p> : null}
    </section>
  );
}
