import { normalizeJoinCode } from '../../shared';

/** "KQ7HMT" as "KQ7 HMT": two groups of three are easier to read across a room and to type. */
export function formatJoinCode(code: string): string {
  const clean = normalizeJoinCode(code);
  return clean.length === 6 ? `${clean.slice(0, 3)} ${clean.slice(3)}` : clean;
}

/** The address a phone opens to join with this code (what the projector's QR code holds). */
export function joinUrl(code: string): string {
  return `${location.origin}/join/${encodeURIComponent(normalizeJoinCode(code))}`;
}

const codeKey = (code: string) => `samskab.code.${normalizeJoinCode(code)}`;

/**
 * Which board a code led to on this device. GET /api/join/:code does not name the board,
 * so this is how the join page knows a phone is already in (and can go straight back).
 */
export function rememberCodeBoard(code: string, boardId: string): void {
  try {
    localStorage.setItem(codeKey(code), boardId);
  } catch {
    // Not remembered: the person just joins again.
  }
}

export function boardForCode(code: string): string | null {
  try {
    return localStorage.getItem(codeKey(code));
  } catch {
    return null;
  }
}
