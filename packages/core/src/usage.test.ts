import { describe, expect, it } from 'vitest';
import type { AllocationKey } from './allocation.ts';
import { DomainError } from './errors.ts';
import type { Service } from './services.ts';
import {
  checkUsage,
  monthShare,
  usageAllocationKey,
  usageSetSchema,
  usageSettlement,
  usageView,
} from './usage.ts';

/** The catalogue of RNV-ICT-01 as seeded (seed-services.ts). */
const ICT: Service[] = [
  {
    id: 'svc-ict-basis',
    name: 'Basispakket',
    levels: [],
    price: {
      model: 'basePlusUnit',
      baseYearlyCents: 4_000_000,
      unit: 'workstation',
      unitPriceCents: 15_000,
      quantity: 500,
    },
  },
  {
    id: 'svc-ict-zaak',
    name: 'Zaakgericht werken',
    levels: [],
    price: { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000, quantity: 150 },
  },
  {
    id: 'svc-ict-ibp',
    name: 'Informatiebeveiliging',
    levels: [],
    price: { model: 'fixed', yearlyCents: 2_400_000 },
  },
];
const ERMELO = [
  { serviceId: 'svc-ict-basis', quantity: 180 },
  { serviceId: 'svc-ict-zaak', quantity: 60 },
  { serviceId: 'svc-ict-ibp' },
];
const ZEEWOLDE = [
  { serviceId: 'svc-ict-basis', quantity: 100 },
  { serviceId: 'svc-ict-zaak', quantity: 20 },
];
const q = (basis: number, zaak: number) => [
  { serviceId: 'svc-ict-basis', quantity: basis },
  { serviceId: 'svc-ict-zaak', quantity: zaak },
];

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.reason;
    throw e;
  }
  return null;
};

describe('monthShare', () => {
  it('gives the first (Y mod 12) months one cent more, and the twelve add up to the year', () => {
    // € 40.000 = 4.000.000 cents: 333.333 a month with 4 cents left, for January to April.
    expect([1, 4, 5, 12].map((m) => monthShare(4_000_000, m))).toEqual([333_334, 333_334, 333_333, 333_333]);
    // 7.007 cents: 583 a month with 11 cents left: January to November 584, December 583.
    expect(monthShare(7_007, 11)).toBe(584);
    expect(monthShare(7_007, 12)).toBe(583);
    for (const year of [0, 1, 11, 7_007, 4_000_000, 123_456_789]) {
      const months = Array.from({ length: 12 }, (_, i) => monthShare(year, i + 1));
      expect(months.reduce((s, c) => s + c, 0)).toBe(year);
    }
  });
});

describe('checkUsage', () => {
  it('accepts every per-unit module the member takes, measured once', () => {
    expect(reason(() => checkUsage(ICT, ERMELO, q(182, 61)))).toBeNull();
  });

  it('refuses usage of a module the member does not take, and a member without take-up', () => {
    expect(reason(() => checkUsage(ICT, [{ serviceId: 'svc-ict-basis', quantity: 100 }], q(98, 20)))).toBe(
      'usage.moduleNotTaken',
    );
    expect(reason(() => checkUsage(ICT, null, q(1, 1)))).toBe('usage.noTakeup');
  });

  it('refuses a fixed-price module, an unknown service, a duplicate and a missing per-unit module', () => {
    expect(
      reason(() => checkUsage(ICT, ERMELO, [...q(1, 1), { serviceId: 'svc-ict-ibp', quantity: 1 }])),
    ).toBe('takeup.quantityNotPriced');
    expect(reason(() => checkUsage(ICT, ERMELO, [{ serviceId: 'svc-nope', quantity: 1 }]))).toBe(
      'takeup.unknownService',
    );
    expect(
      reason(() => checkUsage(ICT, ERMELO, [...q(1, 1), { serviceId: 'svc-ict-zaak', quantity: 2 }])),
    ).toBe('takeup.moduleDuplicate');
    expect(reason(() => checkUsage(ICT, ERMELO, [{ serviceId: 'svc-ict-basis', quantity: 1 }]))).toBe(
      'usage.quantityMissing',
    );
  });

  it('bounds the input: a period YYYY-MM, quantities with two decimals at most', () => {
    const input = {
      agreementId: 'rnv-ict-01',
      member: 'GM0233',
      period: '2026-01',
      expectedVersion: 0,
      quantities: q(1, 1),
    };
    expect(usageSetSchema.safeParse(input).success).toBe(true);
    expect(usageSetSchema.safeParse({ ...input, period: '2026-13' }).success).toBe(false);
    expect(usageSetSchema.safeParse({ ...input, quantities: [] }).success).toBe(false);
    expect(
      usageSetSchema.safeParse({ ...input, quantities: [{ serviceId: 'svc-ict-zaak', quantity: 1.005 }] })
        .success,
    ).toBe(false);
    expect(usageSetSchema.safeParse({ ...input, extra: 1 }).success).toBe(false);
  });
});

describe('settlement', () => {
  it('works out Ermelo’s January and February of the seed by hand', () => {
    const s = usageSettlement({
      member: 'GM0233',
      year: 2026,
      services: ICT,
      takeup: ERMELO,
      usage: [
        { period: '2026-02', quantities: q(185, 63) },
        { period: '2026-01', quantities: q(182, 61) },
        { period: '2025-12', quantities: q(999, 999) },
      ],
    });
    expect(s.periods).toEqual(['2026-01', '2026-02']);
    // A year: € 40.000 base, 180 × € 150 + 60 × € 120 = € 34.200 usage, € 24.000 module: € 98.200.
    expect(s.yearProvisional).toMatchObject({
      baseCents: 4_000_000,
      usageCents: 3_420_000,
      modulesCents: 2_400_000,
      totalCents: 9_820_000,
    });
    // Two months: base 333.334 + 333.334; usage (2.700.000 + 720.000) / 12 × 2; module 200.000 × 2.
    expect(s.provisional).toMatchObject({
      baseCents: 666_668,
      usageCents: 570_000,
      modulesCents: 400_000,
      totalCents: 1_636_668,
    });
    // Measured: 182 × 15.000 / 12 = 227.500, 185 × 15.000 / 12 = 231.250, 61 × 12.000 / 12 = 61.000,
    // 63 × 12.000 / 12 = 63.000: usage 582.750.
    expect(s.definitive).toMatchObject({
      baseCents: 666_668,
      usageCents: 582_750,
      modulesCents: 400_000,
      totalCents: 1_649_418,
    });
    expect(s.differenceCents).toBe(12_750);
    expect(
      s.definitive.lines.map((l) => [l.serviceId, l.role, l.fixedCents, l.usageCents, l.totalCents]),
    ).toEqual([
      ['svc-ict-basis', 'basis', 666_668, 458_750, 1_125_418],
      ['svc-ict-zaak', 'module', 0, 124_000, 124_000],
      ['svc-ict-ibp', 'module', 400_000, 0, 400_000],
    ]);
  });

  it('works out Zeewolde, without the security module', () => {
    const s = usageSettlement({
      member: 'GM0050',
      year: 2026,
      services: ICT,
      takeup: ZEEWOLDE,
      usage: [
        { period: '2026-01', quantities: q(98, 20) },
        { period: '2026-02', quantities: q(101, 22) },
      ],
    });
    expect(s.yearProvisional.totalCents).toBe(5_740_000);
    expect(s.provisional.totalCents).toBe(956_668);
    // 666.668 + 122.500 + 126.250 + 20.000 + 22.000
    expect(s.definitive.totalCents).toBe(957_418);
    expect(s.definitive.modulesCents).toBe(0);
    expect(s.differenceCents).toBe(750);
  });

  it('prices hours per occurrence, rounds once half up, and uses the month’s own share of the base', () => {
    const services: Service[] = [
      {
        id: 'svc-a',
        name: 'Basis',
        levels: [],
        price: {
          model: 'basePlusUnit',
          baseYearlyCents: 7_007,
          unit: 'user',
          unitPriceCents: 1_001,
          quantity: 1,
        },
      },
      {
        id: 'svc-b',
        name: 'Uren',
        levels: [],
        price: { model: 'perUnit', unit: 'hour', unitPriceCents: 8_333 },
      },
    ];
    const s = usageSettlement({
      member: 'GM0233',
      year: 2026,
      services,
      takeup: [
        { serviceId: 'svc-a', quantity: 7 },
        { serviceId: 'svc-b', quantity: 100 },
      ],
      usage: [
        {
          period: '2026-12',
          quantities: [
            { serviceId: 'svc-a', quantity: 7 },
            { serviceId: 'svc-b', quantity: 12.5 },
          ],
        },
      ],
    });
    // December: base 7.007 → 583 (no extra cent); users 7 × 1.001 = 7.007 a year → 583;
    // hours 12,5 × 83,33 = 1.041,625 → € 1.041,63 = 104.163 cents.
    expect(s.definitive.lines.map((l) => [l.fixedCents, l.usageCents])).toEqual([
      [583, 583],
      [0, 104_163],
    ]);
    // Provisional hours: 100 × 8.333 = 833.300 a year; December's share 69.441 (833.300 = 12 × 69.441 + 8).
    expect(s.provisional.lines[1]!.usageCents).toBe(69_441);
    expect(s.differenceCents).toBe(104_163 - 69_441);
  });

  it('has nothing to settle without measured usage', () => {
    const s = usageSettlement({ member: 'GM0233', year: 2026, services: ICT, takeup: ERMELO, usage: [] });
    expect(s.periods).toEqual([]);
    expect(s.definitive.totalCents).toBe(0);
    expect(s.provisional.totalCents).toBe(0);
    expect(s.yearProvisional.totalCents).toBe(9_820_000);
  });
});

describe('usageAllocationKey', () => {
  const key: AllocationKey = {
    method: 'usage',
    weights: [
      { space: 'GM0233', weight: 1 },
      { space: 'GM0243', weight: 1 },
      { space: 'GM0050', weight: 1 },
    ],
  };

  it('weighs each member by its measured P×Q, a member without usage 0', () => {
    const r = usageAllocationKey(key, { GM0233: 582_750, GM0050: 290_750, GM9999: 5 });
    expect(r.measured).toBe(true);
    expect(r.key.weights).toEqual([
      { space: 'GM0233', weight: 582_750 },
      { space: 'GM0243', weight: 0 },
      { space: 'GM0050', weight: 290_750 },
    ]);
  });

  it('keeps the fixed weights without measured usage, and leaves other methods alone', () => {
    expect(usageAllocationKey(key, {})).toEqual({ key, measured: false });
    const fixed: AllocationKey = { ...key, method: 'per_inhabitant' };
    expect(usageAllocationKey(fixed, { GM0233: 1 })).toEqual({ key: fixed, measured: false });
  });
});

describe('usageView', () => {
  const args = {
    agreementId: 'rnv-ict-01',
    year: 2026,
    regionSpace: 'RG0001',
    services: ICT,
    members: ['GM0233', 'GM0050'],
    names: { GM0233: 'Ermelo', GM0050: 'Zeewolde' },
    takeup: [
      { member: 'GM0233', modules: ERMELO },
      { member: 'GM0050', modules: ZEEWOLDE },
    ],
    records: [
      { member: 'GM0233', period: '2026-01', quantities: q(182, 61) },
      { member: 'GM0050', period: '2026-01', quantities: q(98, 20) },
    ].map((r) => ({
      ...r,
      agreementId: 'rnv-ict-01',
      version: 1,
      createdAt: 'x',
      createdBy: 'x',
      updatedAt: 'x',
      updatedBy: 'x',
    })),
    canWrite: false,
  };

  it('shows a member its own statement and the region’s totals, never another member’s usage', () => {
    const view = usageView({ ...args, caller: { space: 'GM0233', roles: ['viewer'] } });
    expect(view.rows[0]!.detail?.statement.periods).toEqual(['2026-01']);
    expect(view.rows[1]).toEqual({ member: 'GM0050', name: 'Zeewolde' });
    expect(JSON.stringify(view)).not.toContain('"quantity":98');
    // Totals: a year 9.820.000 + 5.740.000; January 333.334 + 227.500 + 61.000 + 200.000 and
    // 333.334 + 122.500 + 20.000.
    expect(view.totals).toEqual({ yearProvisionalCents: 15_560_000, definitiveCents: 1_297_668 });
  });

  it('shows the region every member in full', () => {
    const view = usageView({ ...args, caller: { space: 'RG0001', roles: ['coordinator'] } });
    expect(view.rows.every((r) => r.detail)).toBe(true);
    expect(view.rows[1]!.detail!.statement.definitive.totalCents).toBe(475_834);
  });
});
