import { describe, expect, it } from 'vitest';
import { canDecide, ceilingUse, emptyRegulationForm, requiredCents, toRegulationInput } from './model';

describe('subsidy model', () => {
  it('gives the share of the ceiling granted, capped, and none without a ceiling', () => {
    expect(ceilingUse({ ceilingCents: 40_000_000, grantedCents: 38_500_000 })).toBe(9625);
    expect(ceilingUse({ ceilingCents: 100, grantedCents: 100 })).toBe(10_000);
    expect(ceilingUse({ ceilingCents: null, grantedCents: 5 })).toBeNull();
    expect(ceilingUse({ ceilingCents: 0, grantedCents: 0 })).toBe(10_000);
  });

  it('reads the regulation form in Dutch formats', () => {
    const result = toRegulationInput(
      {
        ...emptyRegulationForm(2026),
        name: ' Sport ',
        legalBasis: 'ASV 2024, art. 4',
        ceiling: '400.000,00',
        exOfficioUpTo: '5.000',
        decisionWeeks: '8',
        publishedOn: '2025-06-16',
      },
      'nl-NL',
    );
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Sport',
        legalBasis: 'ASV 2024, art. 4',
        budgetYear: 2026,
        ceilingCents: 40_000_000,
        ceilingPublishedOn: '2025-06-16',
        decisionWeeks: 8,
        settlementWeeks: 13,
        exOfficioUpToCents: 500_000,
      },
    });
  });

  it('leaves the ceiling out when empty and names every wrong field', () => {
    const open = toRegulationInput({ ...emptyRegulationForm(2026), name: 'x', legalBasis: 'y' }, 'nl-NL');
    expect(open.ok && open.input.ceilingCents).toBeNull();
    const bad = toRegulationInput(
      {
        ...emptyRegulationForm(1999),
        ceiling: 'veel',
        decisionWeeks: '0',
        settlementWeeks: 'x',
        publishedOn: '2025-02-30',
      },
      'nl-NL',
    );
    expect(bad.ok ? {} : bad.errors).toEqual({
      name: 'name',
      legalBasis: 'legalBasis',
      budgetYear: 'budgetYear',
      ceiling: 'amount',
      publishedOn: 'date',
      decisionWeeks: 'weeks',
      settlementWeeks: 'weeks',
    });
  });

  it('needs an amount of at least a cent, zero only where allowed', () => {
    expect(requiredCents('20.000', 'nl-NL')).toBe(2_000_000);
    expect(requiredCents('', 'nl-NL')).toBeNull();
    expect(requiredCents('0', 'nl-NL')).toBeNull();
    expect(requiredCents('0', 'nl-NL', true)).toBe(0);
  });

  it('lets the purchaser and the contract manager decide, not the viewer', () => {
    expect(canDecide({ roles: ['inkoper'] })).toBe(true);
    expect(canDecide({ roles: ['contractmanager'] })).toBe(true);
    expect(canDecide({ roles: ['viewer'] })).toBe(false);
    expect(canDecide(undefined)).toBe(false);
  });
});
