import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { formatCopenhagen } from '../../shared';

const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * The server's clock now (this device's clock corrected by the measured offset), read
 * again at `nextChange` (when a call opens or closes by itself) and once a minute.
 */
export function useServerNow(nextChange: (now: number) => number | null): number {
  const offset = useBoardStore((s) => s.clockOffset);
  const [local, setLocal] = useState(() => Date.now());
  const now = local + offset;
  const next = nextChange(now);

  useEffect(() => {
    const tick = () => setLocal(Date.now());
    const minute = setInterval(tick, 60_000);
    const boundary = next === null ? null : setTimeout(tick, Math.min(MAX_TIMEOUT, Math.max(0, next - now) + 250));
    return () => {
      clearInterval(minute);
      if (boundary) clearTimeout(boundary);
    };
  }, [next, now]);

  return now;
}

/** Dates and times on Copenhagen's clock, in the page's language. */
export function useFormatTime(): (ms: number, style?: 'long' | 'short') => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((ms, style = 'long') => formatCopenhagen(ms, language, style), [language]);
}
