import { describe, expect, it } from 'vitest';
import {
  advanceDue,
  desiredDues,
  dutyInputSchema,
  nextPeriod,
  parsePeriod,
  periodContaining,
  reportDueDate,
} from './duties.ts';

describe('information duties', () => {
  it('finds the reporting period of a date', () => {
    expect(periodContaining('quarterly', '2026-05-17')).toEqual({
      key: '2026-Q2',
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(periodContaining('monthly', '2026-02-10')).toEqual({
      key: '2026-02',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(periodContaining('half_yearly', '2026-12-31')).toEqual({
      key: '2026-H2',
      start: '2026-07-01',
      end: '2026-12-31',
    });
    expect(periodContaining('yearly', '2028-02-29')).toEqual({
      key: '2028',
      start: '2028-01-01',
      end: '2028-12-31',
    });
  });

  it('moves to the next period across the year end', () => {
    expect(nextPeriod('quarterly', periodContaining('quarterly', '2026-11-01')).key).toBe('2027-Q1');
  });

  it('puts the due date a number of days after the period', () => {
    expect(reportDueDate(periodContaining('quarterly', '2026-02-01'), 30)).toBe('2026-04-30');
  });

  it('parses period keys of its own frequency only', () => {
    expect(parsePeriod('quarterly', '2026-Q3')?.start).toBe('2026-07-01');
    expect(parsePeriod('quarterly', '2026-07')).toBeNull();
    expect(parsePeriod('monthly', 'x')).toBeNull();
  });

  it('requires what each kind of duty needs', () => {
    expect(
      dutyInputSchema.safeParse({
        kind: 'periodic',
        title: 'Kwartaalrapportage',
        frequency: 'quarterly',
        dueDays: 30,
      }).success,
    ).toBe(true);
    expect(
      dutyInputSchema.safeParse({ kind: 'periodic', title: 'Kwartaalrapportage' }).error?.issues[0]?.path,
    ).toEqual(['frequency']);
    expect(
      dutyInputSchema.safeParse({ kind: 'event', title: 'Calamiteit', event: 'calamity', responseDays: 1 })
        .success,
    ).toBe(true);
    expect(dutyInputSchema.safeParse({ kind: 'event', title: 'Calamiteit' }).success).toBe(false);
  });
});

describe('due reports', () => {
  const quarterly = {
    id: 'd1',
    kind: 'periodic' as const,
    title: 'Kwartaalrapportage',
    frequency: 'quarterly' as const,
    dueDays: 30,
  };
  // A joint body without a portal: one due per duty, owed by no provider party.
  const agreement = {
    status: 'active',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    duties: [quarterly],
    parties: [{ providerSpace: null, name: 'Sociaal Domein Noord-Veluwe' }],
  };
  const twoProviders = {
    ...agreement,
    parties: [
      { providerSpace: 'PV81234567', name: 'Kompas' },
      { providerSpace: 'PV40123456', name: 'Wijkracht' },
      { providerSpace: 'PV81234567', name: 'Kompas' },
    ],
  };

  it('expects the report on the period just ended of a long-running agreement, not its whole past', () => {
    expect(desiredDues(agreement, [], '2026-11-23')).toEqual([
      {
        dutyId: 'd1',
        dutyTitle: 'Kwartaalrapportage',
        frequency: 'quarterly',
        dueDays: 30,
        period: '2026-Q3',
        periodEnd: '2026-09-30',
        dueDate: '2026-10-30',
      },
    ]);
    // An agreement that starts later expects its first period.
    expect(desiredDues({ ...agreement, startDate: '2027-02-01' }, [], '2026-11-23')[0]?.period).toBe(
      '2027-Q1',
    );
    expect(desiredDues({ ...agreement, status: 'draft' }, [], '2026-11-23')).toEqual([]);
  });

  it('keeps the period a duty has reached, and advances it after a report until the end', () => {
    const [due] = desiredDues(agreement, [], '2026-11-23');
    const next = advanceDue(due!, agreement.endDate)!;
    expect(next).toMatchObject({ period: '2026-Q4', dueDate: '2027-01-30' });
    expect(desiredDues(agreement, [next], '2026-11-23')[0]?.period).toBe('2026-Q4');
    expect(advanceDue({ ...next, period: '2027-Q4', periodEnd: '2027-12-31' }, agreement.endDate)).toBeNull();
  });

  it('gives every provider party its own due per duty, each advancing on its own', () => {
    const dues = desiredDues(twoProviders, [], '2026-11-23');
    expect(dues.map((d) => [d.party, d.partyName, d.period])).toEqual([
      ['PV81234567', 'Kompas', '2026-Q3'],
      ['PV40123456', 'Wijkracht', '2026-Q3'],
    ]);
    // Kompas reported: only its own due moves on.
    const kompasNext = advanceDue(dues[0]!, twoProviders.endDate)!;
    const after = desiredDues(twoProviders, [kompasNext, dues[1]!], '2026-11-23');
    expect(after.map((d) => [d.party, d.period])).toEqual([
      ['PV81234567', '2026-Q4'],
      ['PV40123456', '2026-Q3'],
    ]);
    // A due without a party (kept from before) does not count as any party's.
    const { party: _party, partyName: _name, ...unowned } = kompasNext;
    expect(desiredDues(twoProviders, [unowned], '2026-11-23').map((d) => d.period)).toEqual([
      '2026-Q3',
      '2026-Q3',
    ]);
  });
});
