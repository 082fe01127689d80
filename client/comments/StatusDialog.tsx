import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATUSES, LIMITS, type IdeaStatus } from '../../shared';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { ModalDialog } from './ModalDialog';
import { rationaleRequired, STATUS_GLYPHS } from './social-format';
import { useSocialCommands } from './useSocialCommands';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  ideaId: string;
  ideaText: string;
  returnFocus?: () => HTMLElement | null;
  onClose: () => void;
}

/** Facilitators: set what became of an idea, with a public rationale (required for a no). */
export function StatusDialog({ ideaId, ideaText, returnFocus, onClose }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const current = useBoardStore((s) => s.statuses.get(ideaId)?.current.status ?? 'new');
  const [status, setStatus] = useState<IdeaStatus>(current);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rationaleRef = useRef<HTMLTextAreaElement>(null);
  const required = rationaleRequired(status);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (required && !rationale.trim()) {
      setError(t('comments.status.rationaleRequired'));
      rationaleRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const refused = await commands.setStatus(ideaId, status, rationale.trim() || null);
    setBusy(false);
    if (refused) {
      setFailure(refused);
      return;
    }
    announce(t('comments.status.saved', { status: t(`comments.status.names.${status}`) }));
    onClose();
  };

  return (
    <ModalDialog title={t('comments.status.dialogTitle')} onClose={onClose} returnFocus={returnFocus}>
      <form className="modal__body" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('comments.status.intro')}</p>
        <blockquote className="modal__excerpt">{ideaText}</blockquote>
        <fieldset className="field">
          <legend>{t('comments.status.field')}</legend>
          <div className="status-choices">
            {IDEA_STATUSES.map((value) => (
              <label key={value} className="check">
                <input type="radio" name={`${ids}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
                <span className={`status-badge status-badge--${value}`}>
                  <span aria-hidden="true" className="status-badge__glyph">
                    {STATUS_GLYPHS[value]}
                  </span>{' '}
                  {t(`comments.status.names.${value}`)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-rationale`}>
            {t('comments.status.rationaleLabel')}
            {required ? <span aria-hidden="true"> *</span> : null}
          </label>
          <textarea
            ref={rationaleRef}
            id={`${ids}-rationale`}
            rows={3}
            value={rationale}
            maxLength={LIMITS.rationale}
            required={required}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${ids}-hint${error ? ` ${ids}-error` : ''}`}
            onChange={(e) => {
              setRationale(e.target.value);
              setError(null);
            }}
          />
          <p id={`${ids}-hint`} className="hint">
            {t('comments.status.rationaleHint')}
          </p>
          {error ? (
            <p id={`${ids}-error`} className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <ErrorText message={failure} />
        <DialogActions submitLabel={t('comments.status.save')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
