import { useBoardStore } from '../state/board-store';

/**
 * The page's polite live region. It is always in the DOM (screen readers only announce
 * changes to regions that already exist); the store's announcement sequence number is
 * the key, so the same sentence twice is announced twice.
 */
export function LiveRegion() {
  const announcement = useBoardStore((s) => s.announcement);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.seq}>{announcement.text}</span> : null}
    </div>
  );
}
