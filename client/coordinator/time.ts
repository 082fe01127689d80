import { COPENHAGEN, copenhagenDayStart, toCopenhagenDate } from '../../shared';

export { formatCopenhagen } from '../../shared';

/** The municipality's calendar, whatever zone the coordinator's laptop is set to. */

const DAY = 24 * 60 * 60 * 1000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "1. maj 2025" / "1 May 2025" on Copenhagen's calendar. */
export function formatCopenhagenDay(ms: number, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', { timeZone: COPENHAGEN, dateStyle: 'long' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(ms));
}

/** `since` of the overview: the first instant of a Copenhagen day ("2025-05-01"); null if not a date. */
export function sinceOf(date: string): number | null {
  return copenhagenDayStart(date);
}

/** A date `days` before `now`'s Copenhagen day, as a date input's value. */
export function daysBefore(now: number, days: number): string {
  return toCopenhagenDate(now - days * DAY);
}

export function today(now: number): string {
  return toCopenhagenDate(now);
}
