import type { TFunction } from 'i18next';
import {
  allocationMethodLabel,
  domainLabel,
  frequencyLabel,
  kindLabel,
  partyRoleLabel,
  statusLabel,
  unitLabel,
  variantLabel,
} from '../../lib/agreements/labels';
import { type AppLocale, formatDateLong, formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { dutyLabel, reportingFrequencyLabel } from '../../lib/steering/labels';
import { catalogueText } from './services-present';

/**
 * Values of an agreement's fields as a person reads them (for the version diff and the audit trail): money in
 * euros, dates in Dutch, codes by their name. Anything of an unexpected shape is shown as JSON rather than lost.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function monthsText(t: TFunction, months: number): string {
  return t('agreementDetail.months', { count: months });
}

/** `1 van 2 gebruikt, telkens 12 maanden`. */
export function renewalText(
  t: TFunction,
  renewal: { options: number; monthsEach: number; used?: number } | null,
): string {
  if (!renewal || renewal.options === 0) return t('agreementDetail.noRenewal');
  return t('agreementDetail.renewalValue', {
    used: renewal.used ?? 0,
    options: renewal.options,
    each: monthsText(t, renewal.monthsEach),
  });
}

/** A member's weight under a key: a percentage, inhabitants or units. */
export function weightText(t: TFunction, locale: AppLocale, method: string, weight: number): string {
  if (method === 'fixed') return formatPercent(weight, locale);
  if (method === 'usage')
    return t('allocation.units', { count: weight, value: formatNumber(weight, locale) });
  return t('allocation.inhabitants', { count: weight, value: formatNumber(weight, locale) });
}

/** The key's method in words, with its reference date and source or its base part where it has them. */
export function allocationText(t: TFunction, locale: AppLocale, key: unknown): string {
  if (!isRecord(key)) return JSON.stringify(key);
  const method = str(key.method) ?? '';
  const parts = [allocationMethodLabel(t, method)];
  const date = str(key.referenceDate);
  const source = str(key.source);
  const base = num(key.baseBasisPoints);
  if (date) parts.push(t('allocation.referenceDateText', { date: formatDateLong(date, locale) }));
  if (source) parts.push(t('allocation.sourceText', { source }));
  if (base !== undefined) parts.push(t('allocation.baseText', { base: formatPercent(base, locale) }));
  return parts.join(', ');
}

function lineText(t: TFunction, locale: AppLocale, line: Record<string, unknown>): string {
  const parts = [`${str(line.category) ?? ''} ${str(line.productCode) ?? ''}`.trim()];
  const description = str(line.description);
  if (description) parts.push(description);
  parts.push(variantLabel(t, str(line.variant) ?? ''));
  const tariff = num(line.tariffCents);
  if (tariff !== undefined) parts.push(formatMoney(tariff, locale));
  const lumpSum = num(line.lumpSumCents);
  if (lumpSum !== undefined) parts.push(formatMoney(lumpSum, locale));
  return parts.filter(Boolean).join(' · ');
}

/** A duty as one line: `Kwartaalrapportage (per kwartaal, 30 dagen na afloop van de periode)`. */
function dutyText(t: TFunction, duty: Record<string, unknown>): string {
  const title = str(duty.title) ?? '';
  const frequency = str(duty.frequency);
  const dueDays = num(duty.dueDays);
  const event = str(duty.event);
  const responseDays = num(duty.responseDays);
  const parts =
    duty.kind === 'periodic'
      ? [
          frequency ? reportingFrequencyLabel(t, frequency) : '',
          dueDays === undefined ? '' : t('reports.section.dueDays', { count: dueDays }),
        ]
      : [
          event ? dutyLabel(t, event) : '',
          responseDays === undefined ? '' : t('reports.section.responseDays', { count: responseDays }),
        ];
  const detail = parts.filter(Boolean).join(', ');
  return detail ? `${title} (${detail})` : title;
}

/** One value of a product line's field. */
export function lineValueText(t: TFunction, locale: AppLocale, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('agreementDetail.none');
  if (field.endsWith('Cents') && typeof value === 'number') return formatMoney(value, locale);
  if (field === 'variant') return variantLabel(t, String(value));
  if (field === 'unit') return unitLabel(t, String(value));
  if (field === 'frequency') return frequencyLabel(t, String(value));
  if (field === 'volumeCeiling' && typeof value === 'number') return formatNumber(value, locale);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One value of an agreement's field, by the field's name. */
export function termValueText(t: TFunction, locale: AppLocale, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('agreementDetail.none');
  switch (field) {
    case 'kind':
      return kindLabel(t, String(value));
    case 'status':
      return statusLabel(t, String(value));
    case 'domain':
      return domainLabel(t, String(value));
    case 'startDate':
    case 'endDate':
      return formatDateLong(String(value), locale);
    case 'valueCeilingCents':
    case 'spentCents':
      return typeof value === 'number' ? formatMoney(value, locale) : String(value);
    case 'duties':
      return Array.isArray(value) && value.length > 0
        ? value.map((duty) => (isRecord(duty) ? dutyText(t, duty) : '')).join('; ')
        : t('agreementDetail.none');
    case 'noticePeriodMonths':
      return typeof value === 'number' ? monthsText(t, value) : String(value);
    case 'renewal':
      return isRecord(value) && typeof value.options === 'number' && typeof value.monthsEach === 'number'
        ? renewalText(t, { options: value.options, monthsEach: value.monthsEach, used: num(value.used) })
        : JSON.stringify(value);
    case 'parties':
      return Array.isArray(value) && value.length > 0
        ? value
            .map((p) =>
              isRecord(p)
                ? `${str(p.name) ?? str(p.organisationId)} (${partyRoleLabel(t, str(p.role) ?? '')})`
                : '',
            )
            .join('; ')
        : t('agreementDetail.none');
    case 'productLines':
      return Array.isArray(value) && value.length > 0
        ? value.map((line) => (isRecord(line) ? lineText(t, locale, line) : '')).join('; ')
        : t('agreementDetail.none');
    case 'allocationKey':
      return allocationText(t, locale, value);
    case 'services':
      return Array.isArray(value) && value.length > 0
        ? catalogueText(t, locale, value)
        : t('agreementDetail.none');
    default:
      // A realisation in the audit trail: `realisation.2026-11` with its amount in cents.
      if (field.startsWith('realisation.') && typeof value === 'number') return formatMoney(value, locale);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
}
