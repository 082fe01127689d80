import { ID_PATTERN, randomId } from '../../shared';
import { deviceStorage, type StorageLike } from './local-store';

const KEY = 'samskab.device';
/** Used when storage is unavailable: the same id for the whole page. */
const sessionFallback = randomId(20);

/**
 * A random id for this browser, sent as `X-Samskab-Device` so the server can limit
 * contributions per device rather than per IP (a workshop behind one municipal NAT shares
 * an IP). It identifies nothing about the person and is not tied to their contributions.
 * The call's survey keeps one answer per device by it (stored under a hash of it), so it
 * must stay the same across reloads; cleared storage makes a new device (PROTOCOL.md §18).
 */
export function deviceId(storage: StorageLike | null = deviceStorage()): string {
  if (!storage) return sessionFallback;
  try {
    const known = storage.getItem(KEY);
    if (known && ID_PATTERN.test(known)) return known;
    storage.setItem(KEY, sessionFallback);
    return sessionFallback;
  } catch {
    // Not kept: this page still sends one id throughout.
    return sessionFallback;
  }
}

