import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared';
import { useBoardStore } from '../state/board-store';
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
  onClose: () => void;
}

/** Facilitators: change someone's text (e.g. remove personal data); the server keeps the original. */
export function ModerateEditDialog({ ideaId, text: original, returnFocus, onClose }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(original);
  const [reason, setReason] = useState<ReasonChoice>(emptyReason);
  const [textError, setTextError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const near = text.length > LIMITS.ideaText * 0.9;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = text.trim();
    const textProblem = !trimmed ? t('composer.empty') : trimmed === original.trim() ? t('comments.moderate.unchanged') : null;
    setTextError(textProblem);
    const problem = reasonProblem(reason, false);
    setReasonError(problem ? t('comments.reasons.otherRequired') : null);
    if (textProblem) {
      textRef.current?.focus();
      return;
    }
    if (problem) return;
    setBusy(true);
    setFailure(null);
    const refused = await commands.moderateEdit(ideaId, trimmed, reasonValue(reason));
    setBusy(false);
    if (refused) {
      setFailure(refused);
      return;
    }
    announce(t('comments.moderate.edited'));
    onClose();
  };

  return (
    <ModalDialog title={t('comments.moderate.editTitle')} onClose={onClose} returnFocus={returnFocus}>
      <form className="modal__body" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('comments.moderate.editIntro')}</p>
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('comments.moderate.editText')}</label>
          <textarea
            ref={textRef}
            id={`${ids}-text`}
            rows={5}
            value={text}
            maxLength={LIMITS.ideaText}
            aria-invalid={textError ? true : undefined}
            aria-describedby={`${ids}-count${textError ? ` ${ids}-error` : ''}`}
            onChange={(e) => {
              setText(e.target.value);
              setTextError(null);
            }}
          />
          <p id={`${ids}-count`} className={`counter${near ? ' counter--near' : ''}`}>
            {t('composer.counter', { count: text.length, max: LIMITS.ideaText })}
          </p>
          {textError ? (
            <p id={`${ids}-error`} className="error-text" role="alert">
              {textError}
            </p>
          ) : null}
        </div>
        <ReasonFields value={reason} onChange={setReason} required={false} error={reasonError} />
        <ErrorText message={failure} />
        <DialogActions submitLabel={t('comments.moderate.editSubmit')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
