import { describe, expect, it } from 'vitest';
import {
  activeRealisations,
  burnDown,
  correctRealisation,
  countedCents,
  newlyCrossed,
  type Realisation,
  realisationCorrectionSchema,
} from './budget.ts';

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

describe('correcting a realisation', () => {
  const entry: Realisation = {
    id: 'r1',
    agreementId: 'a1',
    period: '2026-10',
    amountCents: 50_000,
    volume: 5,
    productLineId: 'l1',
    recordedAt: '2026-11-01T10:00:00.000Z',
    recordedBy: 'kompas.reporter',
    side: 'provider',
  };
  const at = '2026-11-02T10:00:00.000Z';

  it('moves the spend by the difference and signals a threshold the correction crosses', () => {
    const effect = correctRealisation(
      entry,
      { expectedVersion: 1, realisation: { period: '2026-11', amountCents: 90_000 }, reason: 'typfout' },
      { spentCents: 70_000, signalled: [] },
      100_000,
      'ermelo.contractmanager',
      at,
    );
    expect(effect.spentCents).toBe(110_000);
    expect(effect.crossed).toEqual([80, 100]);
    expect(effect.withdrawn).toEqual([]);
    expect(effect.signalled).toEqual([80, 100]);
    expect(effect.next).toEqual({
      id: 'r1',
      agreementId: 'a1',
      recordedAt: entry.recordedAt,
      recordedBy: 'kompas.reporter',
      side: 'provider',
      period: '2026-11',
      amountCents: 90_000,
      version: 2,
      correctedAt: at,
      correctedBy: 'ermelo.contractmanager',
      correctionReason: 'typfout',
    });
  });

  it('reverses an entry: it stays readable, counts nothing, and withdraws signals no longer reached', () => {
    const effect = correctRealisation(
      { ...entry, version: 3 },
      { expectedVersion: 3, realisation: null, reason: 'dubbel ingevoerd' },
      { spentCents: 90_000, signalled: [80] },
      100_000,
      'kompas.reporter',
      at,
    );
    expect(effect.spentCents).toBe(40_000);
    expect(effect.withdrawn).toEqual([80]);
    expect(effect.signalled).toEqual([]);
    expect(effect.crossed).toEqual([]);
    expect(effect.next).toMatchObject({ amountCents: 50_000, volume: 5, version: 4, reversedAt: at });
    expect(countedCents(effect.next)).toBe(0);
    expect(activeRealisations([entry, effect.next])).toEqual([entry]);
  });

  it('keeps a signal whose threshold is still reached, and signals nothing without a ceiling', () => {
    const down = correctRealisation(
      entry,
      { expectedVersion: 1, realisation: { period: '2026-10', amountCents: 40_000 }, reason: 'x' },
      { spentCents: 95_000, signalled: [80] },
      100_000,
      'a',
      at,
    );
    expect(down).toMatchObject({ spentCents: 85_000, withdrawn: [], signalled: [80], crossed: [] });
    const none = correctRealisation(
      entry,
      { expectedVersion: 1, realisation: { period: '2026-10', amountCents: 900_000 }, reason: 'x' },
      { spentCents: 50_000, signalled: [] },
      null,
      'a',
      at,
    );
    expect(none).toMatchObject({ spentCents: 900_000, crossed: [], signalled: [] });
  });

  it('uses the configured thresholds', () => {
    const effect = correctRealisation(
      entry,
      { expectedVersion: 1, realisation: { period: '2026-10', amountCents: 60_000 }, reason: 'x' },
      { spentCents: 50_000, signalled: [] },
      100_000,
      'a',
      at,
      [55, 90],
    );
    expect(effect.crossed).toEqual([55]);
  });

  it('refuses a stale version and a reversed entry', () => {
    const input = { expectedVersion: 1, realisation: null, reason: 'x' };
    const totals = { spentCents: 50_000, signalled: [] };
    expect(() => correctRealisation({ ...entry, version: 2 }, input, totals, 1, 'a', at)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => correctRealisation({ ...entry, reversedAt: at }, input, totals, 1, 'a', at)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });

  it('accepts only a bounded, strict correction input', () => {
    const valid = {
      agreementId: 'a1',
      realisationId: 'r1',
      expectedVersion: 1,
      realisation: null,
      reason: 'x',
    };
    expect(realisationCorrectionSchema.safeParse(valid).success).toBe(true);
    expect(realisationCorrectionSchema.safeParse({ ...valid, reason: '' }).success).toBe(false);
    expect(realisationCorrectionSchema.safeParse({ ...valid, reason: 'x'.repeat(501) }).success).toBe(false);
    expect(realisationCorrectionSchema.safeParse({ ...valid, expectedVersion: 0 }).success).toBe(false);
    expect(realisationCorrectionSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(
      realisationCorrectionSchema.safeParse({ ...valid, realisation: { period: '2026-13', amountCents: 1 } })
        .success,
    ).toBe(false);
  });
});
