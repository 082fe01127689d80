import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, randomId, type AddCommentResult } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { useSocialCommands } from './useSocialCommands';

interface Props {
  ideaId: string;
}

/**
 * Adds a comment. The draft keeps one id until the server answers, so sending again after
 * a lost answer cannot make a second comment. On a pre-moderated board the answer is
 * "pending": the form says so, and the comment waits in the thread, marked, for this session.
 */
export function CommentForm({ ideaId }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const premoderated = useBoardStore((s) => s.settings?.call?.moderation === 'pre');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [draftId, setDraftId] = useState(() => randomId(16));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<AddCommentResult['state'] | null>(null);
  const near = text.length > LIMITS.commentText * 0.9;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError(t('comments.thread.emptyError'));
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await commands.addComment(draftId, ideaId, text.trim());
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setText('');
    setDraftId(randomId(16));
    setSent(result.data);
  };

  const describedBy = [`${ids}-hint`, `${ids}-count`, error ? `${ids}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-text`}>{t('comments.thread.formLabel')}</label>
        <textarea
          ref={textRef}
          id={`${ids}-text`}
          rows={2}
          value={text}
          maxLength={LIMITS.commentText}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            if (sent) setSent(null);
          }}
        />
        <p id={`${ids}-hint`} className="hint">
          {premoderated ? t('comments.thread.formHintPre') : t('comments.thread.formHint')}
        </p>
        <p id={`${ids}-count`} className={`counter${near ? ' counter--near' : ''}`}>
          {t('comments.thread.counter', { count: text.length, max: LIMITS.commentText })}
        </p>
        {error ? (
          <p id={`${ids}-error`} className="error-text" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="comment-form__actions">
        <button type="submit" className="button button--primary button--small" aria-disabled={busy ? true : undefined}>
          {busy ? t('comments.thread.sending') : t('comments.thread.submit')}
        </button>
      </div>
      <p className={sent === 'published' || sent === null ? 'success-text comment-form__sent' : 'comment-form__pending'} role="status">
        {sent ? t(`comments.thread.sent.${sent}`) : ''}
      </p>
    </form>
  );
}
