import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, extendToWorkingDay, holidays, isWorkingDay } from './calendar.ts';

describe('Dutch working days (Algemene termijnenwet)', () => {
  it('computes Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('knows the feestdagen of 2026', () => {
    expect([...holidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06', // tweede Paasdag
      '2026-04-27', // Koningsdag
      '2026-05-05',
      '2026-05-14', // Hemelvaartsdag
      '2026-05-25', // tweede Pinksterdag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('moves Koningsdag to the 26th when the 27th is a Sunday', () => {
    expect(holidays(2025).has('2025-04-26')).toBe(true); // 27 April 2025 is a Sunday
    expect(holidays(2025).has('2025-04-27')).toBe(false);
  });

  it('skips weekends and feestdagen', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25')).toBe(false);
    // 3 working days after Wednesday 23 December 2026: Thu 24, (25, 26, 27 off), Mon 28, Tue 29
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-29');
    expect(addWorkingDays('2026-11-20', 0)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
  });

  it('extends a term ending on a weekend or feestdag to the next working day (Atw art. 1)', () => {
    expect(extendToWorkingDay('2026-04-05')).toBe('2026-04-07'); // Easter Sunday → Tuesday after Easter Monday
    expect(extendToWorkingDay('2026-11-24')).toBe('2026-11-24');
  });
});
