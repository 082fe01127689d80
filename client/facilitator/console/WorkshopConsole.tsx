import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { AgendaCard } from './AgendaCard';
import { ClustersCard } from './ClustersCard';
import { RoomCard } from './RoomCard';
import { ScreenCard } from './ScreenCard';
import { TimerCard } from './TimerCard';
import { VotingCard } from './VotingCard';
import { WritingCard } from './WritingCard';

/**
 * The facilitator's console for running the room live: agenda and steps, timer, silent
 * writing and reveal, clusters, voting, the lock, joining and who is here. Every control
 * is a server command; its effect comes back through the document, to every screen.
 */
export function WorkshopConsole({ onEditQuestions }: { onEditQuestions: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  // Open beside the board on a laptop; folded on a small screen, where it would sit above the ideas.
  const [open, setOpen] = useState(() => typeof matchMedia !== 'function' || matchMedia('(min-width: 64rem)').matches);
  const voting = useBoardStore((s) => s.workshop.voting);
  return (
    <section className="console" aria-labelledby={`${ids}-heading`} data-console="">
      <div className="console__head">
        <h2 id={`${ids}-heading`} className="console__heading">
          {t('console.heading')}
        </h2>
        <button type="button" className="button button--small" aria-expanded={open} aria-controls={`${ids}-body`} onClick={() => setOpen((o) => !o)}>
          {open ? t('console.hide') : t('console.show')}
        </button>
      </div>
      <div id={`${ids}-body`} className="console__grid" hidden={!open}>
        <AgendaCard onEditQuestions={onEditQuestions} />
        <TimerCard />
        <WritingCard />
        <ClustersCard />
        {/* A change by another facilitator starts the form afresh from the document. */}
        <VotingCard key={`${voting.votesPerPerson}-${voting.maxPerIdea}`} />
        <ScreenCard />
        <RoomCard />
      </div>
    </section>
  );
}
