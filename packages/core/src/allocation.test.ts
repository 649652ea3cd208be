import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationKey, allocate, allocationKeySchema, splitCents } from './allocation.ts';

const members = ['GM0233', 'GM0243', 'GM0050'];

describe('allocation keys', () => {
  it('splits by fixed percentages to the cent', () => {
    const key: AllocationKey = {
      method: 'fixed',
      weights: [
        { space: 'GM0233', weight: 3333 },
        { space: 'GM0243', weight: 3333 },
        { space: 'GM0050', weight: 3334 },
      ],
    };
    expect(allocate(100, key)).toEqual([
      { space: 'GM0233', cents: 33 },
      { space: 'GM0243', cents: 33 },
      { space: 'GM0050', cents: 34 },
    ]);
  });

  it('splits per inhabitant (Ermelo 27,000; Harderwijk 49,000; Zeewolde 23,000)', () => {
    const shares = allocate(72_000_000, {
      method: 'per_inhabitant',
      referenceDate: '2026-01-01',
      source: 'CBS StatLine 03759ned',
      weights: [
        { space: 'GM0233', weight: 27_000 },
        { space: 'GM0243', weight: 49_000 },
        { space: 'GM0050', weight: 23_000 },
      ],
    });
    expect(shares.map((s) => s.cents)).toEqual([19_636_364, 35_636_363, 16_727_273]);
    expect(shares.reduce((s, x) => s + x.cents, 0)).toBe(72_000_000);
  });

  it('splits a base part equally and the rest by weight', () => {
    const shares = allocate(1_000_00, {
      method: 'base_plus_variable',
      baseBasisPoints: 3000,
      weights: [
        { space: 'GM0233', weight: 1 },
        { space: 'GM0243', weight: 1 },
        { space: 'GM0050', weight: 2 },
      ],
    });
    // base 30,000 cents → 10,000 each; variable 70,000 → 17,500 / 17,500 / 35,000
    expect(shares).toEqual([
      { space: 'GM0233', cents: 27_500 },
      { space: 'GM0243', cents: 27_500 },
      { space: 'GM0050', cents: 45_000 },
    ]);
  });

  it('always adds up to the whole, to the cent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 10_000 }),
        (total, weights, base) => {
          const spaced = weights.map((weight, i) => ({ space: `GM${String(i).padStart(4, '0')}`, weight }));
          for (const key of [
            { method: 'usage', weights: spaced } as const,
            { method: 'base_plus_variable', baseBasisPoints: base, weights: spaced } as const,
          ]) {
            const shares = allocate(total, key);
            expect(shares.reduce((s, x) => s + x.cents, 0)).toBe(total);
            expect(shares.every((s) => s.cents >= 0)).toBe(true);
          }
        },
      ),
    );
  });

  it('never gives a member more than one cent above its exact share', () => {
    const shares = splitCents(10, [
      { space: 'A', weight: 1n },
      { space: 'B', weight: 1n },
      { space: 'C', weight: 1n },
    ]);
    expect(shares.map((s) => s.cents)).toEqual([4, 3, 3]);
  });

  it('validates keys: fixed must be 100%, per-inhabitant needs date and source, members once', () => {
    expect(
      allocationKeySchema.safeParse({ method: 'fixed', weights: [{ space: 'GM0233', weight: 5000 }] })
        .success,
    ).toBe(false);
    expect(
      allocationKeySchema.safeParse({
        method: 'per_inhabitant',
        weights: members.map((space) => ({ space, weight: 1 })),
      }).error?.issues[0]?.path,
    ).toEqual(['referenceDate']);
    expect(
      allocationKeySchema.safeParse({
        method: 'usage',
        weights: [
          { space: 'GM0233', weight: 1 },
          { space: 'GM0233', weight: 2 },
        ],
      }).success,
    ).toBe(false);
  });
});
