import { describe, expect, it } from 'vitest';
import type { AllocationKey } from './allocation.ts';
import { allocateRealised } from './budget-members.ts';

const key: AllocationKey = {
  method: 'usage',
  weights: [
    { space: 'GM1', weight: 1 },
    { space: 'GM2', weight: 1 },
    { space: 'GM3', weight: 1 },
  ],
};

describe('allocateRealised', () => {
  it('spreads realisations without a member by the key, to the cent', () => {
    expect(allocateRealised([{ amountCents: 60_000 }, { amountCents: 40_001 }], key)).toEqual([
      { space: 'GM1', cents: 33_334 },
      { space: 'GM2', cents: 33_334 },
      { space: 'GM3', cents: 33_333 },
    ]);
  });

  it('counts a member-booked realisation to that member only, and spreads the rest', () => {
    // 100.00 unbooked: 33.34 / 33.33 / 33.33; GM2 booked 50.00 + 0.01, GM3 booked 12.34.
    const shares = allocateRealised(
      [
        { amountCents: 10_000 },
        { amountCents: 5_000, member: 'GM2' },
        { amountCents: 1, member: 'GM2' },
        { amountCents: 1_234, member: 'GM3' },
      ],
      key,
    );
    expect(shares).toEqual([
      { space: 'GM1', cents: 3_334 },
      { space: 'GM2', cents: 3_333 + 5_001 },
      { space: 'GM3', cents: 3_333 + 1_234 },
    ]);
    expect(shares.reduce((s, x) => s + x.cents, 0)).toBe(10_000 + 5_001 + 1_234);
  });

  it('needs no weights when everything is booked, and adds a booked member outside the key', () => {
    const zero: AllocationKey = { method: 'fixed', weights: [{ space: 'GM1', weight: 0 }] };
    expect(allocateRealised([{ amountCents: 700, member: 'GM1' }], zero)).toEqual([
      { space: 'GM1', cents: 700 },
    ]);
    expect(allocateRealised([{ amountCents: 300, member: 'GM9' }, { amountCents: 2 }], key)).toEqual([
      { space: 'GM1', cents: 1 },
      { space: 'GM2', cents: 1 },
      { space: 'GM3', cents: 0 },
      { space: 'GM9', cents: 300 },
    ]);
    expect(allocateRealised([], key).map((s) => s.cents)).toEqual([0, 0, 0]);
  });
});
