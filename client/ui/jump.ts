/**
 * Jumping to an element of the board from elsewhere on it: a note from its initiative, an
 * initiative from its note, a live poll from the nudge, a saved poll in its panel. Selects
 * the facilitator dock's tab when the element is behind one.
 */
import { useBoardStore } from '../state/board-store';
import { DOCK_TABS, type DockTab } from '../state/slices/ui';

/** Element ids the initiatives and the notes link each other by. */
export const noteElementId = (ideaId: string) => `note-${ideaId}`;
export const initiativeElementId = (initiativeId: string) => `initiative-${initiativeId}`;

const HIGHLIGHT_MS = 2000;

/** An element made focusable from script (a card, a note), or null when it is not on the page. */
export function focusable(elementId: string): HTMLElement | null {
  const element = document.getElementById(elementId);
  if (element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  return element;
}

/**
 * Brings an element into view and puts focus on it (a note or an initiative is not
 * focusable by itself), with a brief highlight so sighted users see where they landed.
 * False when the element is not on the page (filtered out, or gone).
 */
export function jumpTo(elementId: string): boolean {
  const element = focusable(elementId);
  if (!element) return false;
  const panel = showDockPanelOf(element);
  if (panel) revealOnceShown(panel, element, 5);
  else reveal(element);
  return true;
}

const isDockTab = (name: string | undefined): name is DockTab => (DOCK_TABS as readonly (string | undefined)[]).includes(name);

/**
 * An element in a panel of the facilitator's dock that another tab hides: selects that
 * panel's tab and returns the (still hidden until React renders) panel; null otherwise.
 */
export function showDockPanelOf(element: HTMLElement | null): HTMLElement | null {
  const panel = element?.closest<HTMLElement>('[data-dock-panel]');
  const tab = panel?.dataset.dockPanel;
  if (!panel?.hidden || !isDockTab(tab)) return null;
  useBoardStore.getState().setDockTab(tab);
  return panel;
}

/** React shows the panel on its next render; a few frames at most. */
function revealOnceShown(panel: HTMLElement, element: HTMLElement, frames: number): void {
  requestAnimationFrame(() => (panel.hidden && frames > 1 ? revealOnceShown(panel, element, frames - 1) : reveal(element)));
}

function reveal(element: HTMLElement): void {
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
  element.classList.add('jump-target');
  window.setTimeout(() => element.classList.remove('jump-target'), HIGHLIGHT_MS);
}
