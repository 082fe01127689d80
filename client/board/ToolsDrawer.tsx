import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The id the opening button's aria-controls names. */
  id: string;
  children: ReactNode;
}

/**
 * A panel in the facilitator's dock (the tools), beside the ideas, which stay in view. It keeps its content (and any half-filled form) while closed,
 * moves focus to its heading on opening, and closes with Escape or its close button; the
 * opener puts focus back on its own button.
 */
export function ToolsDrawer({ open, onClose, title, id, children }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus({ preventScroll: true });
  }, [open]);
  return (
    <section
      id={id}
      className="drawer"
      aria-labelledby={`${ids}-heading`}
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !(event.target as Element).closest('dialog, [role="dialog"]')) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="drawer__head">
        <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1} className="drawer__heading">
          {title}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('room.close')}
        </button>
      </div>
      <div className="drawer__body">{children}</div>
    </section>
  );
}
