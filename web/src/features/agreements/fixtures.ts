import type { InternalAgreement } from '../../lib/agreements/model';

/**
 * A stored agreement as the API returns it (internal view), for the form tests: one place to add a field
 * when the view grows.
 */
export const storedAgreement: InternalAgreement = {
  id: 'a1',
  space: 'GM0233',
  kind: 'contract',
  reference: 'ERM-1',
  title: 'Jeugdhulp',
  description: '',
  status: 'draft',
  version: 3,
  termsVersion: 3,
  approval: null,
  domain: 'youth',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 6,
  valueCeilingCents: 100_000,
  duties: [],
  kpis: [],
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
  services: [],
  parentId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ermelo.inkoper',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'ermelo.inkoper',
  view: 'internal',
  shares: null,
  transitions: ['in_approval'],
};
