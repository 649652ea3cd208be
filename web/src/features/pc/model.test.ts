import { describe, expect, it } from 'vitest';
import { paragraphDefaultYear } from './model';

describe('paragraphDefaultYear', () => {
  it('is the year before the current Dutch year, also on New Year’s Eve in UTC', () => {
    expect(paragraphDefaultYear(new Date('2026-12-02T12:00:00Z'))).toBe(2025);
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(paragraphDefaultYear(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
  });
});

import type { PcView } from '@regie/core/browser';
import { validateForm } from '../../lib/form-schema';
import {
  financialsDefaults,
  financialsField,
  financialsSchema,
  indicatorField,
  indicatorIdFor,
  indicatorsDefaults,
  indicatorsSchema,
  newIndicatorRow,
  profileDefaults,
  profileSchema,
} from './forms';

const view = {
  agreementId: 'rnv-gr-01',
  year: 2025,
  version: 7,
  setVersion: 2,
  yearVersion: 3,
  indicators: [
    {
      id: 'ind-uitstroom',
      name: 'Uitstroom naar werk',
      type: 'outcome',
      unit: '%',
      direction: 'higher_is_better',
      baseline: { value: 18.5, year: 2023 },
      target: null,
      realised: null,
      outcome: null,
    },
  ],
  members: [
    { space: 'GM0233', name: 'Gemeente Ermelo', state: 'agreed', agreedVersion: 2 },
    { space: 'GM0243', name: 'Gemeente Harderwijk', state: 'agreed', agreedVersion: 2 },
  ],
  agreedCount: 2,
  memberCount: 2,
  agreedByAll: true,
  profile: null,
  financials: {
    equityStartCents: 420_000_000,
    equityEndCents: -1_050,
    debtStartCents: 0,
    debtEndCents: 12_345,
    resultCents: 45_000_000,
    uncoveredRisks: 'Open-einderegelingen jeugd',
    provisional: false,
    interests: [{ member: 'GM0243', startCents: 100, endCents: 200 }],
  },
  canEdit: true,
  canAgreeFor: ['GM0233', 'GM0243'],
} satisfies PcView;

describe('the indicator set form', () => {
  const schema = indicatorsSchema({ agreementId: 'rnv-gr-01', expectedVersion: 7 }, 'nl-NL');

  it('shows the stored set in Dutch notation and sends it back unchanged', async () => {
    const values = indicatorsDefaults(view, 'nl-NL');
    expect(values.indicators[0]).toMatchObject({ baselineValue: '18,5', baselineYear: '2023' });
    const result = await validateForm(schema, values);
    expect(result).toEqual({
      ok: true,
      value: {
        agreementId: 'rnv-gr-01',
        expectedVersion: 7,
        indicators: [
          {
            id: 'ind-uitstroom',
            name: 'Uitstroom naar werk',
            type: 'outcome',
            unit: '%',
            direction: 'higher_is_better',
            baseline: { value: 18.5, year: 2023 },
          },
        ],
      },
    });
  });

  it('starts an empty set with one new row', () => {
    expect(indicatorsDefaults({ indicators: [] }, 'nl-NL').indicators).toEqual([newIndicatorRow()]);
  });

  it('gives a new row an id from its name that no other row has', async () => {
    expect(indicatorIdFor('Cliënttevredenheid (%)', new Set())).toBe('ind-clienttevredenheid');
    expect(indicatorIdFor('Uitstroom', new Set(['ind-uitstroom']))).toBe('ind-uitstroom-2');
    expect(indicatorIdFor('???', new Set())).toBe('ind');
    const values = indicatorsDefaults(view, 'nl-NL');
    values.indicators.push({ ...newIndicatorRow(), name: 'Uitstroom', unit: 'cliënten', type: 'output' });
    values.indicators.push({ ...newIndicatorRow(), name: 'Uitstroom', unit: 'cliënten', type: 'input' });
    const result = await validateForm(schema, values);
    expect(result.ok && result.value.indicators.map((i) => i.id)).toEqual([
      'ind-uitstroom',
      'ind-uitstroom-2',
      'ind-uitstroom-3',
    ]);
  });

  it('says at the field what core refuses: a missing baseline, an unreadable one, an empty name', async () => {
    const values = indicatorsDefaults(view, 'nl-NL');
    values.indicators.push({ ...newIndicatorRow(), name: 'Tevredenheid', unit: '%', type: 'outcome' });
    values.indicators.push({
      ...newIndicatorRow(),
      name: ' ',
      unit: 'x',
      baselineValue: 'veel',
      baselineYear: '1999',
    });
    const result = await validateForm(schema, values);
    expect(result).toEqual({
      ok: false,
      errors: {
        'indicators.1.baselineValue': 'pc.errors.baselineRequired',
        'indicators.2.name': 'pc.errors.name',
        'indicators.2.baselineValue': 'pc.errors.baselineValue',
        'indicators.2.baselineYear': 'pc.errors.baselineYear',
      },
    });
  });

  it('refuses an empty set as a whole', async () => {
    const result = await validateForm(schema, { indicators: [] });
    expect(result).toEqual({ ok: false, errors: { indicators: 'pc.errors.indicatorCount' } });
  });

  it("maps the server's paths to the form's fields", () => {
    expect(indicatorField('indicators.3.baseline')).toBe('indicators.3.baselineValue');
    expect(indicatorField('indicators.3.baseline.year')).toBe('indicators.3.baselineYear');
    expect(indicatorField('indicators.3.unit')).toBe('indicators.3.unit');
  });
});

describe('the verbonden-partij profile form', () => {
  const schema = profileSchema({ agreementId: 'rnv-gr-01', expectedVersion: 7 });

  it('defaults to a GR and sends the trimmed texts', async () => {
    const values = profileDefaults({ profile: null });
    expect(values.legalForm).toBe('gemeenschappelijke_regeling');
    const result = await validateForm(schema, {
      ...values,
      publicInterest: ' Uitvoering Participatiewet ',
      governanceInterest: 'Eén zetel in het AB',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        agreementId: 'rnv-gr-01',
        expectedVersion: 7,
        profile: {
          legalForm: 'gemeenschappelijke_regeling',
          publicInterest: 'Uitvoering Participatiewet',
          governanceInterest: 'Eén zetel in het AB',
          shareMemberRows: false,
        },
      },
    });
  });

  it('names the empty texts', async () => {
    const result = await validateForm(schema, profileDefaults({ profile: null }));
    expect(result).toEqual({
      ok: false,
      errors: {
        publicInterest: 'pc.errors.publicInterest',
        governanceInterest: 'pc.errors.governanceInterest',
      },
    });
  });
});

describe("a year's figures form", () => {
  const schema = financialsSchema({ agreementId: 'rnv-gr-01', year: 2025, expectedVersion: 3 }, 'nl-NL');

  it('shows the stored figures as euros, negative ones too, and reads them back to the cent', async () => {
    const values = financialsDefaults(view, 'nl-NL');
    expect(values).toMatchObject({
      equityStart: '4.200.000,00',
      equityEnd: '-10,50',
      status: 'definitive',
      interests: [
        { member: 'GM0233', start: '', end: '' },
        { member: 'GM0243', start: '1,00', end: '2,00' },
      ],
    });
    const result = await validateForm(schema, { ...values, result: '−1.234,56', status: 'provisional' });
    expect(result).toEqual({
      ok: true,
      value: {
        agreementId: 'rnv-gr-01',
        year: 2025,
        expectedVersion: 3,
        financials: {
          equityStartCents: 420_000_000,
          equityEndCents: -1_050,
          debtStartCents: 0,
          debtEndCents: 12_345,
          resultCents: -123_456,
          uncoveredRisks: 'Open-einderegelingen jeugd',
          provisional: true,
          // Ermelo's amounts are empty: its interest is its share of the equity.
          interests: [{ member: 'GM0243', startCents: 100, endCents: 200 }],
        },
      },
    });
  });

  it('says which amounts and choices are missing or unreadable, an interest at its own row', async () => {
    const values = financialsDefaults({ financials: null, members: view.members }, 'nl-NL');
    values.equityStart = 'vier miljoen';
    values.interests[1] = { member: 'GM0243', start: '10', end: '' };
    const result = await validateForm(schema, values);
    expect(result).toEqual({
      ok: false,
      errors: {
        equityStart: 'pc.errors.amount',
        equityEnd: 'pc.errors.amount',
        debtStart: 'pc.errors.amount',
        debtEnd: 'pc.errors.amount',
        result: 'pc.errors.amount',
        uncoveredRisks: 'pc.errors.uncoveredRisks',
        status: 'pc.errors.status',
        'interests.1.end': 'pc.errors.amount',
      },
    });
  });

  it("maps the server's paths to the form's fields, an interest by the rows that were sent", () => {
    expect(financialsField('financials.resultCents', [])).toBe('result');
    expect(financialsField('financials.provisional', [])).toBe('status');
    expect(financialsField('financials.interests.0.endCents', [1])).toBe('interests.1.end');
    expect(financialsField('financials.interests.4.endCents', [1])).toBe('root');
  });
});
