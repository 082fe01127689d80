import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRoute } from '../../client/app/routes';
import {
  forgetCoordinatorSession,
  loadCoordinatorSession,
  loadSinceDate,
  saveCoordinatorSession,
  saveSinceDate,
} from '../../client/coordinator/session';

/** localStorage as the browser has it, for node. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('the coordinator on this device', () => {
  const original = (globalThis as { localStorage?: unknown }).localStorage;
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });
  afterEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = original;
  });

  it('keeps the session token (never the link) until signing out', () => {
    expect(loadCoordinatorSession()).toBeNull();
    saveCoordinatorSession('session-token-1', 1_700_000_000_000);
    expect(loadCoordinatorSession()).toEqual({ sessionToken: 'session-token-1', startedAt: 1_700_000_000_000 });
    forgetCoordinatorSession();
    expect(loadCoordinatorSession()).toBeNull();
  });

  it('ignores what it cannot read', () => {
    localStorage.setItem('samskab.coordinator', '{not json');
    expect(loadCoordinatorSession()).toBeNull();
    localStorage.setItem('samskab.coordinator', JSON.stringify({ sessionToken: '' }));
    expect(loadCoordinatorSession()).toBeNull();
    localStorage.setItem('samskab.coordinator.since', 'last tuesday');
    expect(loadSinceDate()).toBeNull();
    saveSinceDate('2025-05-01');
    expect(loadSinceDate()).toBe('2025-05-01');
  });

  it('has its own page, with or without a trailing slash', () => {
    expect(parseRoute('/coordinator')).toEqual({ name: 'coordinator' });
    expect(parseRoute('/coordinator/')).toEqual({ name: 'coordinator' });
    expect(parseRoute('/coordinator/x')).toEqual({ name: 'not-found' });
  });
});
