import { describe, expect, it } from 'vitest';
import { type Agreement, agreementCreateInput, agreementTermsPatch, assertTerms } from './agreement.ts';
import { DomainError, issueReason } from './errors.ts';
import {
  catalogueTotal,
  checkServices,
  levelMet,
  MAX_SERVICE_LEVELS,
  MAX_SERVICES,
  measuredUnit,
  measuredValueValid,
  type ServiceInput,
  serviceCatalogueSchema,
  serviceLevelSchema,
  serviceSchema,
  serviceYearlyPrice,
} from './services.ts';

const availability = {
  measure: 'Beschikbaarheid',
  unit: 'percent',
  target: 99.5,
  direction: 'at_least',
  period: 'month',
} as const;
const resolution = {
  measure: 'Oplostijd incidenten',
  unit: 'working_hours',
  target: 8,
  direction: 'at_most',
  share: 95,
  period: 'month',
} as const;

const service = (over: Partial<ServiceInput> = {}): ServiceInput => ({
  name: 'Basispakket',
  levels: [availability],
  price: { model: 'basePlusUnit', baseYearlyCents: 12_000_000, unit: 'workstation', unitPriceCents: 45_000 },
  ...over,
});

describe('serviceCatalogueSchema', () => {
  it('accepts each price model and a level over cases', () => {
    const catalogue = [
      service({ levels: [availability, resolution] }),
      service({ name: 'Zaaksysteem', price: { model: 'perUnit', unit: 'licence', unitPriceCents: 2_500 } }),
      service({ name: 'Archief', price: { model: 'fixed', yearlyCents: 800_000 } }),
    ];
    expect(serviceCatalogueSchema.safeParse(catalogue).success).toBe(true);
  });

  it('is strict: an unknown field, a field of another price model or an unknown unit is refused', () => {
    expect(serviceSchema.safeParse({ ...service(), colour: 'red' }).success).toBe(false);
    expect(
      serviceSchema.safeParse(
        service({ price: { model: 'fixed', yearlyCents: 1, unitPriceCents: 2 } as never }),
      ).success,
    ).toBe(false);
    expect(
      serviceSchema.safeParse(
        service({ price: { model: 'perUnit', unit: 'desk' as never, unitPriceCents: 2_500 } }),
      ).success,
    ).toBe(false);
    expect(serviceSchema.safeParse(service({ price: { model: 'free' } as never })).success).toBe(false);
  });

  it('bounds the catalogue, the levels, names, amounts and quantities', () => {
    const many = Array.from({ length: MAX_SERVICES + 1 }, (_, i) => service({ name: `Dienst ${i}` }));
    expect(serviceCatalogueSchema.safeParse(many).success).toBe(false);
    expect(serviceCatalogueSchema.safeParse(many.slice(0, MAX_SERVICES)).success).toBe(true);
    const levels = Array.from({ length: MAX_SERVICE_LEVELS + 1 }, () => availability);
    expect(serviceSchema.safeParse(service({ levels })).success).toBe(false);
    expect(serviceSchema.safeParse(service({ name: '' })).success).toBe(false);
    expect(serviceSchema.safeParse(service({ name: 'x'.repeat(121) })).success).toBe(false);
    expect(serviceSchema.safeParse(service({ price: { model: 'fixed', yearlyCents: -1 } })).success).toBe(
      false,
    );
    expect(serviceSchema.safeParse(service({ price: { model: 'fixed', yearlyCents: 1.5 } })).success).toBe(
      false,
    );
    const perUnit = (quantity: number) =>
      serviceSchema.safeParse(
        service({ price: { model: 'perUnit', unit: 'hour', unitPriceCents: 9_500, quantity } }),
      );
    expect(perUnit(12.5).success).toBe(true);
    expect(perUnit(0.01).success).toBe(true);
    expect(perUnit(100_001).success).toBe(false);
    expect(perUnit(-1).success).toBe(false);
  });

  it('names a quantity with more than two decimals and a percentage over 100 by their reason keys', () => {
    const quantity = serviceSchema.safeParse(
      service({ price: { model: 'perUnit', unit: 'hour', unitPriceCents: 9_500, quantity: 1.005 } }),
    );
    expect(quantity.success).toBe(false);
    expect(quantity.error?.issues.map((i) => issueReason(i as never).reason)).toEqual([
      'service.quantityDecimals',
    ]);
    const percent = serviceLevelSchema.safeParse({ ...availability, target: 100.5 });
    expect(percent.error?.issues.map((i) => [i.path.join('.'), issueReason(i as never).reason])).toEqual([
      ['target', 'service.percentTooHigh'],
    ]);
    // 150 working hours is fine: only a percentage stops at 100.
    expect(serviceLevelSchema.safeParse({ ...resolution, target: 150 }).success).toBe(true);
    expect(serviceLevelSchema.safeParse({ ...resolution, share: 0 }).success).toBe(false);
    expect(serviceLevelSchema.safeParse({ ...resolution, share: 101 }).success).toBe(false);
    expect(serviceLevelSchema.safeParse({ ...availability, period: 'week' }).success).toBe(false);
  });

  it('is part of the terms on create and update', () => {
    const terms = { title: 'DVO', domain: 'ict', startDate: '2026-01-01', endDate: '2026-12-31' } as const;
    const create = { kind: 'service_agreement', reference: 'DVO-1', ...terms, services: [service()] };
    expect(agreementCreateInput.safeParse(create).success).toBe(true);
    expect(agreementTermsPatch.safeParse({ services: [service()] }).success).toBe(true);
    expect(agreementTermsPatch.safeParse({ services: [{ ...service(), extra: 1 }] }).success).toBe(false);
  });
});

describe('checkServices', () => {
  it('refuses a catalogue on a kind that cannot carry one, naming the kind', () => {
    for (const kind of ['contract', 'subsidy', 'joint_arrangement']) {
      expect(checkServices(kind, [service()])).toEqual([
        expect.objectContaining({ path: 'services', reason: 'service.notAllowed', params: { kind } }),
      ]);
      // No services is no catalogue: every kind may have none.
      expect(checkServices(kind, [])).toEqual([]);
    }
    expect(checkServices('service_agreement', [service()])).toEqual([]);
  });

  it('names a service twice (case and spaces ignored) and ids given twice', () => {
    const issues = checkServices('service_agreement', [
      service({ id: 'svc-a' }),
      service({ id: 'svc-a', name: ' basispakket ' }),
      service({
        name: 'Plus',
        levels: [
          { ...availability, id: 'l-1' },
          { ...resolution, id: 'l-1' },
        ],
      }),
    ]);
    expect(issues.map((i) => [i.path, i.reason])).toEqual([
      ['services.1.name', 'service.nameDuplicate'],
      ['services.1', 'service.idDuplicate'],
      ['services.2.levels.1', 'service.idDuplicate'],
    ]);
  });

  it('is checked on every stored state of an agreement (assertTerms)', () => {
    const stored = {
      kind: 'contract',
      domain: 'ict',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      productLines: [],
      parties: [],
      renewal: null,
      services: [{ ...service(), id: 'svc-1', levels: [] }],
    } as unknown as Agreement;
    expect(() => assertTerms(stored)).toThrow(DomainError);
    expect(() => assertTerms({ ...stored, kind: 'service_agreement' })).not.toThrow();
  });
});

describe('serviceYearlyPrice and catalogueTotal', () => {
  it('prices a fixed service at its yearly amount, whatever the quantity', () => {
    expect(serviceYearlyPrice(service({ price: { model: 'fixed', yearlyCents: 800_000 } }), 40)).toBe(
      800_000,
    );
  });

  it('prices per unit as unit price × quantity, from the terms or a given quantity', () => {
    const licences = service({
      price: { model: 'perUnit', unit: 'licence', unitPriceCents: 2_500, quantity: 120 },
    });
    expect(serviceYearlyPrice(licences)).toBe(300_000);
    expect(serviceYearlyPrice(licences, 10)).toBe(25_000);
    expect(serviceYearlyPrice(licences, 0)).toBe(0);
  });

  it('prices base plus unit as base + unit price × quantity', () => {
    const basis = service({
      price: {
        model: 'basePlusUnit',
        baseYearlyCents: 12_000_000,
        unit: 'workstation',
        unitPriceCents: 45_000,
        quantity: 250,
      },
    });
    expect(serviceYearlyPrice(basis)).toBe(12_000_000 + 11_250_000);
    expect(serviceYearlyPrice(basis, 0)).toBe(12_000_000);
  });

  it('rounds the unit part once to whole cents, half up, exactly for large figures', () => {
    const hours = (unitPriceCents: number, quantity: number) =>
      serviceYearlyPrice(service({ price: { model: 'perUnit', unit: 'hour', unitPriceCents, quantity } }));
    expect(hours(25, 0.5)).toBe(13); // 12,5 cents → 13
    expect(hours(25, 0.1)).toBe(3); // 2,5 cents → 3
    expect(hours(9_999, 1.15)).toBe(11_499); // 11.498,85 → 11.499, no float drift
    expect(hours(1_000_000_000, 100_000)).toBe(100_000_000_000_000);
    expect(hours(999_999_999, 99_999.99)).toBe(99_999_989_900_000);
  });

  it('knows no price for a per-unit service without any quantity', () => {
    const noQuantity = service({ price: { model: 'perUnit', unit: 'user', unitPriceCents: 1_000 } });
    expect(serviceYearlyPrice(noQuantity)).toBeNull();
    expect(serviceYearlyPrice(noQuantity, 3)).toBe(3_000);
  });

  it('totals the rounded service prices, leaving out (and counting) services without a quantity', () => {
    const catalogue = [
      { id: 'a', price: { model: 'fixed', yearlyCents: 800_000 } },
      { id: 'b', price: { model: 'perUnit', unit: 'hour', unitPriceCents: 25, quantity: 0.5 } },
      { id: 'c', price: { model: 'perUnit', unit: 'hour', unitPriceCents: 25, quantity: 0.5 } },
      { id: 'd', price: { model: 'perUnit', unit: 'user', unitPriceCents: 1_000 } },
    ] satisfies Pick<ServiceInput, 'id' | 'price'>[];
    // Each half cent rounds up on its own row: 13 + 13, not round(25) = 25.
    expect(catalogueTotal(catalogue)).toEqual({
      totalCents: 800_026,
      perService: [
        { id: 'a', cents: 800_000 },
        { id: 'b', cents: 13 },
        { id: 'c', cents: 13 },
        { id: 'd', cents: null },
      ],
      unpriced: 1,
    });
    expect(catalogueTotal(catalogue, { d: 7 }).totalCents).toBe(807_026);
    expect(catalogueTotal([])).toEqual({ totalCents: 0, perService: [], unpriced: 0 });
  });
});

describe('levelMet', () => {
  it('compares a level over the whole in its direction; the bound itself is met', () => {
    expect(levelMet(availability, 99.6)).toBe(true);
    expect(levelMet(availability, 99.5)).toBe(true);
    expect(levelMet(availability, 99.49)).toBe(false);
    const response = { target: 4, direction: 'at_most' } as const;
    expect(levelMet(response, 3.5)).toBe(true);
    expect(levelMet(response, 4)).toBe(true);
    expect(levelMet(response, 4.25)).toBe(false);
  });

  it('takes for a level over cases the share of cases that met the target', () => {
    expect(measuredUnit(resolution)).toBe('percent');
    expect(measuredUnit(availability)).toBe('percent');
    expect(measuredUnit({ unit: 'hours' })).toBe('hours');
    expect(levelMet(resolution, 96)).toBe(true);
    expect(levelMet(resolution, 95)).toBe(true);
    expect(levelMet(resolution, 94.9)).toBe(false);
    // Not the hours themselves: 7 (%) of cases within 8 hours is far below 95%.
    expect(levelMet(resolution, 7)).toBe(false);
  });

  it('accepts as a measured value only a finite, non-negative number, a percentage at most 100', () => {
    expect(measuredValueValid(availability, 100)).toBe(true);
    expect(measuredValueValid(availability, 100.1)).toBe(false);
    expect(measuredValueValid(resolution, 101)).toBe(false);
    expect(measuredValueValid({ unit: 'hours' }, 250)).toBe(true);
    expect(measuredValueValid({ unit: 'count' }, -1)).toBe(false);
    expect(measuredValueValid({ unit: 'count' }, Number.NaN)).toBe(false);
  });
});
