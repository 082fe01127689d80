import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';

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
  /** Participants see their own; the facilitator's console shows everyone's, with names. */
  onlyMine: boolean;
  headingLevel: 2 | 3 | 4;
}

/**
 * Ideas written during silent writing: visible only to their author and the facilitators
 * until revealed. Each can be withdrawn. An idea still waiting for a connection says so.
 */
export function HiddenIdeasList({ onlyMine, headingLevel }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const entries = useHiddenIdeas(onlyMine);
  const silent = useBoardStore((s) => s.workshop.silent);
  const [error, setError] = useState<string | null>(null);
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  if (entries.length === 0 && !(onlyMine && silent)) return null;

  const withdraw = async (idea: Idea) => {
    setError(null);
    const result = await sync.workshop?.deleteHidden(idea.id);
    if (result && !result.ok) setError(resultErrorText(t, result));
  };

  return (
    <section className={`hidden-ideas${onlyMine ? ' card' : ''}`} aria-labelledby={`${ids}-heading`} data-hidden-list={onlyMine ? 'mine' : 'all'}>
      <Heading id={`${ids}-heading`} className="hidden-ideas__heading">
        {onlyMine ? t('hidden.mineHeading') : t('hidden.allHeading', { count: entries.length })}
      </Heading>
      {onlyMine ? <p className="hint">{t('hidden.mineHelp')}</p> : null}
      {entries.length === 0 ? (
        <p className="hidden-ideas__empty">{t('hidden.none')}</p>
      ) : (
        <ul className="hidden-ideas__list">
          {entries.map(({ idea, queued }) => (
            <li key={idea.id} className="hidden-ideas__item">
              <p id={`hidden-${idea.id}-text`} className="hidden-ideas__text">
                {idea.text}
              </p>
              <p className="hidden-ideas__meta">
                {onlyMine ? null : <span>{idea.authorName ?? t('board.anonymous')}</span>}
                {queued ? <span className="hidden-ideas__queued">{t('hidden.queued')}</span> : null}
              </p>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-describedby={`hidden-${idea.id}-text`}
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
