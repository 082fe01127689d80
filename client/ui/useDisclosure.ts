import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

interface Options {
  initial?: boolean;
  /** Close on Escape and on a pointer press outside `root` (menus and popovers; not docked panels). */
  light?: boolean;
  /** Where focus goes on opening: the first focusable element in the panel, or the panel itself. */
  focusInto?: 'first' | 'panel';
}

/**
 * A button and the panel it shows: `open`, the button's and the panel's refs. Focus moves
 * into the panel when it opens (by the person, not on first render) and back to the button
 * when it closes, so keyboard users are never left on something that has disappeared.
 */
export function useDisclosure({ initial = false, light = false, focusInto = 'first' }: Options = {}): {
  open: boolean;
  setOpen: (open: boolean) => void;
  toggle: () => void;
  close: () => void;
  button: RefObject<HTMLButtonElement | null>;
  panel: RefObject<HTMLDivElement | null>;
  root: RefObject<HTMLDivElement | null>;
} {
  const [open, setOpenState] = useState(initial);
  const button = useRef<HTMLButtonElement | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const moved = useRef(false);

  const setOpen = useCallback((next: boolean) => {
    moved.current = true;
    setOpenState(next);
  }, []);
  const toggle = useCallback(() => setOpen(!open), [open, setOpen]);
  const close = useCallback(() => setOpen(false), [setOpen]);

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (open) {
      const el = panel.current;
      if (!el) return;
      const first =
        focusInto === 'first'
          ? el.querySelector<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')
          : null;
      (first ?? el).focus();
    } else if (panel.current?.contains(document.activeElement) || document.activeElement === document.body) {
      button.current?.focus();
    }
  }, [open, focusInto]);

  useEffect(() => {
    if (!open || !light) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpenState(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, light, setOpen]);

  return { open, setOpen, toggle, close, button, panel, root };
}
