import { describe, expect, it } from 'vitest';
import type { Service } from './services.ts';
import { childDvoInput, isRegionalChild, takeupChildSchema } from './takeup-child.ts';

const services: Service[] = [
  {
    id: 'basis',
    name: 'Basispakket',
    levels: [
      {
        id: 'av',
        measure: 'Beschikbaarheid',
        unit: 'percent',
        target: 99.5,
        direction: 'at_least',
        period: 'month',
      },
    ],
    price: {
      model: 'basePlusUnit',
      baseYearlyCents: 4_000_000,
      unit: 'workstation',
      unitPriceCents: 15_000,
      quantity: 500,
    },
  },
  {
    id: 'zaak',
    name: 'Zaakgericht werken',
    levels: [],
    price: { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000, quantity: 150 },
  },
  { id: 'ibp', name: 'Informatiebeveiliging', levels: [], price: { model: 'fixed', yearlyCents: 2_400_000 } },
];
const parent = {
  id: 'rnv-ict-01',
  title: 'Regionale ICT',
  domain: 'ict' as const,
  startDate: '2024-01-01',
  endDate: '2027-12-31',
  services,
};

describe('a member’s own DVO under the regional agreement', () => {
  it('takes the services of the take-up only, with the member’s quantities, ids and levels kept', () => {
    const input = childDvoInput(
      parent,
      {
        startDate: '2026-01-01',
        modules: [
          { serviceId: 'basis', quantity: 100 },
          { serviceId: 'zaak', quantity: 20 },
        ],
      },
      { reference: 'ZWD-DVO-ICT', memberName: 'Gemeente Zeewolde' },
    );
    expect(input).toMatchObject({
      kind: 'service_agreement',
      reference: 'ZWD-DVO-ICT',
      title: 'Regionale ICT – Gemeente Zeewolde',
      domain: 'ict',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      parentId: 'rnv-ict-01',
    });
    expect(input.services!.map((s) => [s.id, s.price])).toEqual([
      [
        'basis',
        {
          model: 'basePlusUnit',
          baseYearlyCents: 4_000_000,
          unit: 'workstation',
          unitPriceCents: 15_000,
          quantity: 100,
        },
      ],
      ['zaak', { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000, quantity: 20 }],
    ]);
    expect(input.services![0]!.levels).toEqual(services[0]!.levels);
  });

  it('starts no earlier than the parent and keeps a fixed price as it is', () => {
    const input = childDvoInput(
      parent,
      { startDate: '2023-06-01', modules: [{ serviceId: 'basis', quantity: 1 }, { serviceId: 'ibp' }] },
      { reference: 'X', title: 'Eigen titel', memberName: 'M' },
    );
    expect(input.startDate).toBe('2024-01-01');
    expect(input.title).toBe('Eigen titel');
    expect(input.services!.at(-1)!.price).toEqual({ model: 'fixed', yearlyCents: 2_400_000 });
  });

  it('is refused without take-up', () => {
    expect(() => childDvoInput(parent, null, { reference: 'X', memberName: 'M' })).toThrow(
      expect.objectContaining({ reason: 'takeup.noTakeup' }),
    );
  });

  it('allows a region’s service agreement as parent of a municipality’s service agreement only', () => {
    const region = { kind: 'service_agreement' as const, space: 'RGNOORDVELUWE', parentId: null };
    expect(isRegionalChild(region, 'service_agreement', 'GM0233')).toBe(true);
    expect(isRegionalChild(region, 'contract', 'GM0233')).toBe(false);
    expect(isRegionalChild(region, 'service_agreement', 'RGNOORDVELUWE')).toBe(false);
    expect(isRegionalChild({ ...region, space: 'GM0233' }, 'service_agreement', 'GM0243')).toBe(false);
    expect(isRegionalChild({ ...region, kind: 'contract' }, 'service_agreement', 'GM0233')).toBe(false);
    expect(isRegionalChild({ ...region, parentId: 'p' }, 'service_agreement', 'GM0233')).toBe(false);
  });

  it('bounds the input strictly', () => {
    expect(takeupChildSchema.safeParse({ agreementId: 'rnv-ict-01', reference: 'ERM-DVO-ICT' }).success).toBe(
      true,
    );
    expect(takeupChildSchema.safeParse({ agreementId: 'rnv-ict-01', reference: '' }).success).toBe(false);
    expect(
      takeupChildSchema.safeParse({ agreementId: 'rnv-ict-01', reference: 'X', member: 'GM0243' }).success,
    ).toBe(false);
  });
});
