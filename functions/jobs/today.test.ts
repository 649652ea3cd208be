import { describe, expect, it } from 'vitest';
import { dutchToday } from './today.ts';

describe('dutchToday', () => {
  it('counts the day in Amsterdam, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year in Amsterdam (UTC+1 in winter).
    expect(dutchToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(dutchToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dutchToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});
