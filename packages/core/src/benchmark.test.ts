import { describe, expect, it } from 'vitest';
import {
  benchmarkProducts,
  benchmarkRegionSchema,
  type Contribution,
  comparableKpiKey,
  inhabitantsFrom,
  medianCents,
  perInhabitantCents,
  periodEndMonth,
  perThousand,
  restrictProducts,
  tariffSpread,
} from './benchmark.ts';

const row = (
  productCode: string,
  tariffCents: number,
  volume: number,
  spentCents: number,
  kvk = '81234567',
) => ({
  productCode,
  description: `Product ${productCode}`,
  providerKvk: kvk,
  providerName: kvk === '81234567' ? 'Jeugdhulp Kompas B.V.' : 'Andere aanbieder',
  tariffCents,
  unit: 'piece',
  volume,
  spentCents,
  kpis: [],
});
const contribution = (space: string, name: string, rows: Contribution['rows']): Contribution => ({
  space,
  name,
  asOf: '2026-12-01',
  rows,
});
const inhabitants = {
  referenceDate: '2026-01-01',
  source: 'CBS',
  agreementReference: 'RNV-GR-01',
  perSpace: { GM0233: 27_000, GM0243: 49_000, RGX: 76_000 },
};

describe('medianCents and tariffSpread', () => {
  it('takes the middle value of an odd count and the rounded mean of the middle two of an even count', () => {
    expect(medianCents([300, 100, 200])).toBe(200);
    expect(medianCents([100, 201])).toBe(151); // 150.5 rounds half up
    expect(medianCents([98_500, 104_000])).toBe(101_250);
    expect(medianCents([])).toBeNull();
  });
  it('gives min, median and max', () => {
    expect(tariffSpread([104_000, 98_500, 99_000])).toEqual({
      minCents: 98_500,
      medianCents: 99_000,
      maxCents: 104_000,
    });
    expect(tariffSpread([])).toBeNull();
  });
});

describe('per 1,000 inhabitants and per inhabitant', () => {
  it('computes volume per 1,000 inhabitants to one decimal', () => {
    expect(perThousand(54, 27_000)).toBe(2);
    expect(perThousand(100, 49_000)).toBe(2); // 2.0408… → 2.0
    expect(perThousand(110, 49_000)).toBe(2.2); // 2.2448… → 2.2
    expect(perThousand(5, 0)).toBeNull();
    expect(perThousand(5, null)).toBeNull();
  });
  it('computes spend per inhabitant in cents, rounded to the cent', () => {
    expect(perInhabitantCents(5_319_000, 27_000)).toBe(197); // € 53.190 / 27.000 = € 1,97
    expect(perInhabitantCents(1_000, 3)).toBe(333);
    expect(perInhabitantCents(1_000, undefined)).toBeNull();
  });
});

describe('inhabitantsFrom', () => {
  const key = (referenceDate: string, weights: [string, number][]) => ({
    method: 'per_inhabitant' as const,
    referenceDate,
    source: `CBS ${referenceDate}`,
    weights: weights.map(([space, weight]) => ({ space, weight })),
  });
  it('takes the per-inhabitant key with the latest reference date, and the region counts everyone', () => {
    const found = inhabitantsFrom('RGX', [
      { reference: 'OLD', allocationKey: key('2025-01-01', [['GM0233', 1]]) },
      {
        reference: 'NEW',
        allocationKey: key('2026-01-01', [
          ['GM0233', 27_000],
          ['GM0243', 49_000],
        ]),
      },
      {
        reference: 'FIXED',
        allocationKey: { method: 'fixed', weights: [{ space: 'GM0233', weight: 10_000 }] },
      },
      { reference: 'NONE', allocationKey: null },
    ]);
    expect(found).toEqual({
      referenceDate: '2026-01-01',
      source: 'CBS 2026-01-01',
      agreementReference: 'NEW',
      perSpace: { GM0233: 27_000, GM0243: 49_000, RGX: 76_000 },
    });
  });
  it('is null without a per-inhabitant key', () => {
    expect(inhabitantsFrom('RGX', [{ reference: 'A', allocationKey: null }])).toBeNull();
  });
});

describe('benchmarkProducts', () => {
  const products = benchmarkProducts(
    [
      contribution('GM0243', 'Gemeente Harderwijk', [row('45A12', 104_000, 98, 10_192_000)]),
      contribution('GM0233', 'Gemeente Ermelo', [
        row('45A12', 98_500, 54, 5_319_000),
        row('45A13', 9_850, 400, 3_940_000),
      ]),
    ],
    inhabitants,
  );
  it('groups per product code and provider, with the spread and each member', () => {
    expect(products.map((p) => p.productCode)).toEqual(['45A12', '45A13']);
    const kompas = products[0]!.providers[0]!;
    expect(kompas.tariff).toEqual({ minCents: 98_500, medianCents: 101_250, maxCents: 104_000 });
    expect(
      kompas.members.map((m) => [m.name, m.tariffCents, m.volumePer1000, m.spendPerInhabitantCents]),
    ).toEqual([
      ['Gemeente Ermelo', 98_500, 2, 197],
      ['Gemeente Harderwijk', 104_000, 2, 208],
    ]);
  });
  it('leaves per-inhabitant figures empty without inhabitants', () => {
    const bare = benchmarkProducts([contribution('GM0233', 'Ermelo', [row('45A12', 1, 5, 5)])], null);
    expect(bare[0]!.providers[0]!.members[0]).toMatchObject({
      volumePer1000: null,
      spendPerInhabitantCents: null,
    });
  });
  it('keeps providers of one product code apart', () => {
    const two = benchmarkProducts(
      [contribution('GM0233', 'Ermelo', [row('45A12', 100, 1, 100), row('45A12', 200, 1, 200, '40123456')])],
      inhabitants,
    );
    expect(two[0]!.providers.map((p) => p.kvk)).toEqual(['40123456', '81234567']);
  });
  it('restricts to the participants given, recomputing the spread and dropping what is left empty', () => {
    const onlyErmelo = restrictProducts(products, new Set(['GM0233']));
    expect(onlyErmelo[0]!.providers[0]!.tariff).toEqual({
      minCents: 98_500,
      medianCents: 98_500,
      maxCents: 98_500,
    });
    expect(onlyErmelo[0]!.providers[0]!.members.map((m) => m.space)).toEqual(['GM0233']);
    const onlyHarderwijk = restrictProducts(products, new Set(['GM0243']));
    expect(onlyHarderwijk.map((p) => p.productCode)).toEqual(['45A12']);
    expect(restrictProducts(products, new Set())).toEqual([]);
  });
});

describe('periodEndMonth', () => {
  it('gives the last month of a year, half year, quarter or month', () => {
    expect(periodEndMonth('2026')).toBe('2026-12');
    expect(periodEndMonth('2026-H1')).toBe('2026-06');
    expect(periodEndMonth('2026-Q2')).toBe('2026-06');
    expect(periodEndMonth('2026-Q4')).toBe('2026-12');
    expect(periodEndMonth('2026-03')).toBe('2026-03');
  });
});

describe('comparable KPIs and the read input', () => {
  it('matches KPI names ignoring case and spacing, per unit', () => {
    expect(comparableKpiKey({ name: ' Gemiddelde  wachttijd ', unit: 'Weken' })).toBe(
      comparableKpiKey({ name: 'gemiddelde wachttijd', unit: 'weken' }),
    );
    expect(comparableKpiKey({ name: 'Wachttijd', unit: 'weken' })).not.toBe(
      comparableKpiKey({ name: 'Wachttijd', unit: 'dagen' }),
    );
  });
  it('accepts a region and a product code, strictly', () => {
    expect(benchmarkRegionSchema.safeParse({ space: 'RGNOORDVELUWE', productCode: '45A12' }).success).toBe(
      true,
    );
    expect(benchmarkRegionSchema.safeParse({ space: 'RGNOORDVELUWE', productCode: '45A12#' }).success).toBe(
      false,
    );
    expect(benchmarkRegionSchema.safeParse({ space: 'RGNOORDVELUWE', extra: 1 }).success).toBe(false);
    expect(benchmarkRegionSchema.safeParse({ space: '*' }).success).toBe(false);
  });
});
