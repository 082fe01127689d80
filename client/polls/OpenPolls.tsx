import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { PollAnswerCard } from './PollAnswerCard';
import { usePollsStore } from './polls-store';

/**
 * The polls left open to answer at one's own pace (not the live one, which has its own card
 * at the top of the phone): one answer card each. Nothing for observers or when none is open.
 */
export function OpenPolls() {
  const { t } = useTranslation();
  const identity = useBoardStore((s) => s.identity);
  const polls = usePollsStore((s) => s.polls);
  const open = polls.filter((p) => p.state === 'open' && !p.live);
  if (!identity || identity.role === 'observer' || open.length === 0) return null;
  return (
    <section className="poll-open-list" aria-label={t('polls.answer.openPolls')}>
      {open.map((poll) => (
        <PollAnswerCard key={poll.id} pollId={poll.id} />
      ))}
    </section>
  );
}
