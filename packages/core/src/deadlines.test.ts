import { describe, expect, it } from 'vitest';
import type { Agreement } from './agreement.ts';
import {
  agreementDeadlines,
  catchUpFrom,
  REPORT_SIGNAL_LEADS,
  signalKey,
  signalRanges,
} from './deadlines.ts';

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

describe('signal windows', () => {
  it('reads one day per lead after a run the day before', () => {
    expect(signalRanges('2026-11-22', '2026-11-23')).toEqual([
      { lead: 30, from: '2026-12-23', through: '2026-12-23' },
      { lead: 7, from: '2026-11-30', through: '2026-11-30' },
      { lead: 0, from: '2026-11-23', through: '2026-11-23' },
    ]);
  });
  it('catches up missed days and reads nothing on a second run the same day', () => {
    expect(signalRanges('2026-11-20', '2026-11-23')[2]).toEqual({
      lead: 0,
      from: '2026-11-21',
      through: '2026-11-23',
    });
    expect(signalRanges('2026-11-23', '2026-11-23')).toEqual([]);
  });
  it('marks a report overdue the day after its due date', () => {
    expect(signalRanges('2026-11-22', '2026-11-23', REPORT_SIGNAL_LEADS)).toEqual([
      { lead: 0, from: '2026-11-23', through: '2026-11-23' },
      { lead: -1, from: '2026-11-22', through: '2026-11-22' },
    ]);
  });
  it('catches up at most two weeks', () => {
    expect(catchUpFrom(null, '2026-11-23')).toBe('2026-11-22');
    expect(catchUpFrom('2026-01-01', '2026-11-23')).toBe('2026-11-09');
    expect(catchUpFrom('2026-11-20', '2026-11-23')).toBe('2026-11-20');
  });
  it('gives each signal of a deadline a stable key', () => {
    const d = { agreementId: 'a1', key: 'notice', date: '2027-06-30' };
    expect(signalKey(d, 30)).toBe('a1.notice.2027-06-30.30');
    expect(signalKey(d, 30)).not.toBe(signalKey(d, 7));
  });
});
