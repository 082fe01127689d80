/**
 * Times in exports are Copenhagen wall-clock time with its UTC offset (ISO 8601, e.g.
 * `2024-05-29T17:05:00+02:00`), which Excel and people in the municipality both read right,
 * summer time included.
 */
const TIME_ZONE = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function wallClock(ms: number): WallClock {
  const out: Record<string, string> = {};
  for (const part of parts.formatToParts(new Date(ms))) out[part.type] = part.value;
  return out as unknown as WallClock;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO 8601 in Copenhagen time with offset, to the second. */
export function copenhagenIso(ms: number): string {
  const wall = wallClock(ms);
  const asUtc = Date.UTC(+wall.year, +wall.month - 1, +wall.day, +wall.hour, +wall.minute, +wall.second);
  const offsetMinutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}:${wall.second}${offset}`;
}

/** The Copenhagen calendar date, YYYY-MM-DD (file names, report headers). */
export function copenhagenDate(ms: number): string {
  const wall = wallClock(ms);
  return `${wall.year}-${wall.month}-${wall.day}`;
}

/** Copenhagen date and time for people: "2024-05-29 17:05". */
export function copenhagenReadable(ms: number): string {
  const wall = wallClock(ms);
  return `${wall.year}-${wall.month}-${wall.day} ${wall.hour}:${wall.minute}`;
}

const FOLD: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', Æ: 'ae', Ø: 'oe', Å: 'aa' };

/**
 * A file-name slug from a board title: ASCII lower case, Danish letters spelled out
 * (æ → ae, ø → oe, å → aa), other accents dropped, everything else a single dash.
 */
export function slugify(title: string, fallback = 'samskab'): string {
  const slug = title
    .replace(/[æøåßÆØÅ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}
