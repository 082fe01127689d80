import { useTranslation } from 'react-i18next';

interface Props {
  /** The submit button's words (say "…ing" while busy, if the dialog has such a label). */
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  /** A destructive action: the danger style, and focus starts on "Cancel". */
  danger?: boolean;
}

/**
 * A form dialog's buttons: submit, then cancel. A busy submit stays focusable and says so
 * (aria-disabled), so a second press does nothing and focus is not lost.
 */
export function DialogActions({ submitLabel, busy, onCancel, danger = false }: Props) {
  const { t } = useTranslation();
  return (
    <div className="modal__actions">
      <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} aria-disabled={busy ? true : undefined}>
        {submitLabel}
      </button>
      <button type="button" className="button" data-autofocus={danger ? true : undefined} onClick={onCancel}>
        {t('app.cancel')}
      </button>
    </div>
  );
}
