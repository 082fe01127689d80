import { describe, expect, it } from 'vitest';
import { formatCallTime, formatShortTime, isCallTimeZone, windowSentence } from '../../client/call/time';

// The kick-off meeting: 29 May 2024, 17:00 in Ishøj (summer time, UTC+2).
const KICKOFF = Date.UTC(2024, 4, 29, 15, 0);
// A winter instant (UTC+1): 15 January 2025, 09:30 in Copenhagen.
const WINTER = Date.UTC(2025, 0, 15, 8, 30);

describe('call times on Danish time', () => {
  it('formats in Danish and English, on Copenhagen time whatever the device zone', () => {
    expect(formatCallTime(KICKOFF, 'da')).toBe('onsdag den 29. maj 2024 kl. 17.00');
    expect(formatCallTime(KICKOFF, 'en')).toBe('Wednesday, 29 May 2024 at 17:00');
    expect(formatShortTime(WINTER, 'da')).toBe('15. januar 2025 kl. 09.30');
    expect(formatShortTime(WINTER, 'en')).toBe('15 January 2025 at 09:30');
  });

  it('handles the night clocks change (last Sunday of October, 03:00 → 02:00)', () => {
    // 00:30 UTC is 02:30 summer time; 01:30 UTC is 02:30 winter time.
    expect(formatShortTime(Date.UTC(2024, 9, 27, 0, 30), 'en')).toBe('27 October 2024 at 02:30');
    expect(formatShortTime(Date.UTC(2024, 9, 27, 1, 30), 'en')).toBe('27 October 2024 at 02:30');
    expect(formatShortTime(Date.UTC(2024, 9, 27, 2, 30), 'en')).toBe('27 October 2024 at 03:30');
  });

  it('knows which device zones keep Danish time', () => {
    expect(isCallTimeZone('Europe/Copenhagen')).toBe(true);
    expect(isCallTimeZone('Europe/Berlin')).toBe(true);
    expect(isCallTimeZone('Europe/London')).toBe(false);
    expect(isCallTimeZone('America/Nuuk')).toBe(false);
    expect(isCallTimeZone('Not/AZone')).toBe(false);
  });

  it('chooses the sentence for each window state', () => {
    const base = { opensAt: null, closesAt: null };
    expect(windowSentence({ ...base, state: 'open' })).toEqual({ key: 'openNoEnd' });
    expect(windowSentence({ ...base, state: 'open', closesAt: KICKOFF })).toEqual({ key: 'openUntil', at: KICKOFF });
    expect(windowSentence({ ...base, state: 'not-yet-open', opensAt: KICKOFF })).toEqual({ key: 'opensAt', at: KICKOFF });
    expect(windowSentence({ ...base, state: 'not-yet-open' })).toEqual({ key: 'notYetOpen' });
    expect(windowSentence({ ...base, state: 'closed', closesAt: KICKOFF })).toEqual({ key: 'closedAt', at: KICKOFF });
    expect(windowSentence({ ...base, state: 'closed' })).toEqual({ key: 'closed' });
    expect(windowSentence({ ...base, state: 'disabled', closesAt: KICKOFF })).toEqual({ key: 'disabled' });
  });
});
