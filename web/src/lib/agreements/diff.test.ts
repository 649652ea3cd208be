import { describe, expect, it } from 'vitest';
import { canonical, type DiffLine, diffTerms, type Terms } from './diff';

const line = (over: Partial<DiffLine> = {}): DiffLine => ({
  id: 'l1',
  category: '45',
  productCode: '45A12',
  variant: 'output',
  unit: 'piece',
  frequency: 'per_month',
  tariffCents: 98_500,
  ...over,
});

const v1: Terms = {
  title: 'Jeugdhulp ambulant',
  description: '',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 6,
  valueCeilingCents: 100_000,
  parties: [{ organisationId: 'org-kompas', role: 'contractor', name: 'Kompas' }],
  productLines: [line()],
  renewal: { options: 2, monthsEach: 12, used: 0 },
  allocationKey: null,
  parentId: null,
};

describe('diffTerms', () => {
  it('has nothing to compare for the first version', () => {
    expect(diffTerms(null, v1)).toEqual([]);
  });

  it('finds no change between equal terms, whatever the key order', () => {
    const reordered = { ...v1, renewal: { used: 0, monthsEach: 12, options: 2 } };
    expect(diffTerms(v1, reordered)).toEqual([]);
  });

  it('names each changed field with its old and new value', () => {
    const v2 = {
      ...v1,
      title: 'Jeugdhulp ambulant (gewijzigd)',
      valueCeilingCents: null,
      endDate: '2028-12-31',
    };
    expect(diffTerms(v1, v2)).toEqual([
      {
        kind: 'field',
        field: 'title',
        before: 'Jeugdhulp ambulant',
        after: 'Jeugdhulp ambulant (gewijzigd)',
      },
      { kind: 'field', field: 'endDate', before: '2027-12-31', after: '2028-12-31' },
      { kind: 'field', field: 'valueCeilingCents', before: 100_000, after: null },
    ]);
  });

  it('sees a renewal as a new end date and one more option used', () => {
    const v2 = { ...v1, endDate: '2028-12-31', renewal: { options: 2, monthsEach: 12, used: 1 } };
    expect(diffTerms(v1, v2).map((row) => row.kind === 'field' && row.field)).toEqual(['endDate', 'renewal']);
  });

  it('compares parties by organisation and role, not by the name copied at the time', () => {
    const renamed = {
      ...v1,
      parties: [{ organisationId: 'org-kompas', role: 'contractor', name: 'Kompas BV' }],
    };
    expect(diffTerms(v1, renamed)).toEqual([]);
    const added = {
      ...v1,
      parties: [...v1.parties, { organisationId: 'org-x', role: 'subcontractor', name: 'X' }],
    };
    expect(diffTerms(v1, added)).toEqual([
      { kind: 'field', field: 'parties', before: v1.parties, after: added.parties },
    ]);
  });

  it('compares product lines line by line', () => {
    const extra = line({ id: 'l2', productCode: '45A13', variant: 'effort', unit: 'hour' });
    const v2 = { ...v1, productLines: [line({ tariffCents: 100_000, description: 'Licht' }), extra] };
    expect(diffTerms(v1, v2)).toEqual([
      { kind: 'line', code: '45A12', field: 'description', before: null, after: 'Licht' },
      { kind: 'line', code: '45A12', field: 'tariffCents', before: 98_500, after: 100_000 },
      { kind: 'lineAdded', code: '45A13', line: extra },
    ]);
    expect(diffTerms(v2, { ...v2, productLines: [extra] })).toEqual([
      { kind: 'lineRemoved', code: '45A12', line: v2.productLines[0] },
    ]);
  });

  it('matches a line by its product code when it got a new id', () => {
    const v2 = { ...v1, productLines: [line({ id: 'new-id' })] };
    expect(diffTerms(v1, v2)).toEqual([]);
  });
});

describe('canonical', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});

describe('diffTerms and information duties', () => {
  it('names a changed duty list, and no change where an older version has none', () => {
    const duty = { id: 'd1', kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30 };
    expect(diffTerms(v1, { ...v1, duties: [] })).toEqual([]);
    expect(diffTerms({ ...v1, duties: [] }, { ...v1, duties: [duty] })).toEqual([
      { kind: 'field', field: 'duties', before: [], after: [duty] },
    ]);
  });
});
