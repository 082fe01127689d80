/**
 * Fractional indexing for the `position` of ideas within a group: a string key that sorts
 * with plain code-unit comparison (`a < b`, never localeCompare), so any client can insert
 * between two neighbours without renumbering the others.
 *
 * Keys are "integer part + fraction" in base 62 (digits, then A–Z, then a–z, which is
 * also their ASCII order). The integer part's first character gives its length, so
 * appending to or prepending before a group only increments/decrements it and stays short
 * (three characters for the first ~3,800 appends); inserting between two neighbours grows
 * the fraction by about one character per six insertions at the same spot. Repeated
 * insertion at one point hundreds of times is the only way to reach LIMITS.position.
 *
 * The scheme follows David Greenspan's "Implementing Fractional Indexing" (also used by
 * rocicorp/fractional-indexing), written out here so the wire format is ours to document.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ZERO = DIGITS[0] as string;
const LAST = DIGITS[DIGITS.length - 1] as string;
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);

function digitAt(s: string, i: number): number {
  return DIGITS.indexOf(s[i] as string);
}

function digitOf(ch: string): number {
  return DIGITS.indexOf(ch);
}

/** A fraction strictly between a and b ('' is 0, null is 1); neither may end in ZERO. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Shared prefix: recurse on the rest, keeping the prefix.
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? digitAt(a, 0) : 0;
  const digitB = b !== null ? digitAt(b, 0) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)] as string;
  // Adjacent first digits.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] as string) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number | null {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  return null;
}

/** Splits a key into integer part and fraction; null when it is not a key of this scheme. */
function split(key: string): { int: string; frac: string } | null {
  const length = integerLength(key[0] ?? '');
  if (length === null || length > key.length) return null;
  for (const ch of key) if (!DIGITS.includes(ch)) return null;
  const int = key.slice(0, length);
  const frac = key.slice(length);
  if (frac.endsWith(ZERO) || key === SMALLEST_INTEGER) return null;
  return { int, frac };
}

function incrementInteger(x: string): string | null {
  const head = x[0] as string;
  const digits = x.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitOf(digits[i] as string) + 1;
    if (d < DIGITS.length) {
      digits[i] = DIGITS[d] as string;
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  // Carried out of the integer: the next head has one digit more (positive) or less (negative).
  if (head === 'Z') return 'a' + ZERO;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrementInteger(x: string): string | null {
  const head = x[0] as string;
  const digits = x.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digitOf(digits[i] as string) - 1;
    if (d >= 0) {
      digits[i] = DIGITS[d] as string;
      return head + digits.join('');
    }
    digits[i] = LAST;
  }
  if (head === 'a') return 'Z' + LAST;
  if (head === 'A') return null;
  const next = String.fromCharCode(head.charCodeAt(0) - 1);
  if (next < 'Z') digits.push(LAST);
  else digits.pop();
  return next + digits.join('');
}

function keyAfter(a: string): string {
  const parts = split(a);
  if (!parts) return a + 'V'; // not our scheme (another client's key): any extension sorts after
  return incrementInteger(parts.int) ?? parts.int + midpoint(parts.frac, null);
}

function keyBefore(b: string): string | null {
  const parts = split(b);
  if (!parts) return null;
  if (parts.int === SMALLEST_INTEGER) return parts.int + midpoint('', parts.frac);
  // "a0" < "a0V": dropping the fraction is already smaller.
  if (parts.frac) return parts.int;
  return decrementInteger(parts.int);
}

/**
 * A position strictly between `a` and `b` (null: the start or the end of the group).
 *
 * Never throws for positions found in a document: when `a >= b` (two clients appended to
 * the same group at once and got equal keys) it returns a key just after `a`; when a
 * neighbour is not a key of this scheme it still returns something on the right side of
 * it where possible. Ties in the stored order are broken by idea id when sorting.
 */
export function positionBetween(a: string | null, b: string | null): string {
  if (a === null && b === null) return 'a' + ZERO;
  if (a === null) return keyBefore(b as string) ?? '0' + (b as string);
  if (b === null || a >= b) return keyAfter(a);
  const pa = split(a);
  const pb = split(b);
  if (!pa || !pb) {
    // Foreign keys: a + suffix is > a; it is < b unless b starts with a, then fall back.
    const candidate = a + 'V';
    return candidate < b ? candidate : keyAfter(a);
  }
  if (pa.int === pb.int) return pa.int + midpoint(pa.frac, pb.frac);
  const next = incrementInteger(pa.int);
  if (next !== null && next < b) return next;
  return pa.int + midpoint(pa.frac, null);
}

/** Compares two items by position, then id: the order every client shows. */
export function comparePositions(
  a: { position: string; id: string },
  b: { position: string; id: string },
): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
