import { describe, expect, it } from 'vitest';
import { validateCreate } from './agreement-form';
import { emptyCreateValues, fieldOrder, newKpiRow } from './agreement-values';

describe('KPI definitions in the create form', () => {
  const base = {
    ...emptyCreateValues('GM0233'),
    kind: 'contract',
    reference: 'ERM-2026-KPI',
    title: 'Jeugdhulp ambulant',
    domain: 'youth',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  };

  it('shows the indicator set from the start', () => {
    expect(emptyCreateValues('GM0233').kpis).toEqual([]);
    expect(fieldOrder(base, 'create')).toContain('kpis');
  });

  it('creates the agreement with its indicator set, and without one when none is given', () => {
    const kpi = {
      ...newKpiRow(),
      name: 'Wachttijd',
      unit: 'weken',
      target: '6',
      direction: 'lower',
      frequency: 'quarterly',
    };
    const result = validateCreate({ ...base, kpis: [kpi] }, 'GM0233', 'nl-NL');
    expect(result.ok && result.input.kpis).toEqual([
      { name: 'Wachttijd', unit: 'weken', target: 6, direction: 'lower', frequency: 'quarterly' },
    ]);
    const none = validateCreate(base, 'GM0233', 'nl-NL');
    expect(none.ok && 'kpis' in none.input).toBe(false);
  });
});
