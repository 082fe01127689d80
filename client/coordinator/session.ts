import { z } from 'zod';

/**
 * The coordinator's session on this device, in localStorage: a returning coordinator need
 * not find the link again. Only the session token is kept, never the link's token.
 */
const KEY = 'samskab.coordinator';
const SINCE_KEY = 'samskab.coordinator.since';

const storedSchema = z.object({ sessionToken: z.string().min(1).max(200), startedAt: z.number() });
export type StoredCoordinatorSession = z.infer<typeof storedSchema>;

export function loadCoordinatorSession(): StoredCoordinatorSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveCoordinatorSession(sessionToken: string, now = Date.now()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ sessionToken, startedAt: now } satisfies StoredCoordinatorSession));
  } catch {
    // Storage disabled: the session lasts as long as the page.
  }
}

export function forgetCoordinatorSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/** The date of the last status report ("2025-05-01"), so the next one starts from it. */
export function loadSinceDate(): string | null {
  try {
    const value = localStorage.getItem(SINCE_KEY);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveSinceDate(date: string): void {
  try {
    localStorage.setItem(SINCE_KEY, date);
  } catch {
    // Not remembered.
  }
}
