import { useTranslation } from 'react-i18next';
import { resultsPublic } from '../../shared';
import { PollResultsView } from './PollResultsView';
import { selectLivePoll, usePollsStore } from './polls-store';
import { usePollLink } from './usePollLink';
import type { BoardSync } from '../sync/board-sync';

/**
 * The projector's live poll, filling the screen: the question, the count of answers rising
 * as phones answer (announced politely), and the results only once they are public (shown
 * by the facilitator, or live results). Before that its copy of the board holds no counts
 * to show. Renders nothing while no poll is live, so the wall of ideas shows instead.
 */
export function PollProjector({ sync }: { sync?: BoardSync }) {
  const { t } = useTranslation();
  const poll = usePollsStore(selectLivePoll);
  const count = usePollsStore((s) => (poll ? s.counts[poll.id] : undefined));
  usePollLink(poll?.id ?? null, { sync });
  if (!poll) return null;
  const shown = poll.results && resultsPublic(poll) ? poll.results : null;
  const answers = shown?.answers ?? count ?? 0;
  return (
    <section className="poll-wall" aria-label={t('polls.projector.label')} data-poll-wall={poll.id} data-poll-type={poll.type}>
      <h1 className="poll-wall__question">{poll.question}</h1>
      {shown ? (
        <PollResultsView poll={poll} results={shown} variant="wall" />
      ) : (
        <div className="poll-wall__waiting">
          <p className="poll-wall__count" aria-live="polite" data-poll-count={answers}>
            {t('polls.results.answers', { count: answers })}
          </p>
          <p className="poll-wall__hint">{t('polls.results.waiting')}</p>
        </div>
      )}
    </section>
  );
}
