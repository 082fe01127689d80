import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSync } from '../board/BoardSyncContext';
import { useSocialCommands } from '../comments/useSocialCommands';
import { useBoardStore } from '../state/board-store';
import { send } from '../rest/api';
import { SimilarIdeas, type SimilarItem } from './SimilarIdeas';
import { useSimilar } from './useSimilar';

interface Props {
  text: string;
  questionId: string | null;
  /** Silent writing: no suggestions, so everyone writes their own thoughts first. */
  off: boolean;
}

/**
 * "Ligner disse idéer" under the board's idea field: up to three ideas on the board like
 * the one being written, each with "Støt denne idé" (a 👍 reaction), so the room can back an
 * idea that is already there instead of writing it again. Writing one's own stays one click.
 */
export function ComposerSuggestions({ text, questionId, off }: Props) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const social = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const me = sync.identity.participantId;
  const reactions = useBoardStore((s) => s.reactions);
  const ask = useCallback(
    async (query: string): Promise<SimilarItem[] | null> => {
      const { result } = await send('similar', { params: { boardId: sync.identity.boardId }, session: sync.sessionToken, body: { text: query, questionId, limit: 3 } });
      if (!result.ok) return null;
      // Only ideas this device shows (the server's answer never holds others, but a note may lag).
      const ideas = useBoardStore.getState().ideas;
      return result.data.suggestions.flatMap((hit) => {
        const idea = ideas.get(hit.ideaId);
        return idea ? [{ ideaId: idea.id, text: idea.text }] : [];
      });
    },
    [sync, questionId],
  );
  const items = useSimilar(text, off ? null : ask);

  const support = async (ideaId: string) => {
    const error = await social.toggleReaction(ideaId, 'support');
    announce(error ?? t('sense.similar.supportedAnnounce'));
  };

  return (
    <SimilarIdeas
      items={items}
      intro={t('sense.similar.intro')}
      announce={announce}
      action={(item) => {
        const supported = reactions.get(item.ideaId)?.support?.has(me) ?? false;
        return (
          <button
            type="button"
            className="button button--small button--secondary"
            aria-pressed={supported}
            onClick={() => void support(item.ideaId)}
          >
            <span aria-hidden="true">👍 </span>
            {supported ? t('sense.similar.supported') : t('sense.similar.support')}
          </button>
        );
      }}
    />
  );
}
