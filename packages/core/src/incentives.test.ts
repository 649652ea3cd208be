import { describe, expect, it } from 'vitest';
import {
  assertIncentives,
  computeIncentives,
  elapsedPeriods,
  type IncentiveInput,
  type IncentiveRule,
  incentiveRuleSchema,
  lastMonthOf,
  missedKey,
  missedReports,
  percentOf,
  rowKey,
  withSettledIncentives,
} from './incentives.ts';

const waiting = { id: 'k-wait', target: 6, direction: 'lower' as const, frequency: 'quarterly' as const };
const bonus: IncentiveRule = {
  kpiId: 'k-wait',
  kind: 'bonus',
  basis: 'percentOfRealised',
  value: 200, // 2%
  yearlyCapCents: 500_000,
};
const malus: IncentiveRule = {
  kpiId: 'k-wait',
  kind: 'malus',
  basis: 'fixed',
  value: 100_000,
  yearlyCapCents: 150_000,
};

/** Realised € 100.000 in each month of 2025, for Kompas. */
const year2025 = Array.from({ length: 12 }, (_, i) => ({
  period: `2025-${String(i + 1).padStart(2, '0')}`,
  amountCents: 10_000_000,
  party: 'PV1',
}));

const base = (over: Partial<IncentiveInput> = {}): IncentiveInput => ({
  rules: [bonus],
  kpis: [waiting],
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  today: '2026-03-01',
  parties: [{ party: 'PV1', partyName: 'Kompas' }],
  results: [],
  realisations: year2025,
  missed: new Set(),
  ...over,
});

describe('the arrangement', () => {
  it('accepts a percentage up to 100% and refuses more, with its reason', () => {
    expect(incentiveRuleSchema.safeParse({ ...bonus, value: 10_000 }).success).toBe(true);
    const tooHigh = incentiveRuleSchema.safeParse({ ...bonus, value: 10_001 });
    expect(tooHigh.success).toBe(false);
    expect(JSON.stringify(tooHigh.error)).toContain('incentive.percentTooHigh');
    // A fixed amount is in cents and may be larger.
    expect(incentiveRuleSchema.safeParse({ ...malus, value: 10_001 }).success).toBe(true);
    expect(incentiveRuleSchema.safeParse({ ...bonus, yearlyCapCents: 0 }).success).toBe(false);
  });

  it('names a KPI of the agreement, each KPI and kind once', () => {
    expect(() => assertIncentives([bonus, malus], [waiting])).not.toThrow();
    expect(() => assertIncentives([{ ...bonus, kpiId: 'other' }], [waiting])).toThrow(
      expect.objectContaining({ reason: 'incentive.unknownKpi', field: 'incentives.0.kpiId' }),
    );
    expect(() => assertIncentives([bonus, malus, { ...bonus, value: 1 }], [waiting])).toThrow(
      expect.objectContaining({ reason: 'incentive.duplicate', field: 'incentives.2.kind' }),
    );
  });
});

describe('elapsed periods and the burn-down month', () => {
  it('lists the periods that ended before today, within the term', () => {
    expect(elapsedPeriods('quarterly', '2025-02-10', '2027-12-31', '2025-10-01').map((p) => p.key)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
    ]);
    expect(elapsedPeriods('half_yearly', '2025-01-01', '2025-06-30', '2027-01-01').map((p) => p.key)).toEqual(
      ['2025-H1'],
    );
    expect(elapsedPeriods('monthly', '2025-01-01', '2025-12-31', '2025-01-31')).toEqual([]);
  });

  it('books a settled period in its last month', () => {
    expect(['2025-03', '2025-Q2', '2025-H1', '2025'].map(lastMonthOf)).toEqual([
      '2025-03',
      '2025-06',
      '2025-06',
      '2025-12',
    ]);
  });
});

describe('computeIncentives', () => {
  it('pays a percentage of the period’s realised amount when the target is met', () => {
    const rows = computeIncentives(
      base({ results: [{ kpiId: 'k-wait', period: '2025-Q1', value: 5, party: 'PV1' }] }),
    );
    expect(rows[0]).toMatchObject({
      period: '2025-Q1',
      party: 'PV1',
      realisedCents: 30_000_000,
      rawCents: 600_000,
      // 2% of € 300.000 = € 6.000, capped at the year cap of € 5.000.
      amountCents: 500_000,
      capped: true,
      state: 'bonus',
      reason: 'met',
    });
  });

  it('caps cumulatively per year: the cap is reached mid-year, the next year starts afresh', () => {
    const rule: IncentiveRule = { ...bonus, basis: 'fixed', value: 200_000, yearlyCapCents: 500_000 };
    const met = (period: string) => ({ kpiId: 'k-wait', period, value: 4, party: 'PV1' });
    const rows = computeIncentives(
      base({
        rules: [rule],
        endDate: '2026-12-31',
        today: '2026-04-15',
        results: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'].map(met),
      }),
    );
    expect(rows.map((r) => [r.period, r.amountCents, r.capped])).toEqual([
      ['2025-Q1', 200_000, false],
      ['2025-Q2', 200_000, false],
      ['2025-Q3', 100_000, true],
      ['2025-Q4', 0, true],
      ['2026-Q1', 200_000, false],
    ]);
  });

  it('counts a settled period with its settled amount toward the cap', () => {
    const rule: IncentiveRule = { ...bonus, basis: 'fixed', value: 200_000, yearlyCapCents: 500_000 };
    const met = (period: string) => ({ kpiId: 'k-wait', period, value: 4, party: 'PV1' });
    const rows = computeIncentives(
      base({
        rules: [rule],
        results: ['2025-Q1', '2025-Q2'].map(met),
        settled: new Map([
          [rowKey({ kpiId: 'k-wait', kind: 'bonus', period: '2025-Q1', party: 'PV1' }), 450_000],
        ]),
      }),
    );
    expect(rows[0]).toMatchObject({ settledCents: 450_000, amountCents: 200_000 });
    expect(rows[1]).toMatchObject({ amountCents: 50_000, capped: true });
  });

  it('pays no bonus where the target is missed, and charges a malus (negative) there', () => {
    const rows = computeIncentives(
      base({
        rules: [bonus, malus],
        results: [{ kpiId: 'k-wait', period: '2025-Q2', value: 7, party: 'PV1' }],
      }),
    );
    const q2 = rows.filter((r) => r.period === '2025-Q2');
    expect(q2.find((r) => r.kind === 'bonus')).toMatchObject({
      state: 'none',
      reason: 'notMet',
      amountCents: 0,
    });
    expect(q2.find((r) => r.kind === 'malus')).toMatchObject({
      state: 'malus',
      reason: 'notMet',
      amountCents: -100_000,
    });
  });

  it('pays no bonus for a missing result, and a malus only where the duty to report was missed', () => {
    const rows = computeIncentives(
      base({
        rules: [bonus, malus],
        missed: new Set([missedKey('k-wait', '2025-Q4', 'PV1')]),
      }),
    );
    const of = (period: string, kind: string) => rows.find((r) => r.period === period && r.kind === kind);
    expect(of('2025-Q3', 'bonus')).toMatchObject({
      state: 'missing_result_no_bonus',
      reason: 'missingResult',
      amountCents: 0,
      value: null,
    });
    expect(of('2025-Q3', 'malus')).toMatchObject({
      state: 'none',
      reason: 'reportNotMissed',
      amountCents: 0,
    });
    expect(of('2025-Q4', 'malus')).toMatchObject({
      state: 'missing_report_malus',
      reason: 'reportMissed',
      amountCents: -100_000,
    });
    // The second malus of the year is capped at what is left of € 1.500: nothing was charged before.
    expect(of('2025-Q4', 'bonus')).toMatchObject({ state: 'missing_result_no_bonus', amountCents: 0 });
  });

  it('computes per provider party from that party’s own results and realisations', () => {
    const rows = computeIncentives(
      base({
        parties: [
          { party: 'PV1', partyName: 'Kompas' },
          { party: 'PV2', partyName: 'Wijkracht' },
        ],
        realisations: [
          { period: '2025-02', amountCents: 1_000_000, party: 'PV1' },
          { period: '2025-02', amountCents: 3_000_000, party: 'PV2' },
          // Without a party and with two parties: counts for neither.
          { period: '2025-02', amountCents: 9_000_000 },
          { period: '2025-03', amountCents: 5_000_000, party: 'PV2', reversedAt: '2025-04-01' },
        ],
        results: [
          { kpiId: 'k-wait', period: '2025-Q1', value: 5, party: 'PV1' },
          { kpiId: 'k-wait', period: '2025-Q1', value: 5, party: 'PV2' },
        ],
      }),
    ).filter((r) => r.period === '2025-Q1');
    expect(rows.map((r) => [r.party, r.realisedCents, r.amountCents])).toEqual([
      ['PV1', 1_000_000, 20_000],
      ['PV2', 3_000_000, 60_000],
    ]);
  });

  it('counts only entries booked for the party; all of them where no party has a portal', () => {
    const input = base({
      realisations: [
        { period: '2025-01', amountCents: 1_000_000 },
        { period: '2025-02', amountCents: 500_000, party: 'PV1' },
      ],
      results: [{ kpiId: 'k-wait', period: '2025-Q1', value: 6, party: 'PV1' }],
    });
    expect(computeIncentives(input)[0]).toMatchObject({ realisedCents: 500_000, amountCents: 10_000 });
    const joint = computeIncentives({
      ...input,
      parties: [],
      results: [{ kpiId: 'k-wait', period: '2025-Q1', value: 6 }],
    });
    expect(joint[0]).toMatchObject({ realisedCents: 1_500_000, amountCents: 30_000, reason: 'met' });
    expect(joint[0]?.party).toBeUndefined();
  });

  it('uses the rule’s own threshold in the KPI’s direction', () => {
    const rows = computeIncentives(
      base({
        rules: [{ ...bonus, threshold: 4 }],
        results: [{ kpiId: 'k-wait', period: '2025-Q1', value: 5, party: 'PV1' }],
      }),
    );
    expect(rows[0]).toMatchObject({ threshold: 4, state: 'none', reason: 'notMet' });
  });

  it('rounds a percentage to whole cents, half a cent up', () => {
    expect(percentOf(12_345, 250)).toBe(309); // 308.625
    expect(percentOf(10_002, 50)).toBe(50); // 50.01
    expect(percentOf(1, 5_000)).toBe(1); // 0.5 → 1
    expect(percentOf(3, 1_000)).toBe(0); // 0.3
  });
});

describe('missedReports', () => {
  const duties = [
    { id: 'q', kind: 'periodic', frequency: 'quarterly' as const, dueDays: 30 },
    { id: 'e', kind: 'event' },
  ];
  const periods = ['2025-Q2', '2025-Q3', '2025-Q4'].map((period) => ({
    kpiId: 'k-wait',
    period,
    party: 'PV1',
  }));

  it('marks the periods from the outstanding report on whose due date has passed', () => {
    const missed = missedReports({
      kpis: [waiting],
      duties,
      dues: [{ dutyId: 'q', period: '2025-Q3', party: 'PV1' }],
      periods,
      today: '2026-01-31',
    });
    // Q2 was delivered (the due moved past it); Q3 is overdue (30 October); Q4 is due 30 January: passed.
    expect([...missed]).toEqual([
      missedKey('k-wait', '2025-Q3', 'PV1'),
      missedKey('k-wait', '2025-Q4', 'PV1'),
    ]);
    const earlier = missedReports({
      kpis: [waiting],
      duties,
      dues: [{ dutyId: 'q', period: '2025-Q3', party: 'PV1' }],
      periods,
      today: '2026-01-30',
    });
    expect([...earlier]).toEqual([missedKey('k-wait', '2025-Q3', 'PV1')]);
  });

  it('marks nothing without a periodic duty of the KPI’s frequency, or for another party', () => {
    const none = (over: Partial<Parameters<typeof missedReports>[0]>) =>
      missedReports({
        kpis: [waiting],
        duties,
        dues: [{ dutyId: 'q', period: '2025-Q2', party: 'PV1' }],
        periods,
        today: '2027-01-01',
        ...over,
      }).size;
    expect(none({})).toBe(3);
    expect(none({ kpis: [{ ...waiting, frequency: 'half_yearly' }] })).toBe(0);
    expect(none({ dues: [{ dutyId: 'q', period: '2025-Q2', party: 'PV2' }] })).toBe(0);
    expect(none({ dues: [] })).toBe(0);
  });
});

describe('withSettledIncentives', () => {
  it('adds settled amounts in the period’s last month as a series of its own', () => {
    const out = withSettledIncentives(
      {
        year: 2025,
        spentCents: 300,
        months: [
          { period: '2025-01', cumulativeCents: 100 },
          { period: '2025-02', cumulativeCents: 200 },
          { period: '2025-03', cumulativeCents: 300 },
        ],
      },
      [
        { period: '2025-Q1', totalCents: 50 },
        { period: '2025-03', totalCents: -20 },
        { period: '2024-Q4', totalCents: 999 },
      ],
    );
    expect(out.incentiveCents).toBe(30);
    expect(out.spentWithIncentivesCents).toBe(330);
    expect(out.months.map((m) => [m.incentiveCents, m.cumulativeWithIncentivesCents])).toEqual([
      [0, 100],
      [0, 200],
      [30, 330],
    ]);
  });
});
