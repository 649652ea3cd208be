import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  activeSignals,
  checkServiceReport,
  levelHistories,
  levelTrend,
  missedSignal,
  type ServiceLevelValue,
  serviceCorrectSchema,
  serviceLevelSettingsSchema,
  serviceReporter,
  serviceReportSchema,
} from './service-levels.ts';
import type { Service } from './services.ts';

const services: Service[] = [
  {
    id: 'svc-a',
    name: 'Portaal',
    price: { model: 'fixed', yearlyCents: 100 },
    levels: [
      {
        id: 'sl-av',
        measure: 'Beschikbaarheid',
        unit: 'percent',
        target: 99.5,
        direction: 'at_least',
        period: 'month',
      },
      {
        id: 'sl-res',
        measure: 'Oplostijd',
        unit: 'working_hours',
        target: 8,
        direction: 'at_most',
        share: 95,
        period: 'month',
      },
      { id: 'sl-q', measure: 'Reactie', unit: 'hours', target: 4, direction: 'at_most', period: 'quarter' },
    ],
  },
];
const term = { startDate: '2026-03-01', endDate: '2027-02-28' };

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.reason : 'other';
  }
  return 'none';
};

describe('checkServiceReport', () => {
  it('accepts known levels and computes met per value', () => {
    const out = checkServiceReport(services, term, {
      period: '2026-10',
      values: [
        { serviceId: 'svc-a', levelId: 'sl-av', value: 99.1 },
        { serviceId: 'svc-a', levelId: 'sl-res', value: 96 },
      ],
    });
    expect(out.map((v) => v.met)).toEqual([false, true]);
  });
  it('rejects an unknown service or level, a level twice, a value out of range', () => {
    const one = (serviceId: string, levelId: string, value: number) => () =>
      checkServiceReport(services, term, { period: '2026-10', values: [{ serviceId, levelId, value }] });
    expect(reason(one('svc-x', 'sl-av', 99))).toBe('serviceReport.unknownLevel');
    expect(reason(one('svc-a', 'sl-x', 99))).toBe('serviceReport.unknownLevel');
    expect(reason(one('svc-a', 'sl-av', 100.5))).toBe('serviceReport.valueOutOfRange');
    expect(reason(one('svc-a', 'sl-res', 101))).toBe('serviceReport.valueOutOfRange');
    expect(reason(one('svc-a', 'sl-av', 100))).toBe('none');
    expect(
      reason(() =>
        checkServiceReport(services, term, {
          period: '2026-10',
          values: [
            { serviceId: 'svc-a', levelId: 'sl-av', value: 99 },
            { serviceId: 'svc-a', levelId: 'sl-av', value: 98 },
          ],
        }),
      ),
    ).toBe('serviceReport.duplicate');
  });
  it('rejects a period not of the level’s frequency or outside the term', () => {
    const at = (period: string, levelId: string) => () =>
      checkServiceReport(services, term, { period, values: [{ serviceId: 'svc-a', levelId, value: 1 }] });
    expect(reason(at('2026-Q3', 'sl-av'))).toBe('serviceReport.wrongPeriod');
    expect(reason(at('2026-10', 'sl-q'))).toBe('serviceReport.wrongPeriod');
    expect(reason(at('2026-Q3', 'sl-q'))).toBe('none');
    expect(reason(at('2026-02', 'sl-av'))).toBe('serviceReport.outsideTerm');
    expect(reason(at('2027-03', 'sl-av'))).toBe('serviceReport.outsideTerm');
    expect(reason(at('2026-03', 'sl-av'))).toBe('none');
  });
  it('schema bounds the period and the values', () => {
    const base = { agreementId: 'a1', values: [{ serviceId: 's', levelId: 'l', value: 1 }] };
    expect(serviceReportSchema.safeParse({ ...base, period: '2026-13' }).success).toBe(false);
    expect(serviceReportSchema.safeParse({ ...base, period: '2026-Q5' }).success).toBe(false);
    expect(serviceReportSchema.safeParse({ ...base, period: '2026-10' }).success).toBe(true);
    expect(serviceReportSchema.safeParse({ ...base, period: '2026', values: [] }).success).toBe(false);
    expect(
      serviceReportSchema.safeParse({ ...base, period: '2026', values: [{ ...base.values[0], value: -1 }] })
        .success,
    ).toBe(false);
  });
});

describe('levelTrend', () => {
  it('is better in the level’s good direction', () => {
    expect(levelTrend({ direction: 'at_least' }, 99, 99.5)).toBe('better');
    expect(levelTrend({ direction: 'at_most' }, 9, 7)).toBe('better');
    expect(levelTrend({ direction: 'at_most' }, 7, 9)).toBe('worse');
    // A level over cases: the share of cases that met it, higher is better even for "at most".
    expect(levelTrend({ direction: 'at_most', share: 95 }, 94, 96)).toBe('better');
    expect(levelTrend({ direction: 'at_least' }, 99, 99)).toBe('same');
  });
});

describe('missedSignal', () => {
  const r = (...met: boolean[]) => met.map((m, i) => ({ period: `2026-0${i + 1}`, met: m }));
  it('signals when the latest periods are missed twice in a row (default)', () => {
    expect(missedSignal(r(true, false, false))).toEqual({
      missedInARow: 2,
      signal: true,
      periods: ['2026-02', '2026-03'],
    });
    expect(missedSignal(r(false, true, false)).signal).toBe(false);
    expect(missedSignal(r(false, false, true)).signal).toBe(false);
    expect(missedSignal([]).signal).toBe(false);
  });
  it('takes a configurable count', () => {
    expect(missedSignal(r(true, false, false), 3).signal).toBe(false);
    expect(missedSignal(r(false, false, false), 3).signal).toBe(true);
    expect(missedSignal(r(true, false), 1).signal).toBe(true);
  });
});

describe('levelHistories', () => {
  it('orders values by period with met, trend and the signal', () => {
    const v = (period: string, value: number) => ({
      serviceId: 'svc-a',
      levelId: 'sl-av',
      period,
      value,
      met: false,
      reportedAt: '',
      reportedBy: 'x',
    });
    const [av, res] = levelHistories(services, [v('2026-10', 98.9), v('2026-08', 99.8), v('2026-09', 99.2)]);
    expect(av!.values.map((x) => [x.period, x.met, x.trend])).toEqual([
      ['2026-08', true, null],
      ['2026-09', false, 'worse'],
      ['2026-10', false, 'worse'],
    ]);
    expect(av!.signal).toBe(true);
    expect(res!.values).toEqual([]);
    expect(res!.signal).toBe(false);
  });
});

describe('activeSignals', () => {
  const value = (period: string, v: number, party?: string): ServiceLevelValue => ({
    serviceId: 'svc-a',
    levelId: 'sl-av',
    period,
    value: v,
    met: v >= 99.5,
    reportedAt: '2026-12-01T00:00:00Z',
    reportedBy: 'x',
    ...(party ? { party, partyName: `Partij ${party}` } : {}),
  });

  it('lists a level missed the threshold of periods in a row, with those periods', () => {
    const values = [value('2026-09', 99.7), value('2026-10', 99.1), value('2026-11', 98)];
    expect(activeSignals(services, values)).toEqual([
      {
        serviceId: 'svc-a',
        serviceName: 'Portaal',
        levelId: 'sl-av',
        measure: 'Beschikbaarheid',
        missedInARow: 2,
        periods: ['2026-10', '2026-11'],
      },
    ]);
    // The agreement's own threshold is read: three in a row is not reached, one is.
    expect(activeSignals(services, values, 3)).toEqual([]);
    expect(activeSignals(services, values.slice(0, 2), 1)).toHaveLength(1);
  });

  it('counts each provider party’s series on its own', () => {
    // A missed month of one party and a missed month of the other are not two in a row.
    const values = [value('2026-10', 99, 'PV1'), value('2026-11', 99, 'PV2'), value('2026-11', 99.9, 'PV1')];
    expect(activeSignals(services, values)).toEqual([]);
    const both = [...values, value('2026-12', 98, 'PV2')];
    expect(activeSignals(services, both)).toEqual([
      expect.objectContaining({ party: 'PV2', partyName: 'Partij PV2', periods: ['2026-11', '2026-12'] }),
    ]);
  });
});

describe('serviceReporter', () => {
  const reporter = (o: Partial<Parameters<typeof serviceReporter>[0]>) => () =>
    serviceReporter({
      side: 'municipality',
      callerSpace: 'GM0233',
      ownerSpace: 'GM0233',
      providerParties: 0,
      ...o,
    });

  it('lets a provider party report for itself, and only it where it has a portal', () => {
    expect(reporter({ side: 'provider', callerSpace: 'PV1', providerParties: 1 })()).toBe('provider');
    expect(reporter({ providerParties: 1 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'serviceReport.providerReports' }),
    );
  });

  it('lets the owner’s own users report for a joint body: the region’s, never a member', () => {
    expect(reporter({})()).toBe('ownerOnBehalf');
    expect(reporter({ callerSpace: 'RGNOORDVELUWE', ownerSpace: 'RGNOORDVELUWE' })()).toBe('jointBody');
    expect(reporter({ callerSpace: 'GM0233', ownerSpace: 'RGNOORDVELUWE' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', reason: 'serviceReport.jointBodyReports' }),
    );
  });
});

describe('the correction and threshold schemas', () => {
  it('bounds the threshold to 1–12 and a correction to a version ≥ 1', () => {
    const settings = { agreementId: 'a-1', expectedVersion: 0, missedCount: 2 };
    expect(serviceLevelSettingsSchema.safeParse(settings).success).toBe(true);
    expect(serviceLevelSettingsSchema.safeParse({ ...settings, missedCount: 0 }).success).toBe(false);
    expect(serviceLevelSettingsSchema.safeParse({ ...settings, missedCount: 13 }).success).toBe(false);
    const correction = {
      agreementId: 'a-1',
      period: '2026-10',
      serviceId: 'svc-a',
      levelId: 'sl-av',
      value: 99.6,
      expectedVersion: 1,
    };
    expect(serviceCorrectSchema.safeParse(correction).success).toBe(true);
    expect(serviceCorrectSchema.safeParse({ ...correction, expectedVersion: 0 }).success).toBe(false);
    expect(serviceCorrectSchema.safeParse({ ...correction, period: '2026-13' }).success).toBe(false);
    expect(serviceCorrectSchema.safeParse({ ...correction, note: 'x'.repeat(501) }).success).toBe(false);
    expect(serviceCorrectSchema.safeParse({ ...correction, extra: 1 }).success).toBe(false);
  });
});
