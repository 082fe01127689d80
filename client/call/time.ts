import type { Locale, PublicCallInfo } from '../../shared';

/** Calls open and close on Danish time, wherever the person reading happens to be. */
export const CALL_TIME_ZONE = 'Europe/Copenhagen';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** "onsdag den 29. maj 2024 kl. 17.00" / "Wednesday, 29 May 2024 at 17:00", on Danish time. */
export function formatCallTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: CALL_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);
}

/** "29. maj 2024 kl. 17.00" / "29 May 2024 at 17:00": for lists and receipts. */
export function formatShortTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: CALL_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(ms);
}

/** Whether this device's clock is on Danish time; if not, the page says times are Danish. */
export function isCallTimeZone(zone: string | undefined = Intl.DateTimeFormat().resolvedOptions().timeZone): boolean {
  if (!zone) return true;
  if (zone === CALL_TIME_ZONE) return true;
  // Another zone name can still keep Danish time all year (e.g. Europe/Berlin); compare offsets at both seasons.
  const probe = [Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 6, 15, 12)];
  return probe.every((ms) => offsetLabel(ms, zone) === offsetLabel(ms, CALL_TIME_ZONE));
}

function offsetLabel(ms: number, zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(ms);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** Which sentence describes the call's window, and the instant it names. */
export type WindowSentence =
  | { key: 'openUntil'; at: number }
  | { key: 'openNoEnd' }
  | { key: 'opensAt'; at: number }
  | { key: 'notYetOpen' }
  | { key: 'closedAt'; at: number }
  | { key: 'closed' }
  | { key: 'disabled' };

export function windowSentence(info: Pick<PublicCallInfo, 'state' | 'opensAt' | 'closesAt'>): WindowSentence {
  switch (info.state) {
    case 'open':
      return info.closesAt !== null ? { key: 'openUntil', at: info.closesAt } : { key: 'openNoEnd' };
    case 'not-yet-open':
      return info.opensAt !== null ? { key: 'opensAt', at: info.opensAt } : { key: 'notYetOpen' };
    case 'closed':
      return info.closesAt !== null ? { key: 'closedAt', at: info.closesAt } : { key: 'closed' };
    case 'disabled':
      return { key: 'disabled' };
  }
}
