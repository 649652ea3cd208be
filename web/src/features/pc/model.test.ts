import { describe, expect, it } from 'vitest';
import { paragraphDefaultYear } from './model';

describe('paragraphDefaultYear', () => {
  it('is the year before the current Dutch year, also on New Year’s Eve in UTC', () => {
    expect(paragraphDefaultYear(new Date('2026-12-02T12:00:00Z'))).toBe(2025);
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(paragraphDefaultYear(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
  });
});
