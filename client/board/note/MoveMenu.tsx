import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';

export interface MoveOption {
  key: string;
  label: string;
  /** The idea is already there: listed for orientation, not selectable. */
  current?: boolean;
  onSelect: () => void;
}

interface Props {
  ideaId: string;
  /** Built when the menu opens: a board shows thousands of closed menus and few open ones. */
  options: () => MoveOption[];
  /** Described by the note's text, so "Move to…" says which idea. */
  describedBy: string;
  /** Another menu of the same kind ("Add to cluster…"): its button text, menu name and id suffix. */
  label?: string;
  menuLabel?: string;
  idSuffix?: string;
}

/**
 * "Move to…" (and "Add to cluster…"): the keyboard (and touch) way to do what drag-and-drop does. A menu button
 * per the ARIA Authoring Practices: Enter/Space/ArrowDown open it on the first item,
 * arrows move, Home/End jump, Escape closes, focus returns to the button.
 */
export function MoveMenu({ ideaId, options: buildOptions, describedBy, label, menuLabel, idSuffix = 'move' }: Props) {
  const t = useT();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const root = useRef<HTMLDivElement>(null);
  const options = open ? buildOptions() : [];

  useEffect(() => {
    if (!open) return;
    const first = options.findIndex((o) => !o.current);
    items.current[first < 0 ? 0 : first]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
    // Focus moves only when the menu opens, not when options are re-rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items.current.filter((el): el is HTMLButtonElement => el !== null);
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="menu" ref={root}>
      <button
        ref={button}
        id={`idea-${ideaId}-${idSuffix}`}
        type="button"
        className={`button button--small${open ? ' is-expanded' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${ids}-menu` : undefined}
        aria-describedby={describedBy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label ?? t('idea.moveTo')}
      </button>
      {open ? (
        <ul id={`${ids}-menu`} role="menu" aria-label={menuLabel ?? t('idea.moveMenu')} className="menu__list" onKeyDown={onMenuKey}>
          {options.map((option, i) => (
            <li key={option.key} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                aria-disabled={option.current ? true : undefined}
                className="menu__item"
                onClick={() => {
                  if (option.current) return;
                  setOpen(false);
                  option.onSelect();
                }}
              >
                {option.current ? t('idea.current', { group: option.label }) : option.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
