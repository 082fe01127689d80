/**
 * A public call embedded in another site (an <iframe> on the municipality's pages, allowed
 * by EMBED_ORIGINS): the page drops what only makes sense on Samskab's own site and tells
 * the parent page its height, so the frame can grow with the form instead of scrolling.
 */
export function isEmbedded(): boolean {
  if (new URLSearchParams(window.location.search).get('embed') === '1') return true;
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent cannot be read: framed
  }
}

/** The message the parent page listens for (README "Embedding a call"). */
export interface HeightMessage {
  type: 'samskab:height';
  height: number;
}

export function reportHeightToParent(): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'samskab:height', height };
    // Only a height goes out, so any parent may read it ('*'): EMBED_ORIGINS decides who frames.
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener('load', send);
  send();
}
