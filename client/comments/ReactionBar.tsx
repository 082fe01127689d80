import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import type { Reaction } from '../../shared';
import { useIdeaFields } from '../state/idea-fields';
import { reactionCounts } from './social-format';
import { useSocialCommands } from './useSocialCommands';

export const REACTION_EMOJI: Record<Reaction, string> = {
  support: '👍',
  love: '❤️',
  insight: '💡',
  question: '❓',
};

interface Props {
  ideaId: string;
  /** The note's text, so each button says which idea it is for. */
  describedBy: string;
  /** Observers see the counts, without buttons. */
  canReact: boolean;
}

/**
 * Quick reactions as toggle buttons with counts from the document. The count changes when
 * the server's write arrives, so every device shows the same number; a click while one is
 * on its way is ignored rather than the button disabled, so focus stays put.
 */
export function ReactionBar({ ideaId, describedBy, canReact }: Props) {
  const t = useT();
  const commands = useSocialCommands();
  const { reactions, me } = useIdeaFields(ideaId, (s) => ({ reactions: s.reactions.get(ideaId), me: s.identity?.participantId ?? null }));
  const [busy, setBusy] = useState<Reaction | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Compact: reactions someone gave show; the others wait behind "+" so the text stays the main thing.
  const [all, setAll] = useState(false);
  const ids = useId();
  const counts = reactionCounts(reactions, me);

  if (!canReact) {
    const shown = counts.filter((c) => c.count > 0);
    if (shown.length === 0) return null;
    return (
      <ul className="reactions reactions--static" aria-label={t('comments.reactions.group')}>
        {shown.map(({ reaction, count }) => (
          <li key={reaction} className="reaction reaction--static">
            <span aria-hidden="true">{REACTION_EMOJI[reaction]}</span>
            <span className="sr-only">{t('comments.reactions.summary', { name: t(`comments.reactions.names.${reaction}`), count })}</span>
            <span className="reaction__count" aria-hidden="true">
              {count}
            </span>
          </li>
        ))}
      </ul>
    );
  }

  const toggle = async (reaction: Reaction) => {
    if (busy) return;
    setBusy(reaction);
    const failure = await commands.toggleReaction(ideaId, reaction);
    setBusy(null);
    setError(failure);
  };

  const hiddenOnes = counts.filter((c) => c.count === 0 && !c.mine).length;
  return (
    <div className="reactions" role="group" aria-label={t('comments.reactions.group')} id={`${ids}-reactions`}>
      {counts.map(({ reaction, count, mine }) => {
        const name = t(`comments.reactions.names.${reaction}`);
        if (!all && count === 0 && !mine) return null;
        return (
          <button
            key={reaction}
            type="button"
            className={`reaction${mine ? ' reaction--mine' : ''}`}
            aria-pressed={mine}
            aria-label={t('comments.reactions.button', { name, count })}
            aria-describedby={describedBy}
            title={name}
            data-reaction={reaction}
            data-count={count}
            onClick={() => void toggle(reaction)}
          >
            <span aria-hidden="true">{REACTION_EMOJI[reaction]}</span>
            <span className="reaction__count" aria-hidden="true">
              {count}
            </span>
          </button>
        );
      })}
      {hiddenOnes > 0 || all ? (
        <button
          type="button"
          className={`reaction reaction--more${all ? ' is-expanded' : ''}`}
          aria-expanded={all}
          aria-controls={`${ids}-reactions`}
          aria-describedby={describedBy}
          onClick={() => setAll((a) => !a)}
        >
          {/* A face, not "+": in the vote step the note's vote button is a "+" already. */}
          {all ? (
            <span aria-hidden="true">–</span>
          ) : (
            <svg className="reaction__add" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              <circle cx="9" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <circle cx="6.6" cy="8.4" r="1" fill="currentColor" />
              <circle cx="11.4" cy="8.4" r="1" fill="currentColor" />
              <path d="M5.8 11.6c.8 1.3 1.9 2 3.2 2s2.4-.7 3.2-2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              <path d="M16.5 1.5v5M14 4h5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          )}
          <span className="sr-only">{t('comments.reactions.more')}</span>
        </button>
      ) : null}
      <p role="alert" className={error ? 'error-text reactions__error' : 'sr-only'}>
        {error ?? ''}
      </p>
    </div>
  );
}
