import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { useSocialCommands } from './useSocialCommands';
import { When } from './When';

/** This session's comment waiting for a moderator: marked as such, and its author may withdraw it. */
export function PendingComment({ comment, onGone }: { comment: Comment; onGone: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const withdraw = async () => {
    if (busy) return;
    setBusy(true);
    const failure = await commands.deleteComment(comment.id);
    setBusy(false);
    setError(failure);
    if (failure) return;
    announce(t('comments.thread.withdrawn'));
    onGone();
  };

  return (
    <li className="comment comment--pending" data-comment={comment.id} data-pending="true">
      <p className="comment__meta">
        <span className="comment__pending-mark">{t('comments.thread.pendingLabel')}</span> · <When at={comment.createdAt} />
      </p>
      <p id={`${ids}-text`} className="comment__text">
        {comment.text}
      </p>
      <div className="comment__actions">
        <button
          type="button"
          className="button button--small button--quiet"
          aria-describedby={`${ids}-text`}
          aria-disabled={busy ? true : undefined}
          onClick={() => void withdraw()}
        >
          {t('comments.thread.withdraw')}
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
