import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jumpTo } from '../ui/jump';
import { useBoardStore } from '../state/board-store';
import { selectLivePoll, usePollsStore } from './polls-store';

/**
 * A participant who has scrolled down into the ideas does not see the live poll's card
 * appear at the top of the page. While a live poll is open, unanswered and its card out of
 * view, a button stays at the top of the screen and takes the person to the card (focus on
 * its question). It leaves once the card is in view or answered.
 */
export function LivePollNudge() {
  const { t } = useTranslation();
  const poll = usePollsStore(selectLivePoll);
  const answered = usePollsStore((s) => (poll ? Boolean(s.mine[poll.id]?.answer) : false));
  const participant = useBoardStore((s) => s.identity?.role === 'participant');
  // Keyed by the poll, so a new live poll starts as "in view" until its card is measured.
  const [seen, setSeen] = useState<{ pollId: string; out: boolean } | null>(null);
  const pollId = poll && poll.state === 'open' ? poll.id : null;
  const outOfView = seen !== null && seen.pollId === pollId && seen.out;

  useEffect(() => {
    if (!pollId || typeof IntersectionObserver !== 'function') return;
    // The card renders in the same commit as this; watch it once it is in the page.
    let observer: IntersectionObserver | null = null;
    const frame = requestAnimationFrame(() => {
      const card = document.querySelector(`[data-poll-card="${CSS.escape(pollId)}"]`);
      if (!card) return;
      observer = new IntersectionObserver(([entry]) => setSeen({ pollId, out: !entry!.isIntersecting }));
      observer.observe(card);
    });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [pollId]);

  if (!poll || !pollId || !participant || answered || !outOfView) return null;
  const go = () => jumpTo(`poll-card-${pollId}`);
  return (
    <button type="button" className="poll-nudge" data-poll-nudge={pollId} onClick={go}>
      <span className="poll-nudge__kicker">{t('polls.answer.nudge')}</span> <span className="poll-nudge__question">{poll.question}</span>
    </button>
  );
}
