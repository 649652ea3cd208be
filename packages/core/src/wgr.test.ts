import { describe, expect, it } from 'vitest';
import { bookYearApplicationDeadline, wgrCalendar } from './wgr.ts';

describe('Wgr planning & control calendar', () => {
  it('computes every statutory date for budget year 2027 with default board dates', () => {
    const steps = Object.fromEntries(wgrCalendar(2027).map((s) => [s.key, s.date]));
    expect(steps).toEqual({
      kaderbrief: '2026-04-30',
      draftBudgetToCouncils: '2026-04-08', // 12 weeks before 1 July 2026
      councilOpinions: '2026-06-30',
      budgetAdoption: '2026-07-01',
      budgetToProvince: '2026-07-15',
      provisionalAccountsToCouncils: '2028-04-30',
      accountsAdoption: '2028-07-01',
      accountsToProvince: '2028-07-15',
    });
    expect(wgrCalendar(2027).every((s) => !s.warning)).toBe(true);
  });

  it('caps the budget to the province at 15 September and warns when adoption is too late', () => {
    const late = wgrCalendar(2027, { budgetAdoption: '2026-09-10' });
    expect(late.find((s) => s.key === 'budgetToProvince')?.date).toBe('2026-09-15');
    const tooLate = wgrCalendar(2027, { budgetAdoption: '2026-10-01' });
    expect(tooLate.find((s) => s.key === 'budgetAdoption')?.warning).toMatch(/15 September 2026/);
    expect(tooLate.find((s) => s.key === 'budgetAdoption')?.warningCode).toBe('budget_adoption_late');
    expect(
      wgrCalendar(2027, { accountsAdoption: '2028-07-20' }).find((s) => s.key === 'accountsAdoption')
        ?.warningCode,
    ).toBe('accounts_adoption_late');
  });

  it('gives the Awb 4:60 application deadline for a book-year subsidy', () => {
    // 1 January 2027 minus 13 weeks = Friday 2 October 2026
    expect(bookYearApplicationDeadline(2027)).toBe('2026-10-02');
    // 1 January 2028 minus 13 weeks = Saturday 2 October 2027 → Monday 4 October
    expect(bookYearApplicationDeadline(2028)).toBe('2027-10-04');
  });
});
