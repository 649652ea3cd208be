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

describe('the figures of a duty with a data specification', () => {
  const spec = [
    { key: 'clienten', label: 'Cliënten', unit: 'cliënten', type: 'count' as const, required: true },
    { key: 'wachttijd', label: 'Wachttijd', unit: 'weken', type: 'weeks' as const, required: true },
    { key: 'doelen', label: 'Doelen', type: 'percentage' as const, required: false },
    { key: 'kosten', label: 'Kosten', type: 'amount' as const, required: false },
  ];
  const schema = reportSchema(target, spec, 'nl-NL');
  const values = (data: Record<string, string>) => ({
    ...emptyReport(spec),
    summary: 'Levering',
    data: { ...emptyReport(spec).data, ...data },
  });

  it('reads Dutch numbers into typed values (an amount in cents) and sends them', async () => {
    expect(
      await validateForm(
        schema,
        values({ clienten: '1.200', wachttijd: '5,5', doelen: '72,5 %', kosten: '1.234,56' }),
      ),
    ).toEqual({
      ok: true,
      value: {
        ...target,
        summary: 'Levering',
        data: { clienten: 1200, wachttijd: 5.5, doelen: 72.5, kosten: 123_456 },
      },
    });
  });

  it('shows core’s rule at each field: required, not a number, out of range, decimals', async () => {
    const result = await validateForm(schema, values({ wachttijd: 'vijf', doelen: '140', kosten: '' }));
    expect(result.ok ? {} : result.errors).toEqual({
      'data.clienten': 'deliveries.errors.fieldRequired',
      'data.wachttijd': 'deliveries.errors.notANumber',
      'data.doelen': 'deliveries.errors.outOfRange.percentage',
    });
    const decimals = await validateForm(schema, values({ clienten: '12,5', wachttijd: '5,25' }));
    expect(decimals.ok ? {} : decimals.errors).toEqual({
      'data.clienten': 'deliveries.errors.tooManyDecimals.count',
      'data.wachttijd': 'deliveries.errors.tooManyDecimals.weeks',
    });
    expect(reportFieldOrder(values({}), spec).slice(0, 3)).toEqual([
      'summary',
      'data.clienten',
      'data.wachttijd',
    ]);
  });
});

describe('the chart of a delivered field', () => {
  it('spaces periods evenly, scales to a round top, and draws one line per party', async () => {
    const { seriesGeometry, niceMax } = await import('./series-chart');
    expect([niceMax(0), niceMax(7.5), niceMax(45), niceMax(120), niceMax(11_310_000)]).toEqual([
      1, 10, 50, 200, 20_000_000,
    ]);
    const g = seriesGeometry([
      { period: '2026-Q1', value: 40, party: 'A', partyName: 'Kompas' },
      { period: '2026-Q2', value: 50, party: 'A', partyName: 'Kompas' },
      { period: '2026-Q2', value: 0, party: 'B', partyName: 'Wijkracht' },
    ]);
    expect(g.periods.map((p) => [p.period, p.x])).toEqual([
      ['2026-Q1', 64],
      ['2026-Q2', 460],
    ]);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 25, 50]);
    expect(g.lines.map((l) => [l.partyName, l.points.map((p) => [p.x, p.y])])).toEqual([
      [
        'Kompas',
        [
          [64, 43.2],
          [460, 12],
        ],
      ],
      ['Wijkracht', [[460, 168]]],
    ]);
  });
});
