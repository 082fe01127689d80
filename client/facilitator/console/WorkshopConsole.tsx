import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { stepOfQuestion, type Step } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import { AgendaCard } from './AgendaCard';
import { ClustersCard } from './ClustersCard';
import { RoomCard } from './RoomCard';
import { ScreenCard } from './ScreenCard';
import { TimerCard } from './TimerCard';
import { VotingCard } from './VotingCard';
import { WritingCard } from './WritingCard';

type CardName = 'timer' | 'writing' | 'clusters' | 'voting' | 'screen' | 'room';

/** The card the focus question's step works with, right under the stepper. */
const STEP_CARD: Record<Step, CardName> = { write: 'writing', reveal: 'writing', group: 'clusters', vote: 'voting', results: 'voting' };
const ORDER: readonly CardName[] = ['timer', 'writing', 'clusters', 'voting', 'screen', 'room'];

/**
 * The facilitator's console for running the room live: agenda and steps, timer, silent
 * writing and reveal, clusters, voting, the lock, joining and who is here. Every control
 * is a server command; its effect comes back through the document, to every screen.
 * The agenda stays first; the card of the focus question's step follows it (writing and
 * reveal, clusters, voting), so the tool the room needs now is in view without scrolling
 * the dock. The stepper a facilitator just pressed does not move. It is the first of the
 * dock's tabs (client/facilitator/dock).
 */
export function WorkshopConsole({ onEditQuestions }: { onEditQuestions: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const voting = useBoardStore((s) => s.workshop.voting);
  const step = useBoardStore((s) => {
    const focus = s.settings?.focusQuestionId ?? null;
    return focus ? stepOfQuestion(s.workshop, focus) : null;
  });
  const cards: Record<CardName, ReactElement> = {
    timer: <TimerCard key="timer" />,
    writing: <WritingCard key="writing" />,
    clusters: <ClustersCard key="clusters" />,
    // A change by another facilitator starts the form afresh from the document.
    voting: <VotingCard key={`voting-${voting.votesPerPerson}-${voting.maxPerIdea}`} />,
    screen: <ScreenCard key="screen" />,
    room: <RoomCard key="room" />,
  };
  const lead = step ? STEP_CARD[step] : null;
  const order = lead ? [lead, ...ORDER.filter((name) => name !== lead)] : ORDER;
  return (
    <section className="console" aria-labelledby={`${ids}-heading`} data-console="">
      {/* The dock's tab names the panel on screen; the heading is for screen readers' outline. */}
      <h2 id={`${ids}-heading`} className="sr-only">
        {t('console.heading')}
      </h2>
      <div className="console__grid">
        <AgendaCard onEditQuestions={onEditQuestions} />
        {order.map((name) => cards[name])}
      </div>
    </section>
  );
}
