import { describe, expect, it } from 'vitest';
import { agreementYears, budgetLevel, defaultYear, shareOf } from '../../lib/budget/model';
import { emptyRealisation, parseMonth, realisationIssues, validateRealisation } from './budget-form';
import { burnDownGeometry, pointsAttribute, scaleFor } from './burndown';

describe('the realisation form', () => {
  const lines = ['jh-45a12'];

  it('reads a month as the month field gives it, or as people type it', () => {
    expect(parseMonth('2026-11')).toBe('2026-11');
    expect(parseMonth(' 11-2026 ')).toBe('2026-11');
    expect(parseMonth('3/2026')).toBe('2026-03');
    expect(parseMonth('2026/3')).toBe('2026-03');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('november')).toBeNull();
  });

  it('builds the API input from euros, leaving out what is empty', () => {
    expect(
      validateRealisation({ ...emptyRealisation('2026-11'), amount: '70.000,00' }, 'nl-NL', lines),
    ).toEqual({ ok: true, input: { period: '2026-11', amountCents: 7_000_000 } });
    expect(
      validateRealisation(
        {
          period: '2026-10',
          amount: '8.000',
          volume: '1.200',
          productLineId: 'jh-45a12',
          note: ' Correctie oktober ',
        },
        'nl-NL',
        lines,
      ),
    ).toEqual({
      ok: true,
      input: {
        period: '2026-10',
        amountCents: 800_000,
        volume: 1200,
        productLineId: 'jh-45a12',
        note: 'Correctie oktober',
      },
    });
  });

  it('names every field that is wrong', () => {
    const result = validateRealisation(
      { period: '13-2026', amount: '-5', volume: '2,5', productLineId: 'nope', note: 'x'.repeat(501) },
      'nl-NL',
      lines,
    );
    expect(result.ok ? {} : result.errors).toEqual({
      period: { key: 'monthInvalid' },
      amountCents: { key: 'amountNegative' },
      volume: { key: 'volumeInvalid' },
      productLineId: { key: 'lineUnknown' },
      note: { key: 'noteTooLong' },
    });
    const empty = validateRealisation(emptyRealisation(''), 'nl-NL', lines);
    expect(empty.ok ? {} : empty.errors).toEqual({
      period: { key: 'monthRequired' },
      amountCents: { key: 'amountRequired' },
    });
  });

  it('puts server issues on the field they name', () => {
    expect(
      realisationIssues([
        { path: 'realisation.amountCents', message: 'Too big' },
        { path: 'productLineId', message: 'This agreement has no product line with that id' },
        { path: '', message: 'Something else' },
      ]),
    ).toEqual({
      errors: { amountCents: { text: 'Too big' }, productLineId: { key: 'lineUnknown' } },
      other: ['Something else'],
    });
  });
});

describe('budget levels and shares', () => {
  it('warns from 80% and calls 100% a breach, like the register', () => {
    expect(budgetLevel(7_999)).toBe('ok');
    expect(budgetLevel(8_000)).toBe('warning');
    expect(budgetLevel(10_000)).toBe('breach');
    expect(shareOf(7_800_000, 9_600_000)).toBe(8_125);
    expect(shareOf(1, null)).toBeNull();
  });

  it('offers the years an agreement runs in, around now for a long one', () => {
    expect(agreementYears('2026-03-01', '2027-02-28')).toEqual([2026, 2027]);
    const now = new Date().getUTCFullYear();
    const long = agreementYears('2015-01-01', '2099-12-31');
    expect(long[0]).toBe(now - 5);
    expect(long.at(-1)).toBe(now + 1);
    expect(defaultYear([2026, 2027], 2026)).toBe(2026);
    expect(defaultYear([2026, 2027], 2030)).toBe(2027);
    expect(defaultYear([2026, 2027], 2020)).toBe(2026);
  });
});

describe('the burn-down chart', () => {
  const data = {
    ceilingCents: 9_600_000,
    forecastCents: 8_509_091,
    months: [
      ...Array.from({ length: 10 }, (_, i) => ({
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        cumulativeCents: 0,
      })),
      { period: '2026-11', cumulativeCents: 7_800_000 },
    ],
  };

  it('scales to the ceiling with room above it, further when the spend runs over', () => {
    expect(scaleFor(0.8)).toEqual({ top: 1.25, step: 0.25 });
    expect(scaleFor(1.3)).toEqual({ top: 1.5, step: 0.25 });
    expect(scaleFor(3)).toEqual({ top: 4, step: 1 });
  });

  it('draws the spend from the start of the year to the last month, then the forecast to December', () => {
    const g = burnDownGeometry(data, { width: 640, height: 280 });
    expect(g.plot).toEqual({ left: 56, top: 12, right: 624, bottom: 248 });
    expect(g.ticks.map((t) => t.basisPoints)).toEqual([0, 2500, 5000, 7500, 10000, 12500]);
    expect(g.ticks[0]?.y).toBe(248);
    expect(g.ticks.at(-1)?.y).toBe(12);
    // 100% of the ceiling at 4/5 of the height.
    expect(g.ceilingY).toBe(59.2);
    expect(g.spent).toHaveLength(12);
    expect(g.spent[0]).toEqual({ x: 56, y: 248 });
    expect(g.spent.at(-1)).toEqual({ x: 576.7, y: 94.6 });
    expect(g.forecast?.to.x).toBe(624);
    expect(g.monthLabels).toHaveLength(12);
    expect(pointsAttribute(g.spent.slice(0, 2))).toBe('56,248 103.3,248');
  });

  it('has no forecast line before the first month or after the last', () => {
    expect(burnDownGeometry({ ...data, months: [] }).forecast).toBeNull();
    const full = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${i + 1}`, cumulativeCents: i }));
    expect(burnDownGeometry({ ...data, months: full }).forecast).toBeNull();
  });
});
