import { afterEach, describe, expect, it } from 'vitest';
import {
  copenhagenDayEnd,
  copenhagenDayStart,
  formatCopenhagen,
  fromCopenhagenInput,
  toCopenhagenDate,
  toCopenhagenInput,
} from '../../shared/model/copenhagen-time';

const utc = (iso: string) => Date.parse(iso);

describe('Copenhagen time for datetime-local inputs', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('reads winter (CET, +1) and summer (CEST, +2) times', () => {
    expect(fromCopenhagenInput('2025-01-15T12:00')).toBe(utc('2025-01-15T11:00:00Z'));
    expect(fromCopenhagenInput('2025-06-15T12:00')).toBe(utc('2025-06-15T10:00:00Z'));
    expect(fromCopenhagenInput('2025-06-15T12:00:30')).toBe(utc('2025-06-15T10:00:30Z'));
    expect(toCopenhagenInput(utc('2025-01-15T11:00:00Z'))).toBe('2025-01-15T12:00');
    expect(toCopenhagenInput(utc('2025-06-15T10:00:00Z'))).toBe('2025-06-15T12:00');
  });

  it('handles the spring change: 02:00–03:00 on 30 March 2025 never happens', () => {
    expect(fromCopenhagenInput('2025-03-30T01:59')).toBe(utc('2025-03-30T00:59:00Z'));
    expect(fromCopenhagenInput('2025-03-30T03:00')).toBe(utc('2025-03-30T01:00:00Z'));
    // A time in the gap means the same span after the clocks went forward: 03:30 summer time.
    const gap = fromCopenhagenInput('2025-03-30T02:30');
    expect(gap).toBe(utc('2025-03-30T01:30:00Z'));
    expect(toCopenhagenInput(gap!)).toBe('2025-03-30T03:30');
  });

  it('handles the autumn change: 02:00–03:00 on 26 October 2025 happens twice', () => {
    // The first 02:30 (summer time) is meant.
    expect(fromCopenhagenInput('2025-10-26T02:30')).toBe(utc('2025-10-26T00:30:00Z'));
    expect(toCopenhagenInput(utc('2025-10-26T01:30:00Z'))).toBe('2025-10-26T02:30');
    expect(fromCopenhagenInput('2025-10-26T01:59')).toBe(utc('2025-10-25T23:59:00Z'));
    expect(fromCopenhagenInput('2025-10-26T03:00')).toBe(utc('2025-10-26T02:00:00Z'));
  });

  it('round-trips a year, every three hours and every hour around the changes', () => {
    const start = utc('2025-01-01T00:00:00Z');
    const instants: number[] = [];
    for (let ms = start; ms < start + 366 * 24 * 3600_000; ms += 3 * 3600_000) instants.push(ms);
    for (const change of ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z']) {
      for (let h = -3; h <= 3; h++) instants.push(utc(change) + h * 3600_000);
    }
    for (const ms of instants) {
      const input = toCopenhagenInput(ms);
      const back = fromCopenhagenInput(input)!;
      // The repeated autumn hour reads back as its first occurrence, one hour earlier.
      expect(ms - back === 0 || ms - back === 3600_000).toBe(true);
      expect(toCopenhagenInput(back)).toBe(input);
    }
  });

  it('does not depend on the device time zone', () => {
    for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
      process.env.TZ = tz;
      expect(fromCopenhagenInput('2025-06-15T12:00')).toBe(utc('2025-06-15T10:00:00Z'));
      expect(toCopenhagenInput(utc('2025-12-31T23:30:00Z'))).toBe('2026-01-01T00:30');
      expect(toCopenhagenDate(utc('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    }
  });

  it('refuses what is not a real date and time', () => {
    for (const bad of ['', 'garbage', '2025-13-01T10:00', '2025-02-30T10:00', '2025-06-01T24:00', '2025-06-01', '2025-06-01T10:60']) {
      expect(fromCopenhagenInput(bad)).toBeNull();
    }
  });

  it('gives the first and last instant of a calendar day, 23 or 25 hours at the changes', () => {
    expect(copenhagenDayStart('2025-06-01')).toBe(utc('2025-05-31T22:00:00Z'));
    expect(copenhagenDayEnd('2025-06-01')).toBe(utc('2025-06-01T22:00:00Z') - 1);
    const spring = copenhagenDayEnd('2025-03-30')! + 1 - copenhagenDayStart('2025-03-30')!;
    const autumn = copenhagenDayEnd('2025-10-26')! + 1 - copenhagenDayStart('2025-10-26')!;
    expect(spring).toBe(23 * 3600_000);
    expect(autumn).toBe(25 * 3600_000);
    expect(copenhagenDayStart('2025-6-1')).toBeNull();
  });

  it('formats for people on Copenhagen time', () => {
    const ms = utc('2025-06-15T10:05:00Z');
    expect(formatCopenhagen(ms, 'da')).toContain('12.05');
    expect(formatCopenhagen(ms, 'en')).toContain('12:05');
  });
});
