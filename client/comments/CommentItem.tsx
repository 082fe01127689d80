import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { ReasonDialog } from './ReasonDialog';
import { ReportButton } from './ReportButton';
import { commentPermissions } from './social-format';
import { useSocialCommands } from './useSocialCommands';
import { When } from './When';

interface Props {
  comment: Comment;
  /** Where focus goes when this comment disappears (deleted or hidden). */
  onGone: () => void;
}

/** One published comment: who and when, the text, and what this person may do with it. */
export function CommentItem({ comment, onGone }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const identity = useBoardStore((s) => s.identity);
  const announce = useBoardStore((s) => s.announce);
  const [mode, setMode] = useState<'view' | 'confirm-delete' | 'hide'>('view');
  const [error, setError] = useState<string | null>(null);
  const may = commentPermissions(identity, comment);
  const textId = `${ids}-text`;
  const about = comment.contributorType ? t(`taxonomy.contributorType.${comment.contributorType}`) : null;

  const remove = async () => {
    const failure = await commands.deleteComment(comment.id);
    if (failure) {
      setError(failure);
      setMode('view');
      return;
    }
    announce(t('comments.thread.deleted'));
    onGone();
  };

  return (
    <li className="comment" data-comment={comment.id}>
      <p className="comment__meta">
        <span className="comment__author">{comment.authorName ?? t('board.anonymous')}</span>
        {about ? <span className="comment__about"> · {about}</span> : null} · <When at={comment.createdAt} />
        {comment.editedAt !== null ? <span className="comment__edited"> · {t('comments.thread.edited')}</span> : null}
      </p>
      <p id={textId} className="comment__text">
        {comment.text}
      </p>
      {mode === 'confirm-delete' ? (
        <div className="comment__confirm" role="group" aria-label={t('comments.thread.confirmDelete')}>
          <p>{t('comments.thread.confirmDelete')}</p>
          <button type="button" className="button button--danger button--small" onClick={() => void remove()}>
            {t('comments.thread.confirmYes')}
          </button>
          <button type="button" className="button button--small" autoFocus onClick={() => setMode('view')}>
            {t('comments.thread.confirmNo')}
          </button>
        </div>
      ) : may.delete || may.hide || may.report ? (
        <div className="comment__actions" role="group" aria-label={t('comments.thread.actionsLabel')}>
          {may.delete ? (
            <button type="button" className="button button--small button--quiet" aria-describedby={textId} onClick={() => setMode('confirm-delete')}>
              {t('comments.thread.delete')}
            </button>
          ) : null}
          {may.hide ? (
            <button
              id={`${ids}-hide`}
              type="button"
              className="button button--small button--quiet"
              aria-describedby={textId}
              onClick={() => setMode('hide')}
            >
              {t('comments.thread.hide')}
            </button>
          ) : null}
          {may.report ? <ReportButton target={{ kind: 'comment', id: comment.id }} excerpt={comment.text} describedBy={textId} /> : null}
        </div>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {mode === 'hide' ? (
        <ReasonDialog
          title={t('comments.thread.hideTitle')}
          intro={t('comments.thread.hideIntro')}
          submitLabel={t('comments.thread.hideSubmit')}
          excerpt={comment.text}
          returnFocus={() => document.getElementById(`${ids}-hide`)}
          onSubmit={async (reason) => {
            const failure = await commands.hideComment(comment.id, reason);
            if (!failure) {
              announce(t('comments.thread.hidden'));
              onGone();
            }
            return failure;
          }}
          onClose={() => setMode('view')}
        />
      ) : null}
    </li>
  );
}
