import type { nl } from '../../i18n/nl';
import type { FieldIssue } from '../../lib/errors';
import type { SubmitReportInput } from '../../lib/reports/model';

/**
 * The report form's values, checks (mirroring `reportSubmitSchema` in packages/core/src/duties.ts; the server
 * checks again regardless) and the API input, with the server's issues mapped back onto the fields. Paths are
 * the API's: `summary`, `figures.0.label`.
 */

export type ReportErrorKey = keyof (typeof nl)['reports']['errors'];
export type ReportError = { key: ReportErrorKey; values?: Record<string, string> } | { text: string };
export type ReportErrors = Record<string, ReportError>;

export const REPORT_LIMITS = { summary: 5000, figures: 20, label: 80, value: 40 } as const;

export interface FigureRow {
  key: string;
  label: string;
  value: string;
}

export interface ReportValues {
  summary: string;
  figures: FigureRow[];
}

let rowCounter = 0;
export function newFigureRow(): FigureRow {
  return { key: `figure-${++rowCounter}`, label: '', value: '' };
}

export function emptyReport(): ReportValues {
  return { summary: '', figures: [] };
}

/** Every field path the form shows, in order (for the error summary). */
export function reportFieldOrder(values: ReportValues): string[] {
  return [
    'summary',
    'figures',
    ...values.figures.flatMap((_, i) => [`figures.${i}.label`, `figures.${i}.value`]),
  ];
}

export type ReportValidation = { ok: true; input: SubmitReportInput } | { ok: false; errors: ReportErrors };

/** A row left wholly empty is not a figure; a row with one half filled in asks for the other half. */
export function validateReport(
  values: ReportValues,
  target: { agreementId: string; dutyId: string; period: string; party?: string },
): ReportValidation {
  const errors: ReportErrors = {};
  const summary = values.summary.trim();
  if (summary === '') errors.summary = { key: 'summaryRequired' };
  else if (summary.length > REPORT_LIMITS.summary) errors.summary = { key: 'summaryTooLong' };

  const figures: { label: string; value: string }[] = [];
  values.figures.forEach((row, i) => {
    const label = row.label.trim();
    const value = row.value.trim();
    if (label === '' && value === '') return;
    if (label === '') errors[`figures.${i}.label`] = { key: 'figureLabelRequired' };
    else if (label.length > REPORT_LIMITS.label) errors[`figures.${i}.label`] = { key: 'figureLabelTooLong' };
    if (value === '') errors[`figures.${i}.value`] = { key: 'figureValueRequired' };
    else if (value.length > REPORT_LIMITS.value) errors[`figures.${i}.value`] = { key: 'figureValueTooLong' };
    figures.push({ label, value });
  });
  if (figures.length > REPORT_LIMITS.figures) errors.figures = { key: 'tooManyFigures' };

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: { ...target, summary, ...(figures.length > 0 ? { figures } : {}) },
  };
}

/** Drops the errors a change makes stale: the field's own, and every row's when rows were added or removed. */
export function withoutStaleReport(errors: ReportErrors, changed: string): ReportErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(
      ([path]) => path !== changed && !(changed === 'figures' && path.startsWith('figures.')),
    ),
  );
}

/**
 * A BAD_REQUEST's issues: on the field they name where the form shows it; the period and duty (not fields a
 * person can change here) apart, with the period the duty expects now read from the API's message.
 */
export function reportIssues(
  issues: FieldIssue[],
  fields: readonly string[],
): { errors: ReportErrors; other: ReportError[] } {
  const known = new Set(fields);
  const errors: ReportErrors = {};
  const other: ReportError[] = [];
  for (const issue of issues) {
    const expected = /expected now is for (\S+)/.exec(issue.message);
    if (expected?.[1]) {
      other.push({ key: 'periodExpected', values: { period: expected[1] } });
      continue;
    }
    if (/^No report is expected/.test(issue.message)) {
      other.push({ key: 'notExpected' });
      continue;
    }
    const segments = issue.path.split('.');
    let field: string | undefined;
    for (let n = segments.length; n > 0 && !field; n--) {
      const path = segments.slice(0, n).join('.');
      field = [path, `${path}.label`].find((p) => known.has(p));
    }
    if (field) {
      if (!errors[field]) errors[field] = { text: issue.message };
    } else other.push({ text: issue.message });
  }
  return { errors, other };
}
