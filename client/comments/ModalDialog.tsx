import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  onClose: () => void;
  /**
   * Where focus goes on closing, asked at that moment (the note may be on its way out);
   * null or absent: back to the element that opened the dialog, if it is still there.
   */
  returnFocus?: () => HTMLElement | null;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, makes the page behind
 * inert and closes on Escape. Focus starts on the first field (or on `[data-autofocus]`)
 * and goes back where it came from. Rendered into <body>, outside the draggable note, so
 * text in its fields can be selected with the mouse.
 */
export function ModalDialog({ title, onClose, returnFocus, children }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const returnRef = useRef(returnFocus);
  useEffect(() => {
    returnRef.current = returnFocus;
  });

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // Start where the work is (the first field), not on the close button; a dialog may name a safer start.
      const start = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.modal__body :is(input, textarea, select)');
      start?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      const target = returnRef.current?.() ?? (opener?.isConnected ? opener : null);
      target?.focus();
    };
    // Opened once per mount; the opener is remembered from that moment.
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${ids}-title`}
      onCancel={(event) => {
        // Escape: close through React, so state and focus follow.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="modal__head">
        <h2 id={`${ids}-title`} className="modal__title">
          {title}
        </h2>
        <button type="button" className="modal__close" aria-label={t('app.close')} onClick={() => onClose()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </dialog>,
    document.body,
  );
}
