import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { deepestField, validateForm } from '../../lib/form-schema';
import { canReport, partyDue, periodLabel, reportPath, sortDue } from '../../lib/reports/model';
import { emptyReport, reportFieldOrder, reportSchema } from './report-form';

const target = { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: '2026-Q3' };

describe('the report form, checked with the API’s schema', () => {
  const schema = reportSchema(target);
  const row = (label: string, value: string) => ({ label, value });
  const key = (name: string) => `reports.errors.${name}`;

  it('sends the summary and the figures filled in, without empty rows', async () => {
    const values = {
      summary: ' Productie volgens plan. ',
      figures: [row('Wachttijd (weken)', ' 5 '), row(' ', '')],
    };
    expect(await validateForm(schema, values)).toEqual({
      ok: true,
      value: {
        ...target,
        summary: 'Productie volgens plan.',
        figures: [{ label: 'Wachttijd (weken)', value: '5' }],
      },
    });
    expect(await validateForm(schema, { ...values, figures: [] })).toEqual({
      ok: true,
      value: { ...target, summary: 'Productie volgens plan.' },
    });
  });

  it('asks for the summary and for the missing half of a figure', async () => {
    const result = await validateForm(schema, {
      summary: '  ',
      figures: [row('', ''), row('Cliënten', ''), row('', '12'), row('x'.repeat(81), 'y'.repeat(41))],
    });
    // An empty row is left out, and the errors still land on the rows as the form shows them.
    expect(result.ok ? {} : result.errors).toEqual({
      summary: key('summaryRequired'),
      'figures.1.value': key('figureValueRequired'),
      'figures.2.label': key('figureLabelRequired'),
      'figures.3.label': key('figureLabelTooLong'),
      'figures.3.value': key('figureValueTooLong'),
    });
    const long = await validateForm(schema, { summary: 'x'.repeat(5001), figures: [] });
    expect(long.ok ? {} : long.errors).toEqual({ summary: key('summaryTooLong') });
    const many = await validateForm(schema, {
      summary: 'ok',
      figures: Array.from({ length: 21 }, () => row('a', '1')),
    });
    expect(many.ok ? {} : many.errors).toEqual({ figures: key('tooManyFigures') });
  });

  it('names the fields in the order the page shows them, and the deepest one an issue names', () => {
    const fields = reportFieldOrder({ ...emptyReport(), figures: [row('', '')] });
    expect(fields).toEqual(['summary', 'figures', 'figures.0.label', 'figures.0.value']);
    const fieldOf = deepestField(fields);
    expect(fieldOf('figures.0.value')).toBe('figures.0.value');
    expect(fieldOf('summary')).toBe('summary');
    expect(fieldOf('figures.3')).toBe('figures');
    expect(fieldOf('period')).toBeUndefined();
  });
});

describe('what is due', () => {
  it('puts overdue reports first, then the soonest', () => {
    const rows = [
      { id: 'a', overdue: false, dueDate: '2026-12-01' },
      { id: 'b', overdue: true, dueDate: '2026-10-30' },
      { id: 'c', overdue: false, dueDate: '2026-11-30' },
      { id: 'd', overdue: true, dueDate: '2026-08-12' },
    ];
    expect(sortDue(rows).map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('marks a party view’s due items overdue after their date', () => {
    const due = [{ dutyId: 'q', dutyTitle: 'Kwartaal', period: '2026-Q3', dueDate: '2026-10-30' }];
    expect(partyDue(due, '2026-10-30')[0]?.overdue).toBe(false);
    expect(partyDue(due, '2026-10-31')[0]?.overdue).toBe(true);
  });

  it('names periods in words and builds the report address', () => {
    const t = ((key: string, values: Record<string, string>) =>
      `${key}:${values.n}:${values.year}`) as unknown as TFunction;
    expect(periodLabel(t, 'nl-NL', '2026-Q3')).toBe('reports.periods.quarter:3:2026');
    expect(periodLabel(t, 'nl-NL', '2026-H1')).toBe('reports.periods.half:1:2026');
    expect(periodLabel(t, 'nl-NL', '2026-07')).toBe('juli 2026');
    expect(periodLabel(t, 'nl-NL', '2026')).toBe('2026');
    expect(reportPath('erm-jh-2025', 'jh-kwartaal', '2026-Q3')).toBe(
      '/agreements/erm-jh-2025/report/jh-kwartaal/2026-Q3',
    );
    expect(canReport({ roles: ['provider_signer'] })).toBe(false);
    expect(canReport({ roles: ['provider_reporter'] })).toBe(true);
  });
});
