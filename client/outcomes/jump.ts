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
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
  element.classList.add('jump-target');
  window.setTimeout(() => element.classList.remove('jump-target'), HIGHLIGHT_MS);
  return true;
}
