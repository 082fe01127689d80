import { describe, expect, it } from 'vitest';
import { deriveSaveStatus, ideasArriving, ideasLoading, initialConnection, type ConnectionFacts } from '../../client/state/slices/connection';

const facts = (patch: Partial<ConnectionFacts>): ConnectionFacts => ({ ...initialConnection, localLoaded: true, ...patch });

describe('what the board says of its connection', () => {
  it('an empty board is loading until the first connection synced, and no longer once a connection failed', () => {
    expect(ideasArriving(facts({ socket: 'connecting' }))).toBe(true);
    expect(ideasArriving(facts({ socket: 'connected' }))).toBe(true);
    expect(ideasArriving(facts({ socket: 'connected', synced: true }))).toBe(false);
    // Offline from the start, or disconnected after a sync: nothing more is known than what is shown.
    expect(ideasArriving(facts({ socket: 'disconnected', failedAttempts: 1 }))).toBe(false);
    expect(ideasArriving(facts({ socket: 'connecting', failedAttempts: 2 }))).toBe(false);
    // Only an empty list says so.
    expect(ideasLoading({ connection: facts({ socket: 'connected' }), ideas: new Map() })).toBe(true);
    expect(ideasLoading({ connection: facts({ socket: 'connected' }), ideas: new Map([['a', 1]]) })).toBe(false);
  });

  it('says saved only when synced and nothing is pending', () => {
    expect(deriveSaveStatus({ ...initialConnection })).toBe('loading');
    expect(deriveSaveStatus(facts({ socket: 'connected' }))).toBe('connecting');
    expect(deriveSaveStatus(facts({ socket: 'connected', synced: true }))).toBe('saved');
    expect(deriveSaveStatus(facts({ socket: 'connected', synced: true, pending: true }))).toBe('saving');
    expect(deriveSaveStatus(facts({ socket: 'disconnected', failedAttempts: 1, pending: true }))).toBe('local');
    expect(deriveSaveStatus(facts({ socket: 'disconnected', failedAttempts: 1 }))).toBe('offline');
  });

  it('says offline as soon as the browser has no network, whatever the socket still claims', () => {
    expect(deriveSaveStatus(facts({ socket: 'connected', synced: true, network: false }))).toBe('offline');
    expect(deriveSaveStatus(facts({ socket: 'connected', synced: true, network: false, pending: true }))).toBe('local');
    expect(deriveSaveStatus(facts({ socket: 'connecting', network: false }))).toBe('offline');
    expect(deriveSaveStatus(facts({ socket: 'connected', synced: true, network: true }))).toBe('saved');
  });
});
