import { describe, expect, it } from 'vitest';
import type { InternalAgreement } from '../../lib/agreements/model';
import { validateTerms } from './agreement-form';
import { newKpiRow, termsPatch, valuesFromAgreement } from './agreement-values';
import { storedAgreement } from './fixtures';

const stored: InternalAgreement = {
  ...storedAgreement,
  kpis: [
    {
      id: 'kpi-wachttijd',
      name: 'Wachttijd',
      unit: 'weken',
      target: 7.5,
      direction: 'lower',
      frequency: 'quarterly',
    },
  ],
};

describe('KPI definitions in the edit form', () => {
  it('round-trips the indicator set with its ids and a decimal target', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    expect(values.kpis?.[0]).toMatchObject({ id: 'kpi-wachttijd', target: '7,5', direction: 'lower' });
    const result = validateTerms(values, stored.kind, 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored)).toEqual({});
  });

  it('sends the whole list when an indicator is added, keeping the ids of those that stay', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    const added = {
      ...newKpiRow(),
      name: 'Tevredenheid',
      unit: 'rapportcijfer',
      target: '7',
      direction: 'higher',
      frequency: 'yearly',
    };
    const result = validateTerms({ ...values, kpis: [...(values.kpis ?? []), added] }, stored.kind, 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored)).toEqual({
      kpis: [
        {
          id: 'kpi-wachttijd',
          name: 'Wachttijd',
          unit: 'weken',
          target: 7.5,
          direction: 'lower',
          frequency: 'quarterly',
        },
        { name: 'Tevredenheid', unit: 'rapportcijfer', target: 7, direction: 'higher', frequency: 'yearly' },
      ],
    });
  });

  it('names each missing part of an indicator', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    const result = validateTerms({ ...values, kpis: [newKpiRow()] }, stored.kind, 'nl-NL');
    expect(result.ok ? {} : result.errors).toEqual({
      'kpis.0.name': { key: 'kpiNameRequired' },
      'kpis.0.unit': { key: 'kpiUnitRequired' },
      'kpis.0.target': { key: 'kpiTargetInvalid' },
      'kpis.0.direction': { key: 'kpiDirectionRequired' },
      'kpis.0.frequency': { key: 'kpiFrequencyRequired' },
    });
  });
});
