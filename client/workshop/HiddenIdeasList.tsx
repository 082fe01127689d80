import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { SilentCount } from './RoomProgress';

/** Hidden ideas this device knows: confirmed by the server, then those still in the outbox. */
export function useHiddenIdeas(onlyMine: boolean): { idea: Idea; queued: boolean }[] {
  const hidden = useBoardStore((s) => s.hidden);
  const outbox = useBoardStore((s) => s.outbox);
  const me = useBoardStore((s) => s.identity?.participantId);
  const list = [...hidden.values()].map((idea) => ({ idea, queued: false }));
  for (const idea of outbox) if (!hidden.has(idea.id)) list.push({ idea, queued: true });
  return onlyMine ? list.filter((entry) => entry.idea.authorId === me) : list;
}

interface Props {
  /**
   * By the idea field: a participant sees their own; a facilitator (whom the server sends
   * every hidden idea) sees everyone's there too, with names, so the box never says "none
   * yet" while ideas wait. False: the console's preview, everyone's.
   */
  onlyMine: boolean;
  headingLevel: 2 | 3 | 4;
  /** Inside a disclosure that already says how many (the console): no heading of its own. */
  label?: string;
}

/**
 * Ideas written during silent writing: visible only to their author and the facilitators
 * until revealed. Each can be withdrawn. An idea still waiting for a connection says so.
 */
export function HiddenIdeasList({ onlyMine, headingLevel, label }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const facilitator = useBoardStore((s) => s.identity?.role === 'facilitator');
  const mine = onlyMine && !facilitator;
  const entries = useHiddenIdeas(mine);
  const silent = useBoardStore((s) => s.workshop.silent);
  const [error, setError] = useState<string | null>(null);
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  if (entries.length === 0 && !(onlyMine && silent)) return null;

  const withdraw = async (idea: Idea) => {
    setError(null);
    const result = await sync.workshop?.deleteHidden(idea.id);
    if (result && !result.ok) setError(resultErrorText(t, result));
  };

  const heading = mine ? t('hidden.mineHeading') : entries.length === 0 ? t('hidden.noneWaiting') : t('hidden.allHeading', { count: entries.length });
  // By the idea field a facilitator is told where the reveal is; the console has it beside the list.
  const help = mine ? t('hidden.mineHelp') : onlyMine ? t('hidden.facilitatorHelp') : null;
  return (
    <section
      className={`hidden-ideas${onlyMine ? ' card' : ''}`}
      aria-labelledby={label ? undefined : `${ids}-heading`}
      aria-label={label}
      data-hidden-list={mine ? 'mine' : 'all'}
      data-hidden-count={entries.length}
    >
      {label ? null : (
        <Heading id={`${ids}-heading`} className="hidden-ideas__heading">
          {heading}
        </Heading>
      )}
      {help ? <p className="hint">{help}</p> : null}
      {/* Under the idea field, while the room writes in silence: you are not writing alone. */}
      {mine && silent ? <SilentCount variant="phone" className="hidden-ideas__room" /> : null}
      {entries.length === 0 ? (
        mine ? <p className="hidden-ideas__empty">{t('hidden.none')}</p> : null
      ) : (
        <ul className="hidden-ideas__list">
          {entries.map(({ idea, queued }) => (
            <li key={idea.id} className="hidden-ideas__item">
              <p id={`${ids}-${idea.id}-text`} className="hidden-ideas__text">
                {idea.text}
              </p>
              <p className="hidden-ideas__meta">
                {mine ? null : <span className="hidden-ideas__author">{idea.authorName ?? t('board.anonymous')}</span>}
                {queued ? <span className="hidden-ideas__queued">{t('hidden.queued')}</span> : null}
              </p>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-describedby={`${ids}-${idea.id}-text`}
                onClick={() => void withdraw(idea)}
              >
                {t('hidden.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={error} />
    </section>
  );
}
