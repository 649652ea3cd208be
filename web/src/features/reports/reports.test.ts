import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { canReport, partyDue, periodLabel, reportPath, sortDue } from '../../lib/reports/model';
import {
  emptyReport,
  newFigureRow,
  reportFieldOrder,
  reportIssues,
  validateReport,
  withoutStaleReport,
} from './report-form';

const target = { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: '2026-Q3' };

describe('the report form', () => {
  it('sends the summary and the figures filled in, without empty rows', () => {
    const values = {
      summary: ' Productie volgens plan. ',
      figures: [
        { ...newFigureRow(), label: 'Wachttijd (weken)', value: ' 5 ' },
        { ...newFigureRow(), label: ' ', value: '' },
      ],
    };
    expect(validateReport(values, target)).toEqual({
      ok: true,
      input: {
        ...target,
        summary: 'Productie volgens plan.',
        figures: [{ label: 'Wachttijd (weken)', value: '5' }],
      },
    });
    expect(validateReport({ ...values, figures: [] }, target)).toEqual({
      ok: true,
      input: { ...target, summary: 'Productie volgens plan.' },
    });
  });

  it('asks for the summary and for the missing half of a figure', () => {
    const result = validateReport(
      {
        summary: '  ',
        figures: [
          { ...newFigureRow(), label: 'Cliënten', value: '' },
          { ...newFigureRow(), label: '', value: '12' },
          { ...newFigureRow(), label: 'x'.repeat(81), value: 'y'.repeat(41) },
        ],
      },
      target,
    );
    expect(result.ok ? {} : result.errors).toEqual({
      summary: { key: 'summaryRequired' },
      'figures.0.value': { key: 'figureValueRequired' },
      'figures.1.label': { key: 'figureLabelRequired' },
      'figures.2.label': { key: 'figureLabelTooLong' },
      'figures.2.value': { key: 'figureValueTooLong' },
    });
    const long = validateReport({ summary: 'x'.repeat(5001), figures: [] }, target);
    expect(long.ok ? {} : long.errors).toEqual({ summary: { key: 'summaryTooLong' } });
    const many = validateReport(
      {
        summary: 'ok',
        figures: Array.from({ length: 21 }, () => ({ ...newFigureRow(), label: 'a', value: '1' })),
      },
      target,
    );
    expect(many.ok ? {} : many.errors).toEqual({ figures: { key: 'tooManyFigures' } });
  });

  it('maps the server’s issues: fields on fields, the expected period apart', () => {
    const fields = reportFieldOrder({ ...emptyReport(), figures: [newFigureRow()] });
    expect(fields).toEqual(['summary', 'figures', 'figures.0.label', 'figures.0.value']);
    expect(
      reportIssues(
        [
          { path: 'period', message: 'The report expected now is for 2026-Q4' },
          { path: 'figures.0', message: 'Invalid input' },
          { path: 'summary', message: 'Too big' },
          { path: 'dutyId', message: 'No report is expected under this duty now' },
        ],
        fields,
      ),
    ).toEqual({
      errors: { 'figures.0.label': { text: 'Invalid input' }, summary: { text: 'Too big' } },
      other: [{ key: 'periodExpected', values: { period: '2026-Q4' } }, { key: 'notExpected' }],
    });
  });

  it('drops stale errors after a change', () => {
    const errors = { summary: { text: 'a' }, 'figures.0.label': { text: 'b' } };
    expect(Object.keys(withoutStaleReport(errors, 'summary'))).toEqual(['figures.0.label']);
    expect(Object.keys(withoutStaleReport(errors, 'figures'))).toEqual(['summary']);
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
