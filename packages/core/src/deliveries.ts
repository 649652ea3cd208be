import * as z from 'zod/mini';
import { DomainError, type ParamValue, type Reason } from './errors.ts';
import type { KpiDefinition, KpiResult } from './kpi.ts';
import { text } from './schema.ts';

/**
 * Structured data deliveries (issue 15 point 3, SPEC §4.3): a periodic duty may carry a data specification — the
 * figures the provider delivers with each report, each with a name, a unit, a type and whether it is required.
 * A report under such a duty is checked against it field by field (`validateDelivery`, the same rule in the API and
 * in the form), and the delivered figures form a time series per field (`deliverySeries`) that a KPI may name as its
 * source (`sourcedResults`).
 *
 * Values are typed numbers: a count a whole number, an amount whole euro cents, a percentage 0–100 with at most
 * one decimal, weeks with at most one decimal.
 */
export const DATA_FIELD_TYPES = ['count', 'amount', 'percentage', 'weeks'] as const;
export type DataFieldType = (typeof DATA_FIELD_TYPES)[number];

/** The bounds of each type: the smallest and largest value and the decimals allowed (amounts are in cents). */
export const DATA_FIELD_BOUNDS: Record<DataFieldType, { min: number; max: number; decimals: number }> = {
  count: { min: 0, max: 1_000_000_000, decimals: 0 },
  amount: { min: 0, max: 1_000_000_000_000, decimals: 0 },
  percentage: { min: 0, max: 100, decimals: 1 },
  weeks: { min: 0, max: 520, decimals: 1 },
};

export const MAX_DATA_FIELDS = 30;

/** A field's key: a slug, stable across versions of the terms (the series and KPI sources name it). */
export const DATA_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const dataFieldKeySchema = () => z.string().check(z.regex(DATA_FIELD_KEY, 'Invalid field key'));

export const dataFieldSchema = z.strictObject({
  key: dataFieldKeySchema(),
  label: text(80, 1),
  /** What the number counts or measures (`cliënten`, `weken`); empty where the type says it (amount, percentage). */
  unit: z.optional(text(30)),
  type: z.enum(DATA_FIELD_TYPES),
  required: z.boolean(),
});
export type DataField = z.infer<typeof dataFieldSchema>;

export const dataSpecSchema = z.array(dataFieldSchema).check(
  z.minLength(1),
  z.maxLength(MAX_DATA_FIELDS),
  z.superRefine((fields, ctx) => {
    fields.forEach((f, i) => {
      if (fields.findIndex((other) => other.key === f.key) < i)
        ctx.addIssue({
          code: 'custom',
          message: 'Each field key may appear once',
          path: [i, 'key'],
          input: f.key,
          params: { reason: 'delivery.keysUnique' },
        });
    });
  }),
);
export type DataSpec = z.infer<typeof dataSpecSchema>;

/** The delivered figures of a report: field key → value (an amount in cents). Unknown keys are refused. */
export const deliveryDataSchema = z.record(
  dataFieldKeySchema(),
  z.number().check(z.gte(-1_000_000_000_000), z.lte(1_000_000_000_000)),
);
export type DeliveryData = Record<string, number>;

export type DeliveryReason =
  | 'delivery.fieldRequired'
  | 'delivery.notANumber'
  | 'delivery.outOfRange'
  | 'delivery.tooManyDecimals'
  | 'delivery.unknownField';

/** One field's problem: where (the field key), the reason key and its parameters. */
export interface DeliveryIssue {
  field: string;
  reason: DeliveryReason;
  params: Record<string, ParamValue>;
}

const hasDecimalsAtMost = (value: number, decimals: number) => {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

/**
 * Checks delivered figures against a data specification, every field (in the specification's order, then unknown
 * keys). A value the form could not read arrives as its text and is `notANumber`; empty (undefined, null, '') is
 * missing: an issue only for a required field.
 */
export function validateDelivery(
  spec: readonly DataField[],
  data: Readonly<Record<string, unknown>>,
): DeliveryIssue[] {
  const issues: DeliveryIssue[] = [];
  for (const field of spec) {
    const value = data[field.key];
    const at = (reason: DeliveryReason, extra: Record<string, ParamValue> = {}) =>
      issues.push({ field: field.key, reason, params: { field: field.key, ...extra } });
    if (value === undefined || value === null || value === '') {
      if (field.required) at('delivery.fieldRequired');
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      at('delivery.notANumber');
      continue;
    }
    const bounds = DATA_FIELD_BOUNDS[field.type];
    if (value < bounds.min || value > bounds.max) {
      at('delivery.outOfRange', { type: field.type, min: bounds.min, max: bounds.max });
      continue;
    }
    if (!hasDecimalsAtMost(value, bounds.decimals))
      at('delivery.tooManyDecimals', { type: field.type, decimals: bounds.decimals });
  }
  for (const key of Object.keys(data)) {
    if (!spec.some((f) => f.key === key))
      issues.push({ field: key, reason: 'delivery.unknownField', params: { field: key } });
  }
  return issues;
}

/**
 * The API's check of a report's figures under a duty: with a specification every issue is a BAD_REQUEST; the first
 * is thrown, at `data.<field>` with the field's key in its params. Figures for a duty without one are refused too.
 */
export function assertDelivery(spec: readonly DataField[] | undefined, data: DeliveryData | undefined): void {
  if (!spec || spec.length === 0) {
    if (data !== undefined)
      throw new DomainError('BAD_REQUEST', 'delivery.noSpec', {
        field: 'data',
        message: 'This duty asks for no structured figures',
      });
    return;
  }
  const issue = validateDelivery(spec, data ?? {})[0];
  if (issue)
    throw new DomainError<Reason>('BAD_REQUEST', issue.reason, {
      params: issue.params,
      field: `data.${issue.field}`,
      message: `${issue.reason} at ${issue.field}`,
    } as never);
}

/** A report as the series reads it: its duty, period, party and the delivered figures. */
export interface DeliveredReport {
  dutyId: string;
  period: string;
  submittedAt: string;
  submittedBy: string;
  side: 'provider' | 'municipality';
  data?: DeliveryData;
  party?: string;
  partyName?: string;
}

export interface SeriesPoint {
  period: string;
  value: number;
  party?: string;
  partyName?: string;
}

export interface DeliverySeries {
  dutyId: string;
  dutyTitle: string;
  fields: (DataField & { points: SeriesPoint[] })[];
}

/**
 * Per duty with a specification, per field, the delivered values by period (oldest first, then by party): the time
 * series the agreement shows. A field left empty in a period has no point there.
 */
export function deliverySeries(
  duties: readonly { id: string; title: string; kind: string; dataSpec?: readonly DataField[] }[],
  reports: readonly DeliveredReport[],
): DeliverySeries[] {
  const ordered = [...reports].sort((a, b) =>
    a.period !== b.period
      ? a.period < b.period
        ? -1
        : 1
      : (a.partyName ?? '') < (b.partyName ?? '')
        ? -1
        : 1,
  );
  return duties.flatMap((duty) =>
    duty.kind === 'periodic' && duty.dataSpec && duty.dataSpec.length > 0
      ? [
          {
            dutyId: duty.id,
            dutyTitle: duty.title,
            fields: duty.dataSpec.map((field) => ({
              ...field,
              points: ordered.flatMap((r) => {
                const value = r.dutyId === duty.id ? r.data?.[field.key] : undefined;
                return value === undefined
                  ? []
                  : [
                      {
                        period: r.period,
                        value,
                        ...(r.party ? { party: r.party, partyName: r.partyName } : {}),
                      },
                    ];
              }),
            })),
          },
        ]
      : [],
  );
}

/**
 * The results of a KPI whose source is a delivered field: one per report that delivered that field, with the
 * report's period, party and time. Such a result is not entered by hand, so it has no comments and version 0.
 */
export function sourcedResults(kpi: KpiDefinition, reports: readonly DeliveredReport[]): KpiResult[] {
  const source = kpi.source;
  if (!source) return [];
  return reports.flatMap((r) => {
    const value = r.dutyId === source.dutyId ? r.data?.[source.field] : undefined;
    if (value === undefined) return [];
    return [
      {
        kpiId: kpi.id,
        period: r.period,
        value,
        onTarget: kpi.direction === 'higher' ? value >= kpi.target : value <= kpi.target,
        recordedAt: r.submittedAt,
        recordedBy: r.submittedBy,
        side: r.side,
        comments: [],
        version: 0,
        source: 'delivery' as const,
        ...(r.party ? { party: r.party, partyName: r.partyName } : {}),
      },
    ];
  });
}

/**
 * A KPI's source must name a field of a periodic duty's specification of the same frequency (so its periods are the
 * KPI's). Returns the first KPI whose source does not, or null.
 */
export function invalidKpiSource(
  kpis: readonly Pick<KpiDefinition, 'id' | 'frequency' | 'source'>[],
  duties: readonly { id: string; kind: string; frequency?: string; dataSpec?: readonly DataField[] }[],
): number | null {
  const index = kpis.findIndex((kpi) => {
    if (!kpi.source) return false;
    const duty = duties.find((d) => d.id === kpi.source!.dutyId && d.kind === 'periodic');
    return (
      !duty || duty.frequency !== kpi.frequency || !duty.dataSpec?.some((f) => f.key === kpi.source!.field)
    );
  });
  return index < 0 ? null : index;
}
