import { useId, useState } from 'react';
import { useT } from '../../i18n/useT';
import type { HiddenIdea } from '../../../shared';
import { PurgeDialog } from '../../comments/PurgeDialog';
import { reasonLabel } from '../../comments/social-format';
import { useSocialCommands } from '../../comments/useSocialCommands';
import { When } from '../../comments/When';
import { useBoardStore } from '../../state/board-store';

interface Props {
  hidden: HiddenIdea;
  /** Where focus goes once this note leaves the list (restored or deleted). */
  focusAfter: () => HTMLElement | null;
}

/**
 * Facilitators: an idea a moderator took off the board, greyed and marked, with who hid
 * it, when and why; it can be put back as it was, or deleted for good.
 */
export function HiddenIdeaNote({ hidden, focusAfter }: Props) {
  const t = useT();
  const ids = useId();
  const commands = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const [purging, setPurging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { idea } = hidden;
  const textId = `${ids}-text`;
  const reason = reasonLabel(hidden.reason, (key) => t(`comments.reasons.options.${key}`));

  const restore = async () => {
    if (busy) return;
    setBusy(true);
    const next = focusAfter();
    const failure = await commands.restoreIdea(idea.id);
    setBusy(false);
    setError(failure);
    if (failure) return;
    announce(t('comments.hidden.restored'));
    next?.focus();
  };

  return (
    <article className="note note--moderated" aria-labelledby={textId} data-hidden-idea={idea.id}>
      <p className="note__moderated-mark">
        <span aria-hidden="true">⊘</span> {t('comments.hidden.mark')}
      </p>
      <p id={textId} className="note__text">
        {idea.text}
      </p>
      <p className="note__author">{t('idea.by', { name: idea.authorName ?? t('board.anonymous') })}</p>
      <p className="note__moderated-meta">
        {t('comments.hidden.meta', { name: hidden.hiddenBy.name ?? t('comments.hidden.unknownActor') })} · <When at={hidden.hiddenAt} />
      </p>
      <p className="note__moderated-reason">{t('comments.hidden.reason', { reason })}</p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="note__actions">
        <button
          id={`hidden-${idea.id}-restore`}
          type="button"
          className="button button--small"
          aria-describedby={textId}
          aria-disabled={busy ? true : undefined}
          onClick={() => void restore()}
        >
          {t('comments.hidden.restore')}
        </button>
        <button
          id={`hidden-${idea.id}-purge`}
          type="button"
          className="button button--small button--quiet"
          aria-describedby={textId}
          onClick={() => setPurging(true)}
        >
          {t('comments.moderate.purge')}
        </button>
      </div>
      {purging ? (
        <PurgeDialog
          ideaId={idea.id}
          text={idea.text}
          returnFocus={() => document.getElementById(`hidden-${idea.id}-purge`) ?? focusAfter()}
          onSending={() => undefined}
          onResult={(purged) => {
            if (purged) announce(t('comments.moderate.purged'));
          }}
          onClose={() => setPurging(false)}
        />
      ) : null}
    </article>
  );
}
