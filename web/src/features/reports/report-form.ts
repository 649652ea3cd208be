import { type DataField, type ReportSubmitInput, reportSubmitSchema } from '@regie/core/browser';
import { formSchema, type IssueAt, keyAt } from '../../lib/form-schema';
import type { AppLocale } from '../../lib/format';
import { type DeliveryValues, deliveryIssues, emptyDelivery, readDelivery } from './delivery-form';

/**
 * The report form's values, read into the API's input and checked with the API's own schema (`reportSubmitSchema`
 * in core), with the server's issues mapped back onto the fields. Paths are the API's: `summary`, `figures.0.label`.
 */

export const REPORT_LIMITS = { summary: 5000, figures: 20, label: 80, value: 40 } as const;

export interface FigureRow {
  label: string;
  value: string;
}

export interface ReportValues {
  summary: string;
  figures: FigureRow[];
  /** The figures of the duty's data specification, by field key (only where the duty has one). */
  data?: DeliveryValues;
}

export function emptyReport(spec?: readonly DataField[]): ReportValues {
  return { summary: '', figures: [], ...(spec && spec.length > 0 ? { data: emptyDelivery(spec) } : {}) };
}

/** Every field path the form shows, in order (for the error summary). */
export function reportFieldOrder(values: ReportValues, spec: readonly DataField[] = []): string[] {
  return [
    'summary',
    ...spec.map((f) => `data.${f.key}`),
    'figures',
    ...values.figures.flatMap((_, i) => [`figures.${i}.label`, `figures.${i}.value`]),
  ];
}

const key = (name: string) => `reports.errors.${name}`;

export function reportMessage({ path, code }: IssueAt): string {
  const long = code === 'too_big';
  if (path === 'summary') return key(long ? 'summaryTooLong' : 'summaryRequired');
  if (path === 'figures') return key('tooManyFigures');
  if (path.startsWith('data.')) return 'deliveries.errors.notANumber';
  if (path.endsWith('.label')) return key(long ? 'figureLabelTooLong' : 'figureLabelRequired');
  if (path.endsWith('.value')) return key(long ? 'figureValueTooLong' : 'figureValueRequired');
  return key('rejected');
}

/**
 * The report the API takes for this due item. A row left wholly empty is not a figure (and is left out); a row
 * with one half filled in asks for the other half.
 */
export function reportSchema(
  target: {
    agreementId: string;
    dutyId: string;
    period: string;
    party?: string;
  },
  /** The duty's data specification: its figures are read and checked with core's rule (`validateDelivery`). */
  spec: readonly DataField[] = [],
  locale: AppLocale = 'nl-NL',
) {
  return formSchema<ReportValues, ReportSubmitInput>({
    read: (values) => {
      const figures = values.figures.map((row) => ({ label: row.label.trim(), value: row.value.trim() }));
      const rows = figures.flatMap((f, i) => (f.label === '' && f.value === '' ? [] : [i]));
      const kept = rows.map((i) => figures[i]);
      const data = spec.length > 0 ? readDelivery(spec, values.data, locale) : undefined;
      return {
        input: {
          ...target,
          summary: values.summary.trim(),
          ...(kept.length > 0 ? { figures: kept } : {}),
          ...(data ? { data } : {}),
        },
        issues: data ? deliveryIssues(spec, data) : undefined,
        rename: (path) =>
          path.replace(/^figures\.(\d+)/, (_, n: string) => `figures.${rows[Number(n)] ?? n}`),
      };
    },
    schema: reportSubmitSchema,
    explain: keyAt(reportMessage),
  });
}
