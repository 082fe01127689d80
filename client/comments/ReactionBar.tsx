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
          {/* A face with a plus, not "+": in the vote step the note's vote button is a "+" already.
              Drawn by CSS (comments.css), one element: every note on the board has this button. */}
          {all ? <span aria-hidden="true">–</span> : <span className="reaction__add" aria-hidden="true" />}
          <span className="sr-only">{t('comments.reactions.more')}</span>
        </button>
      ) : null}
      <p role="alert" className={error ? 'error-text reactions__error' : 'sr-only'}>
        {error ?? ''}
      </p>
    </div>
  );
}
