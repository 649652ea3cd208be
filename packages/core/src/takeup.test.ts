import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import type { Service } from './services.ts';
import {
  basisServiceId,
  checkTakeup,
  type TakeupRecord,
  takeupCanWrite,
  takeupConfigureSchema,
  takeupDetailVisible,
  takeupSetSchema,
  takeupView,
  takeupYearlyPrice,
} from './takeup.ts';

const catalogue: Pick<Service, 'id' | 'price'>[] = [
  {
    id: 'basis',
    price: { model: 'basePlusUnit', baseYearlyCents: 4_000_000, unit: 'workstation', unitPriceCents: 15_000 },
  },
  { id: 'zaak', price: { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000, quantity: 150 } },
  { id: 'ibp', price: { model: 'fixed', yearlyCents: 2_400_000 } },
];

const reasonOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).reason;
  }
  return null;
};

describe('checkTakeup', () => {
  it('accepts the basis with a quantity and plus modules', () => {
    expect(
      reasonOf(() =>
        checkTakeup(catalogue, [
          { serviceId: 'basis', quantity: 180 },
          { serviceId: 'zaak', quantity: 40 },
          { serviceId: 'ibp' },
        ]),
      ),
    ).toBeNull();
  });
  it('requires the basis package: the first service', () => {
    expect(basisServiceId(catalogue)).toBe('basis');
    expect(reasonOf(() => checkTakeup(catalogue, [{ serviceId: 'ibp' }]))).toBe('takeup.basisRequired');
  });
  it('refuses unknown and duplicate modules', () => {
    expect(reasonOf(() => checkTakeup(catalogue, [{ serviceId: 'x' }]))).toBe('takeup.unknownService');
    expect(
      reasonOf(() =>
        checkTakeup(catalogue, [
          { serviceId: 'basis', quantity: 1 },
          { serviceId: 'basis', quantity: 2 },
        ]),
      ),
    ).toBe('takeup.moduleDuplicate');
  });
  it('wants a quantity for a unit price and none for a fixed price', () => {
    expect(reasonOf(() => checkTakeup(catalogue, [{ serviceId: 'basis' }]))).toBe('takeup.quantityRequired');
    expect(
      reasonOf(() =>
        checkTakeup(catalogue, [
          { serviceId: 'basis', quantity: 1 },
          { serviceId: 'ibp', quantity: 3 },
        ]),
      ),
    ).toBe('takeup.quantityNotPriced');
  });
  it('refuses an empty catalogue', () => {
    const e = (() => {
      try {
        checkTakeup([], [{ serviceId: 'basis' }]);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).reason).toBe('takeup.noCatalogue');
    expect((e as DomainError).code).toBe('BAD_REQUEST');
  });
});

describe('takeupYearlyPrice', () => {
  it('prices each module with the member quantity, whole cents', () => {
    const price = takeupYearlyPrice(catalogue, [
      { serviceId: 'basis', quantity: 180 },
      { serviceId: 'zaak', quantity: 40 },
      { serviceId: 'ibp' },
    ]);
    // € 40.000 + 180 × € 150 = € 67.000; 40 × € 120 = € 4.800; € 24.000 → € 95.800
    expect(price.perModule).toEqual([
      { serviceId: 'basis', cents: 6_700_000 },
      { serviceId: 'zaak', cents: 480_000 },
      { serviceId: 'ibp', cents: 2_400_000 },
    ]);
    expect(price.totalCents).toBe(9_580_000);
  });
  it('rounds each module once, half up, and sums the rounded prices', () => {
    const odd = [
      { id: 'a', price: { model: 'perUnit' as const, unit: 'hour' as const, unitPriceCents: 25 } },
    ];
    // 0,5 × 25 = 12,5 cents → 13 cents
    expect(takeupYearlyPrice(odd, [{ serviceId: 'a', quantity: 0.5 }]).totalCents).toBe(13);
  });
  it('counts a module no longer in the catalogue as 0', () => {
    expect(takeupYearlyPrice(catalogue, [{ serviceId: 'gone' }]).totalCents).toBe(0);
  });
});

describe('takeupSetSchema', () => {
  const ok = {
    agreementId: 'rnv-ict-01',
    member: 'GM0233',
    expectedVersion: 0,
    startDate: '2026-01-01',
    modules: [{ serviceId: 'basis', quantity: 10 }],
  };
  it('accepts a valid input and refuses extra keys, empty modules, bad quantities', () => {
    expect(takeupSetSchema.safeParse(ok).success).toBe(true);
    expect(takeupSetSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(takeupSetSchema.safeParse({ ...ok, modules: [] }).success).toBe(false);
    expect(
      takeupSetSchema.safeParse({ ...ok, modules: [{ serviceId: 'basis', quantity: -1 }] }).success,
    ).toBe(false);
    expect(
      takeupSetSchema.safeParse({ ...ok, modules: [{ serviceId: 'basis', quantity: 1.234 }] }).success,
    ).toBe(false);
    expect(takeupSetSchema.safeParse({ ...ok, member: 'x' }).success).toBe(false);
  });
});

describe('takeupView', () => {
  const record = (member: string, modules: TakeupRecord['modules']): TakeupRecord => ({
    agreementId: 'rnv-ict-01',
    member,
    version: 1,
    startDate: '2026-01-01',
    modules,
    createdAt: 't',
    createdBy: 'c',
    updatedAt: 't',
    updatedBy: 'c',
  });
  const args = {
    agreementId: 'rnv-ict-01',
    regionSpace: 'RGNV',
    services: catalogue,
    members: ['GM1', 'GM2', 'GM3'],
    names: { GM1: 'Een', GM2: 'Twee', GM3: 'Drie' },
    records: [
      record('GM1', [{ serviceId: 'basis', quantity: 10 }]),
      record('GM2', [{ serviceId: 'basis', quantity: 20 }, { serviceId: 'ibp' }]),
    ],
  };
  it('shows the region every member in full', () => {
    const view = takeupView({ ...args, caller: { space: 'RGNV', roles: ['coordinator'] } });
    expect(view.canWrite).toBe(true);
    expect(view.rows.map((r) => r.detail !== undefined)).toEqual([true, true, false]);
    expect(view.rows.map((r) => r.totalCents)).toEqual([4_150_000, 6_700_000, null]);
    expect(view.totalCents).toBe(10_850_000);
  });
  it('shows a member its own in full and the others only as totals', () => {
    const view = takeupView({ ...args, caller: { space: 'GM2', roles: ['inkoper'] } });
    expect(view.canWrite).toBe(false);
    expect(view.rows[0]).toEqual({ member: 'GM1', name: 'Een', totalCents: 4_150_000 });
    expect(view.rows[1]!.detail!.modules).toEqual([
      { serviceId: 'basis', quantity: 20, cents: 4_300_000 },
      { serviceId: 'ibp', cents: 2_400_000 },
    ]);
  });
  it('shows a member every member’s details only while the region shares them', () => {
    const shared = takeupView({
      ...args,
      sharing: { shareWithMembers: true, version: 2 },
      caller: { space: 'GM2', roles: ['viewer'] },
    });
    expect(shared.sharing).toEqual({ shareWithMembers: true, version: 2 });
    expect(shared.rows.map((r) => r.detail !== undefined)).toEqual([true, true, false]);
    expect(shared.rows[0]!.detail!.modules).toEqual([{ serviceId: 'basis', quantity: 10, cents: 4_150_000 }]);
    expect(shared.canWrite).toBe(false);
    const off = takeupView({
      ...args,
      sharing: { shareWithMembers: false, version: 3 },
      caller: { space: 'GM2', roles: ['viewer'] },
    });
    expect(off.rows.map((r) => r.detail !== undefined)).toEqual([false, true, false]);
    // Never set is off.
    expect(takeupView({ ...args, caller: { space: 'GM1', roles: ['viewer'] } }).sharing).toEqual({
      shareWithMembers: false,
      version: 0,
    });
  });
  it('shares details with the region’s members only, never with another caller', () => {
    const sharing = { shareWithMembers: true, members: ['GM1', 'GM2'] };
    expect(takeupDetailVisible({ space: 'GM1' }, 'RGNV', 'GM2', sharing)).toBe(true);
    expect(takeupDetailVisible({ space: 'PV1' }, 'RGNV', 'GM2', sharing)).toBe(false);
    expect(
      takeupDetailVisible({ space: 'GM1' }, 'RGNV', 'GM2', { ...sharing, shareWithMembers: false }),
    ).toBe(false);
    expect(
      takeupDetailVisible({ space: 'GM1' }, 'RGNV', 'GM1', { ...sharing, shareWithMembers: false }),
    ).toBe(true);
    expect(
      takeupDetailVisible({ space: 'RGNV' }, 'RGNV', 'GM2', { ...sharing, shareWithMembers: false }),
    ).toBe(true);
  });
  it('accepts a strict configure input only', () => {
    const ok = { agreementId: 'rnv-ict-01', shareWithMembers: true, expectedVersion: 0 };
    expect(takeupConfigureSchema.safeParse(ok).success).toBe(true);
    expect(takeupConfigureSchema.safeParse({ ...ok, shareWithMembers: 'yes' }).success).toBe(false);
    expect(takeupConfigureSchema.safeParse({ ...ok, expectedVersion: -1 }).success).toBe(false);
    expect(takeupConfigureSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
  it('lets only the region write, and only with a write role', () => {
    expect(takeupCanWrite({ space: 'RGNV', roles: ['viewer'] }, 'RGNV')).toBe(false);
    expect(takeupCanWrite({ space: 'GM1', roles: ['inkoper'] }, 'RGNV')).toBe(false);
    expect(takeupCanWrite({ space: 'RGNV', roles: ['inkoper'] }, 'RGNV')).toBe(true);
  });
});
