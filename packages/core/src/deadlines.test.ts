import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement.ts';
import { agreementDeadlines } from './deadlines.ts';

const base = {
  id: 'a1',
  space: 'GM0233',
  status: 'active',
  endDate: '2027-12-31',
  noticePeriodMonths: 6,
  renewal: { options: 2, monthsEach: 12, used: 0 },
} as Agreement;

describe('agreement deadlines', () => {
  it('gives the renewal decision, notice date and end of a running agreement, earliest first', () => {
    expect(agreementDeadlines(base).map((d) => [d.kind, d.date])).toEqual([
      ['renewal_decision', '2027-05-30'],
      ['notice', '2027-06-30'],
      ['end', '2027-12-31'],
    ]);
    expect(agreementDeadlines(base)[0]!.roles).toEqual(['contractmanager', 'inkoper']);
  });

  it('drops the renewal decision when every option is used, and notice without a notice period', () => {
    const kinds = agreementDeadlines({
      ...base,
      noticePeriodMonths: null,
      renewal: { options: 1, monthsEach: 12, used: 1 },
    }).map((d) => d.kind);
    expect(kinds).toEqual(['end']);
  });

  it('decides on renewal two months before the end when there is no notice period', () => {
    const d = agreementDeadlines({ ...base, noticePeriodMonths: null });
    expect(d.find((x) => x.kind === 'renewal_decision')?.date).toBe('2027-10-31');
  });

  it('has no deadlines for drafts or ended agreements', () => {
    expect(agreementDeadlines({ ...base, status: 'draft' })).toEqual([]);
    expect(agreementDeadlines({ ...base, status: 'terminated' })).toEqual([]);
  });
});
