import { type DataField, type DeliveryIssue, validateDelivery } from '@regie/core/browser';
import type { FormIssue } from '../../lib/form-schema';
import { type AppLocale, readCents, readDecimal } from '../../lib/format';

/**
 * The figures of a report under a duty with a data specification (issue 15 point 3), as typed: one text per field.
 * They are read into typed numbers (Dutch first: `7,5`, `1.234,56`, a count `1.200`), then checked with core's own
 * rule (`validateDelivery`), the same the API runs: each issue is shown at its field.
 */
export type DeliveryValues = Record<string, string>;

export function emptyDelivery(spec: readonly DataField[]): DeliveryValues {
  return Object.fromEntries(spec.map((f) => [f.key, '']));
}

/** A count as typed: `12`, or with Dutch thousands grouping `1.200`; else as a decimal (so `1,5` says "whole"). */
function readCount(text: string): number | string | undefined {
  const grouped = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(grouped)) return Number(grouped.replace(/\./g, ''));
  return readDecimal(text);
}

/** One field's text → its value for the API (a number) or, when it does not read as one, the text itself. */
export function readField(field: DataField, text: string, locale: AppLocale): number | string | undefined {
  switch (field.type) {
    case 'amount':
      return readCents(text, locale);
    case 'count':
      return readCount(text);
    case 'percentage':
      return readDecimal(text.trim().replace(/\s*%$/, ''));
    case 'weeks':
      return readDecimal(text);
  }
}

/** Every field read; empty fields are left out. */
export function readDelivery(
  spec: readonly DataField[],
  values: DeliveryValues | undefined,
  locale: AppLocale,
): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const field of spec) {
    const value = readField(field, values?.[field.key] ?? '', locale);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/** The i18n key that says an issue of core's rule, by its reason and the field's type. */
export function deliveryIssueKey(issue: DeliveryIssue, spec: readonly DataField[]): string {
  const type = spec.find((f) => f.key === issue.field)?.type ?? 'count';
  switch (issue.reason) {
    case 'delivery.fieldRequired':
      return 'deliveries.errors.fieldRequired';
    case 'delivery.notANumber':
      return 'deliveries.errors.notANumber';
    case 'delivery.outOfRange':
      return `deliveries.errors.outOfRange.${type}`;
    case 'delivery.tooManyDecimals':
      return `deliveries.errors.tooManyDecimals.${type}`;
    case 'delivery.unknownField':
      return 'deliveries.errors.unknownField';
  }
}

/** core's rule over what was read: each issue at its form field (`data.<key>`). */
export function deliveryIssues(spec: readonly DataField[], data: Record<string, unknown>): FormIssue[] {
  return validateDelivery(spec, data).map((issue) => ({
    field: `data.${issue.field}`,
    key: deliveryIssueKey(issue, spec),
  }));
}
