import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';
import { PendingComment } from './PendingComment';
import { pendingFor } from './social-format';

interface Props {
  id: string;
  ideaId: string;
  /** Labels the thread: "Comments on the idea" plus the idea's text. */
  describedBy: string;
}

const none: readonly Comment[] = [];

/**
 * An idea's comments, oldest first, then this session's comments still waiting for a
 * moderator, then the form (not for the screen view). When a comment disappears under the
 * keyboard focus (deleted, hidden), focus moves to the thread instead of being lost.
 */
export function CommentThread({ id, ideaId, describedBy }: Props) {
  const { t } = useTranslation();
  const comments = useBoardStore((s) => s.comments.get(ideaId)) ?? none;
  const allPending = useBoardStore((s) => s.pendingComments);
  const canWrite = useBoardStore((s) => s.identity !== null && s.identity.role !== 'observer');
  const pending = pendingFor(allPending, ideaId, comments);
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (!refocus.current) return;
    const active = document.activeElement;
    if (active === null || active === document.body) {
      refocus.current = false;
      root.current?.focus();
    }
  }, [comments, allPending]);

  const onGone = () => {
    refocus.current = true;
  };

  return (
    <div id={id} ref={root} className="thread" role="group" tabIndex={-1} aria-label={t('comments.thread.threadLabel')} aria-describedby={describedBy}>
      {comments.length === 0 && pending.length === 0 ? <p className="thread__empty">{t('comments.thread.empty')}</p> : null}
      {comments.length > 0 ? (
        <ul className="thread__list">
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} onGone={onGone} />
          ))}
        </ul>
      ) : null}
      {pending.length > 0 ? (
        <ul className="thread__list thread__list--pending" aria-label={t('comments.thread.pendingHeading')}>
          {pending.map((comment) => (
            <PendingComment key={comment.id} comment={comment} onGone={onGone} />
          ))}
        </ul>
      ) : null}
      {canWrite ? <CommentForm ideaId={ideaId} /> : <p className="hint">{t('comments.thread.readOnly')}</p>}
    </div>
  );
}
