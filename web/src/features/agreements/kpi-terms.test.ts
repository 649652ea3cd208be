import { describe, expect, it } from 'vitest';
import { newKpiRow, termsPatch, validateTerms, valuesFromAgreement } from './agreement-form';
import type { InternalAgreement } from './model';

const stored: InternalAgreement = {
  id: 'a1',
  space: 'GM0233',
  kind: 'contract',
  reference: 'ERM-1',
  title: 'Jeugdhulp',
  description: '',
  status: 'draft',
  version: 3,
  domain: 'youth',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 6,
  valueCeilingCents: 100_000,
  duties: [],
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
  publication: null,
  yearCeilings: [],
  budget: null,
  parties: [
    {
      organisationId: 'org-kompas',
      role: 'contractor',
      name: 'Kompas',
      kind: 'provider',
      kvkNumber: '81234567',
      providerSpace: 'PV81234567',
    },
  ],
  productLines: [
    {
      id: 'l1',
      category: '45',
      productCode: '45A12',
      variant: 'output',
      unit: 'piece',
      frequency: 'per_month',
      tariffCents: 98_500,
    },
  ],
  renewal: { options: 2, monthsEach: 12, used: 1 },
  allocationKey: null,
  parentId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ermelo.inkoper',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'ermelo.inkoper',
  view: 'internal',
  shares: null,
  transitions: ['in_approval'],
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
