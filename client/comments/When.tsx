import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { formatDateTime, formatWhen } from './social-format';

const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

/** One clock for every "12 minutes ago" on the page, ticking only while one is shown. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const snapshot = () => now;

/** A moment as "12 minutes ago" (or a date), with the full date and time for machines and on hover. */
export function When({ at }: { at: number }) {
  const { t, i18n } = useTranslation();
  // Times come from the server's clock; this device's may be off.
  const current = useSyncExternalStore(subscribe, snapshot) + useBoardStore((s) => s.clockOffset);
  // A moment just written may be a little ahead of the last tick: it is "just now".
  return (
    <time dateTime={new Date(at).toISOString()} title={formatDateTime(at, i18n.language)}>
      {formatWhen(at, Math.max(current, at), i18n.language, t('comments.when.justNow'))}
    </time>
  );
}
