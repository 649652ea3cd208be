import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import {
  canCorrect,
  canReport,
  forecastThreshold,
  realisationStatus,
  settlementKind,
  signalAmounts,
  signalKey,
  signalMessage,
  warningThreshold,
} from '../../lib/budget/model';
import { validateForm } from '../../lib/form-schema';
import { correctionSchema, correctionValues, yearCeilingRows, yearCeilingsSchemaFor } from './budget-form';
import { burnDownGeometry } from './burndown';

describe('correcting a realisation in the web app', () => {
  const entry = {
    period: '2026-10',
    amountCents: 800_000,
    volume: 12,
    productLineId: 'jh-45a12',
    note: 'okt',
  };
  const target = { agreementId: 'erm-jh-2025', realisationId: 'r-1', expectedVersion: 2 };
  const schema = correctionSchema(target, 'nl-NL', ['jh-45a12']);

  it('prefills the form with the entry in Dutch number format', () => {
    expect(correctionValues(entry, 'nl-NL')).toEqual({
      realisation: {
        period: '2026-10',
        amountCents: '8.000,00',
        volume: '12',
        productLineId: 'jh-45a12',
        note: 'okt',
        member: '',
      },
      reason: '',
      reverse: false,
    });
  });

  it('sends the corrected entry with a trimmed reason, or null to reverse', async () => {
    const values = correctionValues(entry, 'nl-NL');
    const typed = {
      ...values,
      realisation: { ...values.realisation, amountCents: '800,00' },
      reason: ' Typfout ',
    };
    expect(await validateForm(schema, typed)).toEqual({
      ok: true,
      value: {
        ...target,
        realisation: {
          period: '2026-10',
          amountCents: 80_000,
          volume: 12,
          productLineId: 'jh-45a12',
          note: 'okt',
        },
        reason: 'Typfout',
      },
    });
    const reversal = { ...typed, realisation: { ...typed.realisation, amountCents: 'x' }, reverse: true };
    expect(await validateForm(schema, reversal)).toEqual({
      ok: true,
      value: { ...target, realisation: null, reason: 'Typfout' },
    });
  });

  it('needs a reason, and valid fields unless reversing', async () => {
    const values = correctionValues(entry, 'nl-NL');
    const result = await validateForm(schema, {
      ...values,
      realisation: { ...values.realisation, amountCents: 'veel' },
    });
    expect(result.ok ? {} : result.errors).toEqual({
      reason: 'bounds.correction.errors.reasonRequired',
      'realisation.amountCents': 'budget.errors.amountInvalid',
    });
    const long = await validateForm(schema, { ...values, reason: 'x'.repeat(501), reverse: true });
    expect(long.ok ? {} : long.errors).toEqual({ reason: 'bounds.correction.errors.reasonTooLong' });
  });
});

describe('the budget helpers', () => {
  it('names an entry’s status', () => {
    expect(realisationStatus({})).toBe('valid');
    expect(realisationStatus({ correctedAt: 'x' })).toBe('corrected');
    expect(realisationStatus({ correctedAt: 'x', reversedAt: 'x' })).toBe('reversed');
  });

  it('tells who may correct and who reports in the portal', () => {
    expect(canCorrect({ roles: ['contractmanager'] })).toBe(true);
    expect(canCorrect({ roles: ['provider_reporter'] })).toBe(true);
    expect(canCorrect({ roles: ['viewer'] })).toBe(false);
    expect(canCorrect(undefined)).toBe(false);
    expect(canReport({ roles: ['provider_reporter'] })).toBe(true);
    expect(canReport({ roles: ['provider_signer'] })).toBe(false);
  });

  it('settles a member: back, to pay, or nothing', () => {
    expect(settlementKind(100)).toBe('refund');
    expect(settlementKind(-1)).toBe('due');
    expect(settlementKind(0)).toBe('settled');
  });

  it('names the highest threshold the forecast reaches', () => {
    expect(forecastThreshold([])).toBeNull();
    expect(forecastThreshold([50, 90])).toBe(90);
  });
});

describe('ceilings per year', () => {
  const schema = yearCeilingsSchemaFor('nl-NL');
  const key = (name: string) => `bounds.yearCeilings.errors.${name}`;

  it('round-trips the stored ceilings through the rows', async () => {
    const rows = yearCeilingRows(
      [
        { year: 2027, cents: 60_000_000 },
        { year: 2026, cents: 40_000_000 },
      ],
      'nl-NL',
    );
    expect(rows.map((r) => [r.year, r.cents])).toEqual([
      ['2027', '600.000,00'],
      ['2026', '400.000,00'],
    ]);
    expect(await validateForm(schema, { yearCeilings: rows })).toEqual({
      ok: true,
      value: [
        { year: 2027, cents: 60_000_000 },
        { year: 2026, cents: 40_000_000 },
      ],
    });
  });

  it('names each wrong field by its path', async () => {
    const rows = [
      { year: '2026', cents: '1,00' },
      { year: '2026', cents: '' },
      { year: '1999', cents: '-5' },
      { year: '20x6', cents: '1' },
    ];
    const result = await validateForm(schema, { yearCeilings: rows });
    expect(result.ok ? {} : result.errors).toEqual({
      'yearCeilings.1.year': key('yearDuplicate'),
      'yearCeilings.1.cents': key('amountInvalid'),
      'yearCeilings.2.year': key('yearInvalid'),
      'yearCeilings.2.cents': key('amountInvalid'),
      'yearCeilings.3.year': key('yearInvalid'),
    });
    // The repeated year is named at its own row.
    const twice = await validateForm(schema, {
      yearCeilings: [
        { year: '2026', cents: '1,00' },
        { year: '2026', cents: '2,00' },
      ],
    });
    expect(twice.ok ? {} : twice.errors).toEqual({ 'yearCeilings.1.year': key('yearDuplicate') });
    const many = Array.from({ length: 31 }, (_, i) => ({ year: String(2000 + i), cents: '1' }));
    const tooMany = await validateForm(schema, { yearCeilings: many });
    expect(tooMany.ok ? {} : tooMany.errors).toEqual({ yearCeilings: key('tooMany') });
  });
});

describe('the burn-down’s warning line', () => {
  it('follows the tenant’s lowest threshold under 100%', () => {
    expect(warningThreshold([80, 100])).toBe(80);
    expect(warningThreshold([50, 90, 100])).toBe(50);
    expect(warningThreshold([100, 120])).toBe(80);
  });

  it('draws the line at that share of the ceiling', () => {
    const data = { ceilingCents: 100_000, months: [], forecastCents: 0 } as unknown as Parameters<
      typeof burnDownGeometry
    >[0];
    const at80 = burnDownGeometry(data).eightyY;
    const at50 = burnDownGeometry(data, undefined, 0.5).eightyY;
    expect(at50).toBeGreaterThan(at80);
  });
});

describe('a budget signal of a year ceiling', () => {
  const overall = { agreementId: 'a1', threshold: 80 };
  const year = { agreementId: 'a1', threshold: 80, year: 2026 };

  it('reads as the year ceiling, and the overall ceiling as the place says it', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'nl',
      resources: { nl: { translation: nl }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const say = (language: string, m: { key: string; values: Record<string, unknown> }) =>
      (i18n.getFixedT(language) as unknown as (key: string, values: object) => string)(m.key, m.values);
    expect(say('nl', signalMessage(year, 'budget.signals.threshold'))).toBe(
      '80% van het jaarplafond 2026 bereikt',
    );
    expect(say('en', signalMessage(year, 'budget.signals.threshold'))).toBe(
      '80% of the 2026 year ceiling reached',
    );
    expect(say('nl', signalMessage(overall, 'budget.signals.threshold'))).toBe('80% van het plafond bereikt');
    expect(say('nl', signalMessage(overall, 'dashboard.ceilingRow'))).toBe('80% van het plafond bereikt');
    expect(say('nl', { key: 'bounds.yearWithdrawn', values: { year: 2026, threshold: 80 } })).toBe(
      'Het signaal bij 80% van het jaarplafond 2026 is ingetrokken: de besteding in 2026 ligt daar weer onder.',
    );
    // A product line's money or volume ceiling names the line by its product code.
    const amount = { ...overall, line: { id: 'l1', productCode: '45A12', measure: 'amount' as const } };
    const volume = {
      ...overall,
      threshold: 100,
      line: { id: 'l1', productCode: '45A12', measure: 'volume' as const },
    };
    expect(say('nl', signalMessage(amount, 'budget.signals.threshold'))).toBe(
      '80% van het plafond van productregel 45A12 bereikt',
    );
    expect(say('en', signalMessage(volume, 'dashboard.ceilingRow'))).toBe(
      '100% of the volume ceiling of product line 45A12 reached',
    );
    expect(
      say(
        'nl',
        signalAmounts(
          { spentCents: 0, ceilingCents: 0, volume: 5700, volumeCeiling: 7000 },
          'budget.signals.spentValue',
          'nl-NL',
        ),
      ),
    ).toBe('5.700 van 7.000 eenheden');
    expect(
      say(
        'nl',
        signalAmounts({ spentCents: 850_000, ceilingCents: 1_000_000 }, 'budget.signals.spentValue', 'nl-NL'),
      ),
    ).toMatch(/^€\s8\.500,00 van €\s10\.000,00$/);
    expect(signalKey(amount)).toBe('a1-l1-amount-80');
    expect(signalKey(volume)).toBe('a1-l1-volume-100');
  });

  it('keys a row per threshold, and per year for a year ceiling', () => {
    expect(signalKey(overall)).toBe('a1-80');
    expect(signalKey(year)).toBe('a1-2026-80');
  });
});
