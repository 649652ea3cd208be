import { simulate } from '@regie/core/browser';
import { describe, expect, it } from 'vitest';
import { emptyCreateValues, newLineRow, type TermsValues } from './agreement-values';
import { draftSimulation } from './draft-simulation';

const draft = (lines: Partial<ReturnType<typeof newLineRow>>[], more: Partial<TermsValues> = {}) => ({
  ...emptyCreateValues('GM0233'),
  domain: 'youth',
  startDate: '01-01-2027',
  endDate: '31-12-2027',
  productLines: lines.map((l) => ({ ...newLineRow(), ...l })),
  ...more,
});
const perUnit = {
  category: '45',
  productCode: '45a12',
  variant: 'output',
  unit: 'piece',
  frequency: 'total',
  tariffCents: '1.000,00',
};

describe('the simulator on a draft (agreement form)', () => {
  it('reads the typed terms in Dutch and the expected volume per product code', () => {
    const result = draftSimulation(draft([perUnit]), 'nl-NL', { '45A12': '40' });
    expect(result).toEqual({
      ok: true,
      input: {
        terms: {
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          valueCeilingCents: null,
          relationType: null,
          productLines: [
            {
              category: '45',
              productCode: '45a12',
              variant: 'output',
              unit: 'piece',
              frequency: 'total',
              tariffCents: 100_000,
            },
          ],
        },
        expectedVolumes: [{ lineId: 'line-1', volume: 40 }],
      },
      codes: { 'line-1': '45a12' },
      left: [],
      badVolumes: [],
    });
    if (!result.ok) return;
    // What the API answers for it: 50 units (40 + 25%) at € 1.000, no cap.
    const sim = simulate(
      { ...result.input.terms, productLines: [{ ...result.input.terms.productLines[0]!, id: 'line-1' }] },
      [],
      [25],
      result.input.expectedVolumes,
    );
    expect(sim.scenarios[0]!.exposureCents).toBe(5_000_000);
    expect(sim.flags.map((f) => f.code)).toEqual(['uncapped_per_unit_line']);
  });

  it('leaves out rows not filled in enough, keeping the ids of the lines that count', () => {
    const result = draftSimulation(
      draft([
        { ...perUnit, tariffCents: '' },
        { ...perUnit, productCode: '45A13', id: 'jh-45a13' },
        { category: '45', productCode: '45A14', variant: 'task', lumpSumCents: '12.000' },
        { ...perUnit, productCode: '45a13' },
        { ...perUnit, productCode: '45A15', tariffCents: 'veel' },
      ]),
      'nl-NL',
      { '45A13': '10.000', '45A14': 'tien' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.left).toEqual([0, 3, 4]);
    expect(result.codes).toEqual({ 'jh-45a13': '45A13', 'line-2': '45A14' });
    expect(result.input.expectedVolumes).toEqual([{ lineId: 'jh-45a13', volume: 10_000 }]);
    expect(result.badVolumes).toEqual(['45A14']);
  });

  it('asks nothing without a line that counts, or with a term or ceiling that does not read', () => {
    expect(draftSimulation(draft([{ ...perUnit, variant: '' }]), 'nl-NL', {})).toEqual({
      ok: false,
      why: 'noLines',
      left: [0],
    });
    expect(draftSimulation(draft([perUnit], { endDate: '' }), 'nl-NL', {})).toMatchObject({
      ok: false,
      why: 'terms',
    });
    expect(draftSimulation(draft([perUnit], { endDate: '31-12-2026' }), 'nl-NL', {})).toMatchObject({
      ok: false,
      why: 'terms',
    });
    expect(draftSimulation(draft([perUnit], { valueCeilingCents: 'veel' }), 'nl-NL', {})).toMatchObject({
      ok: false,
      why: 'terms',
    });
  });

  it('carries the agreement ceiling and the chosen relation type', () => {
    const result = draftSimulation(
      draft([perUnit], { valueCeilingCents: '30.000' }),
      'nl-NL',
      {},
      'customer',
    );
    expect(result.ok && result.input.terms).toMatchObject({
      valueCeilingCents: 3_000_000,
      relationType: 'customer',
    });
  });
});
