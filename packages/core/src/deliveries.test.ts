import { describe, expect, it } from 'vitest';
import { assertTerms } from './agreement.ts';
import {
  assertDelivery,
  type DataField,
  type DeliveredReport,
  dataSpecSchema,
  deliverySeries,
  invalidKpiSource,
  sourcedResults,
  validateDelivery,
} from './deliveries.ts';
import { dutyInputSchema, reportSubmitSchema } from './duties.ts';
import { DomainError } from './errors.ts';
import type { KpiDefinition } from './kpi.ts';

const SPEC: DataField[] = [
  { key: 'clients', label: 'Cliënten in zorg', unit: 'cliënten', type: 'count', required: true },
  { key: 'spend', label: 'Besteed', type: 'amount', required: true },
  { key: 'goals', label: 'Doelen behaald', type: 'percentage', required: false },
  { key: 'wait', label: 'Wachttijd', unit: 'weken', type: 'weeks', required: false },
];

const reasons = (data: Record<string, unknown>) =>
  validateDelivery(SPEC, data).map((i) => [i.field, i.reason]);

describe('validateDelivery', () => {
  it('accepts good figures of every type, optional fields left out', () => {
    expect(validateDelivery(SPEC, { clients: 120, spend: 1_234_56, goals: 72.5, wait: 5.5 })).toEqual([]);
    expect(validateDelivery(SPEC, { clients: 0, spend: 0 })).toEqual([]);
    expect(validateDelivery(SPEC, { clients: 1, spend: 1, goals: 100, wait: 0 })).toEqual([]);
  });

  it('names every required field left empty, and only those', () => {
    expect(reasons({})).toEqual([
      ['clients', 'delivery.fieldRequired'],
      ['spend', 'delivery.fieldRequired'],
    ]);
    expect(reasons({ clients: null, spend: '', goals: undefined })).toEqual([
      ['clients', 'delivery.fieldRequired'],
      ['spend', 'delivery.fieldRequired'],
    ]);
  });

  it('names text the form could not read as not a number', () => {
    expect(reasons({ clients: 'twaalf', spend: 100, goals: Number.NaN })).toEqual([
      ['clients', 'delivery.notANumber'],
      ['goals', 'delivery.notANumber'],
    ]);
  });

  it('keeps each type within its range, with the bounds as params', () => {
    const issues = validateDelivery(SPEC, { clients: -1, spend: -5, goals: 100.5, wait: 521 });
    expect(issues.map((i) => [i.field, i.reason])).toEqual([
      ['clients', 'delivery.outOfRange'],
      ['spend', 'delivery.outOfRange'],
      ['goals', 'delivery.outOfRange'],
      ['wait', 'delivery.outOfRange'],
    ]);
    expect(issues[2]?.params).toEqual({ field: 'goals', type: 'percentage', min: 0, max: 100 });
  });

  it('refuses more decimals than a type has: a count and cents whole, weeks and percentages one', () => {
    const issues = validateDelivery(SPEC, { clients: 1.5, spend: 10.5, goals: 33.33, wait: 2.25 });
    expect(issues.map((i) => [i.field, i.reason, i.params.decimals])).toEqual([
      ['clients', 'delivery.tooManyDecimals', 0],
      ['spend', 'delivery.tooManyDecimals', 0],
      ['goals', 'delivery.tooManyDecimals', 1],
      ['wait', 'delivery.tooManyDecimals', 1],
    ]);
    // Floating point is no excuse: 0.1 + 0.2 has one decimal.
    expect(validateDelivery(SPEC, { clients: 1, spend: 1, wait: 0.1 + 0.2 })).toEqual([]);
  });

  it('refuses a field the specification does not have', () => {
    expect(reasons({ clients: 1, spend: 1, extra: 3 })).toEqual([['extra', 'delivery.unknownField']]);
  });
});

describe('assertDelivery (the API’s check)', () => {
  it('throws the first issue as a BAD_REQUEST at data.<field> with the field in its params', () => {
    try {
      assertDelivery(SPEC, { clients: 3, spend: 100, goals: 140 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect([e.code, e.reason, e.field]).toEqual(['BAD_REQUEST', 'delivery.outOfRange', 'data.goals']);
      expect(e.params).toMatchObject({ field: 'goals', max: 100 });
    }
    expect(() => assertDelivery(SPEC, { clients: 3, spend: 100 })).not.toThrow();
  });

  it('refuses figures for a duty without a specification, and asks for them where there is one', () => {
    expect(() => assertDelivery(undefined, { a: 1 })).toThrow(/no structured figures/);
    expect(() => assertDelivery(undefined, undefined)).not.toThrow();
    expect(() => assertDelivery(SPEC, undefined)).toThrow(DomainError);
  });
});

describe('the data specification on a duty', () => {
  it('takes up to 30 fields with unique slug keys, on a periodic duty only', () => {
    expect(dataSpecSchema.safeParse(SPEC).success).toBe(true);
    expect(dataSpecSchema.safeParse([]).success).toBe(false);
    const many = Array.from({ length: 31 }, (_, i) => ({ ...SPEC[0]!, key: `f${i}` }));
    expect(dataSpecSchema.safeParse(many).success).toBe(false);
    expect(dataSpecSchema.safeParse(many.slice(0, 30)).success).toBe(true);
    const twice = dataSpecSchema.safeParse([SPEC[0], SPEC[0]]);
    expect(twice.error?.issues[0] as unknown).toMatchObject({
      path: [1, 'key'],
      params: { reason: 'delivery.keysUnique' },
    });
    expect(dataSpecSchema.safeParse([{ ...SPEC[0], key: 'Cliënten' }]).success).toBe(false);
    expect(dataSpecSchema.safeParse([{ ...SPEC[0], type: 'euro' }]).success).toBe(false);
    const periodic = {
      kind: 'periodic',
      title: 'Kwartaal',
      frequency: 'quarterly',
      dueDays: 30,
      dataSpec: SPEC,
    };
    expect(dutyInputSchema.safeParse(periodic).success).toBe(true);
    const event = { kind: 'event', title: 'Calamiteit', event: 'calamity', responseDays: 1, dataSpec: SPEC };
    expect(dutyInputSchema.safeParse(event).error?.issues[0] as unknown).toMatchObject({
      params: { reason: 'delivery.specOnlyPeriodic' },
    });
  });

  it('lets a report carry numbers by field key, nothing else', () => {
    const base = { agreementId: 'a1', dutyId: 'd1', period: '2026-Q1', summary: 'ok' };
    expect(reportSubmitSchema.safeParse({ ...base, data: { clients: 3 } }).success).toBe(true);
    expect(reportSubmitSchema.safeParse({ ...base, data: { clients: '3' } }).success).toBe(false);
    expect(reportSubmitSchema.safeParse({ ...base, data: { 'Bad Key': 3 } }).success).toBe(false);
  });
});

const reports: DeliveredReport[] = [
  {
    dutyId: 'd1',
    period: '2026-Q2',
    submittedAt: 't2',
    submittedBy: 'r',
    side: 'provider' as const,
    data: { clients: 130, spend: 500 },
    party: 'PV1',
    partyName: 'Kompas',
  },
  {
    dutyId: 'd1',
    period: '2026-Q1',
    submittedAt: 't1',
    submittedBy: 'r',
    side: 'provider' as const,
    data: { clients: 120, spend: 400, goals: 70 },
    party: 'PV1',
    partyName: 'Kompas',
  },
  {
    dutyId: 'd2',
    period: '2026-Q1',
    submittedAt: 't1',
    submittedBy: 'r',
    side: 'provider' as const,
    data: { clients: 9 },
    party: 'PV1',
    partyName: 'Kompas',
  },
  {
    dutyId: 'd1',
    period: '2026-Q1',
    submittedAt: 't1',
    submittedBy: 'c',
    side: 'municipality' as const,
    party: 'PV2',
    partyName: 'Wijkracht',
  },
];

describe('deliverySeries', () => {
  it('gives per duty with a specification, per field, the values by period (oldest first)', () => {
    const duties = [
      { id: 'd1', title: 'Kwartaal', kind: 'periodic', dataSpec: SPEC },
      { id: 'd2', title: 'Zonder', kind: 'periodic' },
    ];
    const series = deliverySeries(duties, reports);
    expect(series).toHaveLength(1);
    const byKey = Object.fromEntries(
      series[0]!.fields.map((f) => [f.key, f.points.map((p) => [p.period, p.value])]),
    );
    expect(byKey).toEqual({
      clients: [
        ['2026-Q1', 120],
        ['2026-Q2', 130],
      ],
      spend: [
        ['2026-Q1', 400],
        ['2026-Q2', 500],
      ],
      goals: [['2026-Q1', 70]],
      wait: [],
    });
    expect(series[0]!.fields[0]!.points[0]).toMatchObject({ party: 'PV1', partyName: 'Kompas' });
  });
});

describe('a KPI sourced from a delivery', () => {
  const kpi: KpiDefinition = {
    id: 'k1',
    name: 'Cliënten',
    unit: 'cliënten',
    target: 125,
    direction: 'higher',
    frequency: 'quarterly',
    source: { dutyId: 'd1', field: 'clients' },
  };

  it('takes its result per period from the delivered field, marked as from the delivery', () => {
    const results = sourcedResults(kpi, reports);
    expect(results.map((r) => [r.period, r.value, r.onTarget, r.source])).toEqual([
      ['2026-Q2', 130, true, 'delivery'],
      ['2026-Q1', 120, false, 'delivery'],
    ]);
    expect(sourcedResults({ ...kpi, source: undefined }, reports)).toEqual([]);
  });

  it('must name a field of a periodic duty of its own frequency', () => {
    const duties = [{ id: 'd1', kind: 'periodic', frequency: 'quarterly', dataSpec: SPEC }];
    expect(invalidKpiSource([kpi], duties)).toBeNull();
    expect(invalidKpiSource([{ ...kpi, source: { dutyId: 'd1', field: 'nope' } }], duties)).toBe(0);
    expect(invalidKpiSource([{ ...kpi, frequency: 'monthly' }], duties)).toBe(0);
    expect(invalidKpiSource([{ ...kpi, source: { dutyId: 'dx', field: 'clients' } }], duties)).toBe(0);
    const agreement = {
      endDate: '2026-12-31',
      startDate: '2026-01-01',
      kind: 'contract',
      domain: 'youth',
      productLines: [],
      parties: [],
      renewal: null,
      duties: [{ ...duties[0]!, title: 'K', dueDays: 30 }],
      kpis: [{ ...kpi, source: { dutyId: 'd1', field: 'nope' } }],
    };
    expect(() => assertTerms(agreement as never)).toThrow(/KPI source/);
    expect(() => assertTerms({ ...agreement, kpis: [kpi] } as never)).not.toThrow();
  });
});
