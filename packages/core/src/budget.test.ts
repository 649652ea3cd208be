import { describe, expect, it } from 'vitest';
import { correctRealisation, type Realisation, realisationCorrectionSchema } from './budget.ts';
import { burnDown, newlyCrossed } from './budget-signals.ts';
import {
  activeRealisations,
  type BudgetTotals,
  countedCents,
  lineEffect,
  lineTotalsOf,
  recheckCeilings,
  yearEffect,
  yearTotalsOf,
} from './budget-totals.ts';

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

describe('signals against a year ceiling', () => {
  const ceilings = [
    { year: 2026, cents: 100_000 },
    { year: 2027, cents: 200_000 },
  ];
  const entry = (period: string, amountCents: number) => ({ period, amountCents });

  it('signals a threshold of the year ceiling once per year, and keeps the years apart', () => {
    const first = yearEffect({}, null, entry('2026-03', 85_000), ceilings);
    expect(first.crossed).toEqual([{ year: 2026, threshold: 80 }]);
    expect(first.withdrawn).toEqual([]);
    expect(first.years).toEqual({ '2026': { spentCents: 85_000, signalled: [80] } });
    expect(first.moved).toEqual([{ year: 2026, before: 0, after: 85_000 }]);

    const again = yearEffect(first, null, entry('2026-04', 5_000), ceilings);
    expect(again.crossed).toEqual([]);
    expect(again.years['2026']).toEqual({ spentCents: 90_000, signalled: [80] });

    // 2027 has its own ceiling and its own signals: 85,000 of 200,000 is not 80% of it.
    const other = yearEffect(again, null, entry('2027-01', 85_000), ceilings);
    expect(other.crossed).toEqual([]);
    expect(other.years).toEqual({
      '2026': { spentCents: 90_000, signalled: [80] },
      '2027': { spentCents: 85_000, signalled: [] },
    });
    const both = yearEffect(other, null, entry('2027-02', 115_000), ceilings);
    expect(both.crossed).toEqual([
      { year: 2027, threshold: 80 },
      { year: 2027, threshold: 100 },
    ]);
    expect(both.years['2026']).toEqual({ spentCents: 90_000, signalled: [80] });
  });

  it('moves a corrected entry to another year: the old year withdraws, the new year signals', () => {
    const totals = { years: { '2026': { spentCents: 90_000, signalled: [80] } } };
    const effect = yearEffect(totals, entry('2026-12', 50_000), entry('2027-01', 170_000), ceilings);
    expect(effect.years).toEqual({
      '2026': { spentCents: 40_000, signalled: [] },
      '2027': { spentCents: 170_000, signalled: [80] },
    });
    expect(effect.withdrawn).toEqual([{ year: 2026, threshold: 80 }]);
    expect(effect.crossed).toEqual([{ year: 2027, threshold: 80 }]);
    expect(effect.moved).toEqual([
      { year: 2026, before: 90_000, after: 40_000 },
      { year: 2027, before: 0, after: 170_000 },
    ]);
  });

  it('corrects within a year by the difference, keeping a signal still reached', () => {
    const totals = { years: { '2026': { spentCents: 95_000, signalled: [80] } } };
    const down = yearEffect(totals, entry('2026-05', 20_000), entry('2026-05', 10_000), ceilings);
    expect(down).toMatchObject({ crossed: [], withdrawn: [] });
    expect(down.years['2026']).toEqual({ spentCents: 85_000, signalled: [80] });
    const up = yearEffect(totals, entry('2026-05', 20_000), entry('2026-05', 30_000), ceilings);
    expect(up.crossed).toEqual([{ year: 2026, threshold: 100 }]);
    expect(up.years['2026']).toEqual({ spentCents: 105_000, signalled: [80, 100] });
  });

  it('withdraws on a reversal, so a later crossing signals again', () => {
    const totals = { years: { '2026': { spentCents: 90_000, signalled: [80] } } };
    const reversed = yearEffect(
      totals,
      entry('2026-05', 30_000),
      { ...entry('2026-05', 30_000), reversedAt: '2026-06-01T00:00:00.000Z' },
      ceilings,
    );
    expect(reversed.withdrawn).toEqual([{ year: 2026, threshold: 80 }]);
    expect(reversed.years['2026']).toEqual({ spentCents: 60_000, signalled: [] });
    expect(yearEffect(totals, entry('2026-05', 30_000), null, ceilings).years['2026']).toEqual({
      spentCents: 60_000,
      signalled: [],
    });
    const later = yearEffect(reversed, null, entry('2026-07', 25_000), ceilings);
    expect(later.crossed).toEqual([{ year: 2026, threshold: 80 }]);
  });

  it('keeps the total of a year without a ceiling but signals nothing for it', () => {
    const effect = yearEffect({}, null, entry('2030-01', 10_000_000), ceilings);
    expect(effect.crossed).toEqual([]);
    expect(effect.years).toEqual({ '2030': { spentCents: 10_000_000, signalled: [] } });
    expect(yearEffect({}, null, entry('2026-01', 10_000_000), []).crossed).toEqual([]);
  });

  it('uses the configured thresholds', () => {
    expect(yearEffect({}, null, entry('2026-01', 55_000), ceilings, [50, 90]).crossed).toEqual([
      { year: 2026, threshold: 50 },
    ]);
  });

  it('works from totals kept before years existed, seeded from the entries once', () => {
    const old: BudgetTotals = { spentCents: 70_000, signalled: [] };
    expect(yearEffect(old, null, entry('2026-02', 85_000), ceilings).crossed).toEqual([
      { year: 2026, threshold: 80 },
    ]);
    const seeded = yearTotalsOf([
      entry('2025-11', 10_000),
      entry('2026-01', 60_000),
      { ...entry('2026-02', 99_000), reversedAt: '2026-03-01T00:00:00.000Z' },
    ]);
    expect(seeded).toEqual({
      '2025': { spentCents: 10_000, signalled: [] },
      '2026': { spentCents: 60_000, signalled: [] },
    });
    expect(yearEffect({ years: seeded }, null, entry('2026-03', 20_000), ceilings)).toMatchObject({
      crossed: [{ year: 2026, threshold: 80 }],
      years: { '2026': { spentCents: 80_000, signalled: [80] } },
    });
  });
});

describe('line ceilings: amount and volume per product line (SPEC 4.4)', () => {
  const lines = [
    { id: 'l1', moneyCeilingCents: 100_000, volumeCeiling: 50 },
    { id: 'l2', moneyCeilingCents: null, volumeCeiling: 10 },
    { id: 'l3' },
  ];
  const on = (productLineId: string | undefined, amountCents: number, volume?: number) => ({
    productLineId,
    amountCents,
    ...(volume === undefined ? {} : { volume }),
  });

  it('signals each threshold of a line’s money and volume ceiling once, line by line', () => {
    const first = lineEffect({}, null, on('l1', 85_000, 20), lines);
    expect(first.crossed).toEqual([{ lineId: 'l1', measure: 'amount', threshold: 80 }]);
    expect(first.lines).toEqual({
      l1: { spentCents: 85_000, signalled: [80] },
      'l1#volume': { spentCents: 20, signalled: [] },
    });
    expect(first.moved).toEqual([
      { lineId: 'l1', measure: 'amount', before: 0, after: 85_000 },
      { lineId: 'l1', measure: 'volume', before: 0, after: 20 },
    ]);
    const more = lineEffect(first, null, on('l1', 1_000, 30), lines);
    expect(more.crossed).toEqual([
      { lineId: 'l1', measure: 'volume', threshold: 80 },
      { lineId: 'l1', measure: 'volume', threshold: 100 },
    ]);
    // A line with only a volume ceiling signals on volume; one without ceilings keeps its totals silently.
    expect(lineEffect(more, null, on('l2', 5_000_000, 8), lines).crossed).toEqual([
      { lineId: 'l2', measure: 'volume', threshold: 80 },
    ]);
    expect(lineEffect(more, null, on('l3', 5_000_000, 8), lines).crossed).toEqual([]);
  });

  it('ignores entries on no line, and a reversed entry counts for nothing', () => {
    expect(lineEffect({}, null, on(undefined, 999_999, 999), lines)).toEqual({
      lines: {},
      crossed: [],
      withdrawn: [],
      moved: [],
    });
    const totals = { lines: { l1: { spentCents: 90_000, signalled: [80] } } };
    const reversed = lineEffect(
      totals,
      on('l1', 30_000),
      { ...on('l1', 30_000), reversedAt: '2026-06-01T00:00:00.000Z' },
      lines,
    );
    expect(reversed.withdrawn).toEqual([{ lineId: 'l1', measure: 'amount', threshold: 80 }]);
    expect(reversed.lines.l1).toEqual({ spentCents: 60_000, signalled: [] });
  });

  it('moves a corrected entry to another line: the old line withdraws, the new line signals', () => {
    const totals = {
      lines: {
        l1: { spentCents: 85_000, signalled: [80] },
        'l1#volume': { spentCents: 9, signalled: [] },
      },
    };
    const effect = lineEffect(totals, on('l1', 40_000, 9), on('l2', 40_000, 9), lines);
    expect(effect.withdrawn).toEqual([{ lineId: 'l1', measure: 'amount', threshold: 80 }]);
    expect(effect.crossed).toEqual([{ lineId: 'l2', measure: 'volume', threshold: 80 }]);
    expect(effect.lines).toMatchObject({
      l1: { spentCents: 45_000, signalled: [] },
      'l1#volume': { spentCents: 0, signalled: [] },
      'l2#volume': { spentCents: 9, signalled: [80] },
    });
  });

  it('counts the lines from the entries for totals kept before line signals', () => {
    expect(
      lineTotalsOf([
        on('l1', 10_000, 2),
        on('l1', 5_000),
        on(undefined, 7_000),
        { ...on('l2', 3_000, 1), reversedAt: '2026-01-02T00:00:00.000Z' },
      ]),
    ).toEqual({ l1: { spentCents: 15_000, signalled: [] }, 'l1#volume': { spentCents: 2, signalled: [] } });
  });
});

describe('re-checking the signals when the ceilings change (SPEC 4.4)', () => {
  const totals = {
    spentCents: 90_000,
    signalled: [],
    years: { '2026': { spentCents: 90_000, signalled: [80] } },
    lines: { l1: { spentCents: 40_000, signalled: [] }, 'l1#volume': { spentCents: 45, signalled: [80] } },
  };
  const none = { valueCeilingCents: null, yearCeilings: [], productLines: [] };

  it('signals every threshold a lowered ceiling is already past, and withdraws what a raised one no longer reaches', () => {
    const check = recheckCeilings(totals, {
      valueCeilingCents: 100_000,
      yearCeilings: [{ year: 2026, cents: 1_000_000 }],
      productLines: [{ id: 'l1', moneyCeilingCents: 40_000, volumeCeiling: 50 }],
    });
    expect(check.crossed).toEqual([80]);
    expect(check.withdrawn).toEqual([]);
    expect(check.years.withdrawn).toEqual([{ year: 2026, threshold: 80 }]);
    expect(check.lines.crossed).toEqual([
      { lineId: 'l1', measure: 'amount', threshold: 80 },
      { lineId: 'l1', measure: 'amount', threshold: 100 },
    ]);
    expect(check.lines.withdrawn).toEqual([]);
    expect(check.totals).toEqual({
      spentCents: 90_000,
      signalled: [80],
      years: { '2026': { spentCents: 90_000, signalled: [] } },
      lines: {
        l1: { spentCents: 40_000, signalled: [80, 100] },
        'l1#volume': { spentCents: 45, signalled: [80] },
      },
    });
    expect(check.changed).toBe(true);
  });

  it('changes nothing when the ceilings still say the same, and withdraws all when they are removed', () => {
    const same = recheckCeilings(totals, {
      valueCeilingCents: 1_000_000,
      yearCeilings: [{ year: 2026, cents: 100_000 }],
      productLines: [{ id: 'l1', moneyCeilingCents: 1_000_000, volumeCeiling: 50 }],
    });
    expect(same.changed).toBe(false);
    const removed = recheckCeilings(totals, none);
    expect(removed.years.withdrawn).toEqual([{ year: 2026, threshold: 80 }]);
    expect(removed.lines.withdrawn).toEqual([{ lineId: 'l1', measure: 'volume', threshold: 80 }]);
    expect(removed.crossed).toEqual([]);
  });
});
