import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../ui/ErrorText';
import { ModalDialog } from './ModalDialog';
import { ReasonFields } from './ReasonFields';
import { emptyReason, reasonProblem, reasonValue, type ReasonChoice } from './social-format';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  title: string;
  intro: string;
  submitLabel: string;
  /** The text being reported or hidden, so the person sees what they act on. */
  excerpt: string;
  returnFocus?: () => HTMLElement | null;
  /** Sends the reason; resolves with an error to show, or null when done (the dialog then closes). */
  onSubmit: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

/** Asks for a moderation reason (listed or typed) before a report or a hide. */
export function ReasonDialog({ title, intro, submitLabel, excerpt, returnFocus, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReasonChoice>(emptyReason);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = reasonProblem(reason, true);
    const value = reasonValue(reason);
    if (problem || value === null) {
      setError(problem === 'other-required' ? t('comments.reasons.otherRequired') : t('comments.reasons.required'));
      return;
    }
    setBusy(true);
    setFailure(null);
    const refused = await onSubmit(value);
    setBusy(false);
    if (refused) setFailure(refused);
    else onClose();
  };

  return (
    <ModalDialog title={title} onClose={onClose} returnFocus={returnFocus}>
      <form className="modal__body" onSubmit={(e) => void submit(e)} noValidate>
        <p>{intro}</p>
        <blockquote className="modal__excerpt">{excerpt}</blockquote>
        <ReasonFields
          value={reason}
          onChange={(next) => {
            setReason(next);
            setError(null);
          }}
          required
          error={error}
        />
        <ErrorText message={failure} />
        <DialogActions submitLabel={submitLabel} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
