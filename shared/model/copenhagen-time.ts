/**
 * The municipality's clock, for the server (exports) and the client (a public call's
 * opening times, the audit log's days). A public call opens and closes at Danish times
 * whatever zone the facilitator's laptop or the server is set to, so nothing here reads the
 * process's own zone: every conversion goes through Intl with Europe/Copenhagen.
 */
export const COPENHAGEN = 'Europe/Copenhagen';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  const out: Record<string, number> = {};
  for (const part of wallFormat.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** What Copenhagen's clock reads at `ms`, written down as if it were UTC. */
function wallAsUtc(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * Copenhagen's clock at `ms` as a Date whose UTC fields are that reading, to the second. A
 * spreadsheet's date cell has no time zone: written from this, Excel shows the time people in
 * Ishøj lived, summer time included, whatever zone the server runs in.
 */
export function copenhagenWallDate(ms: number): Date {
  return new Date(wallAsUtc(ms));
}

/** Copenhagen's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  return wallAsUtc(ms) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * ISO 8601 in Copenhagen time with its offset, to the second (`2024-05-29T17:05:00+02:00`):
 * what exports write, which Excel and people in the municipality both read right, summer
 * time included.
 */
export function copenhagenIso(ms: number): string {
  const w = wallClock(ms);
  const offsetMinutes = Math.round(offsetAt(ms) / MINUTE);
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}

/** The Copenhagen calendar date, YYYY-MM-DD (file names, report headers). */
export function copenhagenDate(ms: number): string {
  return toCopenhagenDate(ms);
}

/** Copenhagen date and time for people in exports: "2024-05-29 17:05". */
export function copenhagenReadable(ms: number): string {
  return toCopenhagenInput(ms).replace('T', ' ');
}

/** An instant as a `datetime-local` value ("2025-06-01T09:00") on Copenhagen's clock. */
export function toCopenhagenInput(ms: number): string {
  const w = wallClock(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** An instant's Copenhagen calendar day, as a `date` input value ("2025-06-01"). */
export function toCopenhagenDate(ms: number): string {
  return toCopenhagenInput(ms).slice(0, 10);
}

const INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value read as Copenhagen time → ms since epoch; null when it is not a
 * real date and time. The autumn hour that happens twice means its first occurrence
 * (summer time), and a spring time that never happens (02:30 on the last Sunday of March)
 * means the same span after the clocks went forward (03:30), as calendars and Temporal do.
 */
export function fromCopenhagenInput(value: string): number | null {
  const m = INPUT_PATTERN.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  // Date.UTC rolls 30 February over into March; such a day does not exist.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;

  // The offset a day before and a day after: only around a clock change do they differ.
  const before = offsetAt(naive - DAY);
  const after = offsetAt(naive + DAY);
  const candidates = [naive - before, naive - after].filter((ms) => wallAsUtc(ms) === naive);
  if (candidates.length > 0) return Math.min(...candidates);
  return naive - before;
}

/** The first instant of a Copenhagen calendar day given as "2025-06-01"; null if invalid. */
export function copenhagenDayStart(date: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? fromCopenhagenInput(`${date}T00:00`) : null;
}

/** The last millisecond of a Copenhagen calendar day (days are 23 or 25 hours at clock changes). */
export function copenhagenDayEnd(date: string): number | null {
  const start = copenhagenDayStart(date);
  if (start === null) return null;
  // Noon the next day is never in a gap; its day start is the true end of this day.
  const next = toCopenhagenDate(start + DAY + 12 * 60 * MINUTE);
  const nextStart = copenhagenDayStart(next);
  return nextStart === null ? null : nextStart - 1;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date and time for people, on Copenhagen's clock, in the page's language. */
export function formatCopenhagen(ms: number, locale: string, style: 'long' | 'short' = 'long'): string {
  const key = `${locale}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
      timeZone: COPENHAGEN,
      dateStyle: style === 'long' ? 'medium' : 'short',
      timeStyle: 'short',
    });
    formats.set(key, format);
  }
  return format.format(new Date(ms));
}
