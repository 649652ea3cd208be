import { describe, expect, it } from 'vitest';
import { burnDown, newlyCrossed } from './budget.ts';

describe('budget burn-down', () => {
  const realisations = [
    { period: '2026-01', amountCents: 10_000 },
    { period: '2026-02', amountCents: 10_000 },
    { period: '2026-03', amountCents: 20_000 },
    { period: '2025-12', amountCents: 99_999 }, // another year: not counted
  ];

  it('sums the year, forecasts from the run rate and names crossed thresholds', () => {
    const b = burnDown(100_000, 2026, realisations, '2026-03');
    expect(b).toMatchObject({
      spentCents: 40_000,
      remainingCents: 60_000,
      usedBasisPoints: 4000,
      forecastCents: 160_000,
    });
    expect(b.crossed).toEqual([]);
    expect(b.forecastCrosses).toEqual([80, 100]);
    expect(b.months.map((m) => m.cumulativeCents)).toEqual([10_000, 20_000, 40_000]);
  });

  it('counts elapsed months without data in the run rate', () => {
    expect(burnDown(100_000, 2026, realisations, '2026-06').forecastCents).toBe(80_000);
  });

  it('signals 80% and 100% once, when a realisation crosses them', () => {
    expect(newlyCrossed(100_000, 70_000, 85_000)).toEqual([80]);
    expect(newlyCrossed(100_000, 85_000, 90_000)).toEqual([]);
    expect(newlyCrossed(100_000, 79_999, 100_000)).toEqual([80, 100]);
    expect(newlyCrossed(100_000, 0, 50_000, [50])).toEqual([50]);
  });

  it('treats a past year as complete', () => {
    const b = burnDown(120_000, 2025, [{ period: '2025-03', amountCents: 30_000 }], '2026-11');
    expect(b.forecastCents).toBe(30_000);
    expect(b.crossed).toEqual([]);
  });
});
