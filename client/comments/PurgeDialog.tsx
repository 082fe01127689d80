import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ui/ErrorText';
import { ModalDialog } from './ModalDialog';
import { ReasonFields } from './ReasonFields';
import { emptyReason, reasonProblem, reasonValue, type ReasonChoice } from './social-format';
import { useSocialCommands } from './useSocialCommands';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  ideaId: string;
  text: string;
  returnFocus?: () => HTMLElement | null;
  /**
   * Just before sending (the note may vanish before the answer comes), and with the
   * outcome: the caller decides where focus goes once the note is gone.
   */
  onSending: () => void;
  onResult: (purged: boolean) => void;
  onClose: () => void;
}

/**
 * Facilitators: a GDPR deletion. It cannot be undone, so the dialog says what it removes,
 * shows the text, and asks for an explicit tick before the red button does anything.
 */
export function PurgeDialog({ ideaId, text, returnFocus, onSending, onResult, onClose }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const confirmRef = useRef<HTMLInputElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState<ReasonChoice>(emptyReason);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = reasonProblem(reason, false);
    setReasonError(problem ? t('comments.reasons.otherRequired') : null);
    if (!confirmed) {
      setConfirmError(t('comments.moderate.purgeConfirmRequired'));
      confirmRef.current?.focus();
      return;
    }
    if (problem) return;
    setBusy(true);
    setFailure(null);
    onSending();
    const refused = await commands.purgeIdea(ideaId, reasonValue(reason));
    setBusy(false);
    onResult(refused === null);
    if (refused) {
      setFailure(refused);
      return;
    }
    onClose();
  };

  return (
    <ModalDialog title={t('comments.moderate.purgeTitle')} onClose={onClose} returnFocus={returnFocus}>
      <form className="modal__body" onSubmit={(e) => void submit(e)} noValidate>
        <p className="modal__warning">{t('comments.moderate.purgeBody')}</p>
        <p className="modal__label">{t('comments.moderate.purgeIdea')}</p>
        <blockquote className="modal__excerpt">{text}</blockquote>
        <ReasonFields value={reason} onChange={setReason} required={false} error={reasonError} />
        <div className="field">
          <label className="check">
            <input
              ref={confirmRef}
              type="checkbox"
              checked={confirmed}
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? `${ids}-confirm-error` : undefined}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                setConfirmError(null);
              }}
            />
            {t('comments.moderate.purgeConfirm')}
          </label>
          {confirmError ? (
            <p id={`${ids}-confirm-error`} className="error-text" role="alert">
              {confirmError}
            </p>
          ) : null}
        </div>
        <ErrorText message={failure} />
        <DialogActions submitLabel={t('comments.moderate.purgeSubmit')} busy={busy} onCancel={onClose} danger />
      </form>
    </ModalDialog>
  );
}
