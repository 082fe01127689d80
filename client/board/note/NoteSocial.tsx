import { useId } from 'react';
import { useT } from '../../i18n/useT';
import type { Idea } from '../../../shared';
import { CommentThread } from '../../comments/CommentThread';
import { ReactionBar } from '../../comments/ReactionBar';
import { useIdeaFields } from '../../state/idea-fields';

interface Props {
  idea: Idea;
  textId: string;
  threadOpen: boolean;
  onToggleThread: (open: boolean) => void;
}

/** Under a note: reactions and the comment count that opens the thread ("Report" is behind the note's "⋯"). */
export function NoteSocial({ idea, textId, threadOpen, onToggleThread }: Props) {
  const t = useT();
  const ids = useId();
  const { count, role } = useIdeaFields(idea.id, (s) => ({
    count: s.comments.get(idea.id)?.length ?? 0,
    role: s.identity?.role ?? 'observer',
  }));
  const writer = role !== 'observer';
  const threadId = `${ids}-thread`;
  const label = count > 0 ? t('comments.thread.toggle', { count }) : t('comments.thread.toggleNone');

  return (
    <div className="note-social">
      <ReactionBar ideaId={idea.id} describedBy={textId} canReact={writer} />
      <div className="note-social__row">
        {writer || count > 0 ? (
          <button
            id={`idea-${idea.id}-comments`}
            type="button"
            className={`button button--small comment-toggle${threadOpen ? ' is-expanded' : ''}`}
            aria-expanded={threadOpen}
            aria-controls={threadOpen ? threadId : undefined}
            aria-describedby={textId}
            aria-label={label}
            data-comments={count}
            title={label}
            onClick={() => onToggleThread(!threadOpen)}
          >
            {/* A drawn bubble, not the 💬 emoji: a device without an emoji font showed an empty box. */}
            <svg className="comment-toggle__icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M3 3.5h14a1.5 1.5 0 0 1 1.5 1.5v8a1.5 1.5 0 0 1-1.5 1.5H9l-4 3.5v-3.5H3A1.5 1.5 0 0 1 1.5 13V5A1.5 1.5 0 0 1 3 3.5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
            </svg>
            {/* The bubble and the number, so reactions, comments and "⋯" fit one row of a note;
                the words are the button's name (aria-label) and its tooltip. */}
            {count > 0 ? (
              <span className="comment-toggle__count" aria-hidden="true">
                {count}
              </span>
            ) : null}
          </button>
        ) : null}
      </div>
      {threadOpen ? <CommentThread id={threadId} ideaId={idea.id} describedBy={textId} /> : null}
    </div>
  );
}
