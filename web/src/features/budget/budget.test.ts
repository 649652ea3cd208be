import { describe, expect, it } from 'vitest';
import { agreementYears, budgetLevel, defaultYear, regionMembers, shareOf } from '../../lib/budget/model';
import { validateForm } from '../../lib/form-schema';
import { parseMonth } from '../../lib/format';
import { correctionSchema, correctionValues, emptyRealisation, realisationSchema } from './budget-form';
import { burnDownGeometry, pointsAttribute, scaleFor } from './burndown';

const err = (name: string) => `budget.errors.${name}`;

describe('the member of a realisation on a region’s agreement (issue 16 point 4)', () => {
  const members = ['GM0233', 'GM0243', 'GM0050'];
  const regional = realisationSchema('nl-NL', [], members);

  it('sends the chosen member, and none when the field is left on “geen gemeente”', async () => {
    expect(
      await validateForm(regional, {
        ...emptyRealisation('2026-03'),
        amountCents: '1.250,00',
        member: 'GM0243',
      }),
    ).toEqual({ ok: true, value: { period: '2026-03', amountCents: 125_000, member: 'GM0243' } });
    expect(await validateForm(regional, { ...emptyRealisation('2026-03'), amountCents: '1' })).toEqual({
      ok: true,
      value: { period: '2026-03', amountCents: 100 },
    });
  });

  it('refuses a municipality outside the region, and any member on another agreement', async () => {
    const outside = await validateForm(regional, {
      ...emptyRealisation('2026-03'),
      amountCents: '1',
      member: 'GM0344',
    });
    expect(outside.ok ? {} : outside.errors).toEqual({ member: err('memberUnknown') });
    const malformed = await validateForm(regional, {
      ...emptyRealisation('2026-03'),
      amountCents: '1',
      member: 'gemeente',
    });
    expect(malformed.ok ? {} : malformed.errors).toEqual({ member: err('memberUnknown') });
  });

  it('keeps an entry’s member when it is corrected', async () => {
    const values = correctionValues({ period: '2026-03', amountCents: 125_000, member: 'GM0050' }, 'nl-NL');
    expect(values.realisation.member).toBe('GM0050');
    const schema = correctionSchema(
      { agreementId: 'rnv-ict-01', realisationId: 'r-1', expectedVersion: 1 },
      'nl-NL',
      [],
      members,
    );
    const result = await validateForm(schema, { ...values, reason: 'Bedrag verkeerd' });
    expect(result.ok ? result.value.realisation : null).toEqual({
      period: '2026-03',
      amountCents: 125_000,
      member: 'GM0050',
    });
  });

  it('lists the region’s members only on an agreement the region owns', () => {
    const me = {
      reach: [
        { space: 'GM0233', kind: 'municipality' },
        {
          space: 'RGNOORDVELUWE',
          kind: 'region',
          members: [
            { space: 'GM0233', name: 'Gemeente Ermelo' },
            { space: 'GM0243', name: 'Gemeente Harderwijk' },
          ],
        },
      ],
    };
    expect(regionMembers(me, 'RGNOORDVELUWE').map((m) => m.space)).toEqual(['GM0233', 'GM0243']);
    expect(regionMembers(me, 'GM0233')).toEqual([]);
    expect(regionMembers(undefined, 'RGNOORDVELUWE')).toEqual([]);
  });
});

describe('the realisation form, checked with the API’s schema', () => {
  const lines = ['jh-45a12'];
  const schema = realisationSchema('nl-NL', lines);

  it('reads a month as the month field gives it, or as people type it', () => {
    expect(parseMonth('2026-11')).toBe('2026-11');
    expect(parseMonth(' 11-2026 ')).toBe('2026-11');
    expect(parseMonth('3/2026')).toBe('2026-03');
    expect(parseMonth('2026/3')).toBe('2026-03');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('november')).toBeNull();
  });

  it('builds the API input from euros, leaving out what is empty', async () => {
    expect(await validateForm(schema, { ...emptyRealisation('2026-11'), amountCents: '70.000,00' })).toEqual({
      ok: true,
      value: { period: '2026-11', amountCents: 7_000_000 },
    });
    expect(
      await validateForm(schema, {
        period: '2026-10',
        amountCents: '8.000',
        volume: '1.200',
        productLineId: 'jh-45a12',
        note: ' Correctie oktober ',
        member: '',
      }),
    ).toEqual({
      ok: true,
      value: {
        period: '2026-10',
        amountCents: 800_000,
        volume: 1200,
        productLineId: 'jh-45a12',
        note: 'Correctie oktober',
      },
    });
  });

  it('names every field that is wrong', async () => {
    const result = await validateForm(schema, {
      period: '13-2026',
      amountCents: '-5',
      volume: '2,5',
      productLineId: 'nope',
      note: 'x'.repeat(501),
      member: '',
    });
    expect(result.ok ? {} : result.errors).toEqual({
      period: err('monthInvalid'),
      amountCents: err('amountNegative'),
      volume: err('volumeInvalid'),
      note: err('noteTooLong'),
    });
    const line = await validateForm(schema, {
      ...emptyRealisation('2026-11'),
      amountCents: '1',
      productLineId: 'nope',
    });
    expect(line.ok ? {} : line.errors).toEqual({ productLineId: err('lineUnknown') });
    const tooMany = await validateForm(schema, {
      ...emptyRealisation('2026-11'),
      amountCents: '1',
      volume: '100000001',
    });
    expect(tooMany.ok ? {} : tooMany.errors).toEqual({ volume: err('volumeInvalid') });
    const empty = await validateForm(schema, emptyRealisation(''));
    expect(empty.ok ? {} : empty.errors).toEqual({
      period: err('monthRequired'),
      amountCents: err('amountRequired'),
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
