import { describe, expect, it } from 'vitest';
import type { InternalAgreement } from '../../lib/agreements/model';
import { validateTerms, withoutStale } from './agreement-form';
import {
  type DutyRow,
  fieldOrder,
  newDutyRow,
  newKpiRow,
  newSpecFieldRow,
  readSource,
  sourceOptions,
  sourceValue,
  specKey,
  termsPatch,
  valuesFromAgreement,
} from './agreement-values';
import { storedAgreement } from './fixtures';

/** The form's editor of a duty's data specification and a KPI's source (issue 15 point 3): values ↔ terms. */
const stored: InternalAgreement = {
  ...storedAgreement,
  duties: [
    {
      id: 'd1',
      kind: 'periodic',
      title: 'Kwartaallevering',
      frequency: 'quarterly',
      dueDays: 30,
      dataSpec: [{ key: 'clienten', label: 'Cliënten', unit: 'cliënten', type: 'count', required: true }],
    },
  ],
  kpis: [],
};
const values = () => valuesFromAgreement(stored, 'nl-NL');

describe('the data specification in the agreement form', () => {
  it('derives a key from the label: lower case, no accents, _ between words, a letter first', () => {
    expect(specKey('Cliënten in zorg')).toBe('clienten_in_zorg');
    expect(specKey('  Gem. wachttijd (weken) ')).toBe('gem_wachttijd_weken');
    expect(specKey('12 maanden')).toBe('veld_12_maanden');
    expect(specKey('—')).toBe('');
    expect(specKey('a'.repeat(60))).toHaveLength(40);
  });

  it('shows a stored field as a row and sends it back unchanged', () => {
    const v = values();
    expect(v.duties[0]?.dataSpec).toEqual([
      { key: 'clienten', label: 'Cliënten', unit: 'cliënten', type: 'count', required: true },
    ]);
    const result = validateTerms(v, 'contract', 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored)).toEqual({});
  });

  it('adds a field with its key from the label, an empty unit left out', () => {
    const v = values();
    const duty = v.duties[0]!;
    const added = { ...newSpecFieldRow(), label: ' Gemiddelde wachttijd ', type: 'weeks', required: false };
    const result = validateTerms(
      { ...v, duties: [{ ...duty, dataSpec: [...duty.dataSpec, added] }] },
      'contract',
      'nl-NL',
    );
    expect(result.ok && termsPatch(result.terms, stored).duties?.[0]?.dataSpec).toEqual([
      { key: 'clienten', label: 'Cliënten', unit: 'cliënten', type: 'count', required: true },
      { key: 'gemiddelde_wachttijd', label: 'Gemiddelde wachttijd', type: 'weeks', required: false },
    ]);
  });

  it('sends no specification when every field is removed', () => {
    const v = values();
    const result = validateTerms({ ...v, duties: [{ ...v.duties[0]!, dataSpec: [] }] }, 'contract', 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored).duties?.[0]).not.toHaveProperty('dataSpec');
  });

  it('names each bad field at its input with core’s rules', () => {
    const v = values();
    const duty = v.duties[0]!;
    const rows = [
      { ...newSpecFieldRow(), label: '', type: '' },
      { ...newSpecFieldRow(), key: 'Foute code', label: 'Iets', type: 'count', unit: 'x'.repeat(31) },
    ];
    const result = validateTerms(
      { ...v, duties: [{ ...duty, dataSpec: [...duty.dataSpec, ...rows] }] },
      'contract',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      'duties.0.dataSpec.1.key': { key: 'specKeyInvalid' },
      'duties.0.dataSpec.1.label': { key: 'specLabelRequired' },
      'duties.0.dataSpec.1.type': { key: 'specTypeRequired' },
      'duties.0.dataSpec.2.key': { key: 'specKeyInvalid' },
      'duties.0.dataSpec.2.unit': { key: 'specUnitTooLong' },
    });
    // A key twice (here derived from the same label) is named at the second.
    const twice = validateTerms(
      {
        ...v,
        duties: [
          {
            ...duty,
            dataSpec: [...duty.dataSpec, { ...newSpecFieldRow(), label: 'Clienten', type: 'count' }],
          },
        ],
      },
      'contract',
      'nl-NL',
    );
    expect(twice.ok ? {} : twice.errors).toEqual({ 'duties.0.dataSpec.1.key': { key: 'specKeyDuplicate' } });
  });

  it('lists the spec inputs in the order shown and drops stale errors when a field is removed', () => {
    const v = values();
    const order = fieldOrder(v, 'edit');
    expect(order.slice(order.indexOf('duties.0.dataSpec'), order.indexOf('kpis'))).toEqual([
      'duties.0.dataSpec',
      'duties.0.dataSpec.0.label',
      'duties.0.dataSpec.0.key',
      'duties.0.dataSpec.0.unit',
      'duties.0.dataSpec.0.type',
      'duties.0.dataSpec.0.required',
    ]);
    expect(
      withoutStale({ 'duties.0.dataSpec.1.key': 'x', 'duties.0.title': 'y' }, 'duties.0.dataSpec'),
    ).toEqual({ 'duties.0.title': 'y' });
  });
});

describe('a KPI’s source in the agreement form', () => {
  const kpi = { ...newKpiRow(), name: 'Cliënten', unit: 'cliënten', target: '10', direction: 'higher' };

  it('maps a source to the select’s value and back; empty is entered by hand', () => {
    expect(sourceValue({ dutyId: 'd1', field: 'clienten' })).toBe('d1:clienten');
    expect(readSource('d1:clienten')).toEqual({ dutyId: 'd1', field: 'clienten' });
    expect(sourceValue(undefined)).toBe('');
    expect(readSource('')).toBeUndefined();
  });

  it('offers the fields of saved periodic duties with the KPI’s frequency only', () => {
    const unsaved: DutyRow = {
      ...newDutyRow('periodic'),
      title: 'Nieuw',
      frequency: 'quarterly',
      dueDays: '30',
      dataSpec: [{ ...newSpecFieldRow(), label: 'Nieuw veld', type: 'count' }],
    };
    const monthly: DutyRow = { ...values().duties[0]!, id: 'd2', title: 'Maand', frequency: 'monthly' };
    const duties = [...values().duties, unsaved, monthly];
    expect(sourceOptions(duties, 'quarterly')).toEqual([
      { value: 'd1:clienten', duty: 'Kwartaallevering', field: 'Cliënten' },
    ]);
    expect(sourceOptions(duties, 'monthly').map((o) => o.value)).toEqual(['d2:clienten']);
    expect(sourceOptions(duties, '')).toEqual([]);
  });

  it('sends a chosen source, and names one that does not fit the KPI’s frequency', () => {
    const v = values();
    const chosen = validateTerms(
      { ...v, kpis: [{ ...kpi, frequency: 'quarterly', source: 'd1:clienten' }] },
      'contract',
      'nl-NL',
    );
    expect(chosen.ok && termsPatch(chosen.terms, stored).kpis?.[0]?.source).toEqual({
      dutyId: 'd1',
      field: 'clienten',
    });
    const manual = validateTerms({ ...v, kpis: [{ ...kpi, frequency: 'quarterly' }] }, 'contract', 'nl-NL');
    expect(manual.ok && termsPatch(manual.terms, stored).kpis?.[0]).not.toHaveProperty('source');
    const wrong = validateTerms(
      { ...v, kpis: [{ ...kpi, frequency: 'monthly', source: 'd1:clienten' }] },
      'contract',
      'nl-NL',
    );
    expect(wrong.ok ? {} : wrong.errors).toEqual({ 'kpis.0.source': { key: 'kpiSourceInvalid' } });
  });
});
