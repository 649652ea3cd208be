import {
  type RealisationCorrection,
  type RealisationInput,
  realisationCorrectionSchema,
  realisationInputSchema,
  yearCeilingsSchema,
} from '@regie/core/browser';
import { formSchema, type IssueAt, keyAt, optionalText } from '../../lib/form-schema';
import {
  type AppLocale,
  formatAmount,
  parseMoneyToCents,
  parseMonth,
  parseWholeNumber,
} from '../../lib/format';

/**
 * The budget's forms — "Realisatie vastleggen", "Realisatie corrigeren" and "Plafonds per jaar" — as typed, read
 * into the API's input (euros, months, counts in Dutch) and checked with the API's own schemas from core.
 * Message values are i18n keys.
 */

export interface RealisationValues {
  /** `YYYY-MM` from a month field; typed by hand where the browser has no month picker. */
  period: string;
  /** Euros as typed: `8.000,00`. Named as the API's field, so its issues land here. */
  amountCents: string;
  volume: string;
  productLineId: string;
  note: string;
  /** On a region's agreement: the member municipality the entry belongs to (its space), or empty for none. */
  member: string;
}

export const REALISATION_FIELDS = [
  'period',
  'amountCents',
  'volume',
  'productLineId',
  'member',
  'note',
] as const;
export const NOTE_LIMIT = 500;
export const REASON_LIMIT = 500;

export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export function emptyRealisation(period: string): RealisationValues {
  return { period, amountCents: '', volume: '', productLineId: '', note: '', member: '' };
}

const budgetKey = (name: string) => `budget.errors.${name}`;

/** The entry as typed → the API's entry, and the fields whose text cannot be read (path → message key). */
export function parseRealisation(values: RealisationValues, locale: AppLocale, at = '') {
  const errors: Record<string, string> = {};
  const period = parseMonth(values.period);
  if (values.period.trim() === '') errors[`${at}period`] = budgetKey('monthRequired');
  else if (!period) errors[`${at}period`] = budgetKey('monthInvalid');
  const amount = parseMoneyToCents(values.amountCents, locale);
  if (!amount.ok)
    errors[`${at}amountCents`] = budgetKey(amount.reason === 'negative' ? 'amountNegative' : 'amountInvalid');
  else if (amount.cents === null) errors[`${at}amountCents`] = budgetKey('amountRequired');
  const volume = parseWholeNumber(values.volume);
  if (Number.isNaN(volume)) errors[`${at}volume`] = budgetKey('volumeInvalid');
  const note = optionalText(values.note);
  const input = {
    period: period ?? values.period,
    amountCents: amount.ok ? (amount.cents ?? undefined) : Number.NaN,
    ...(volume !== null ? { volume } : {}),
    ...(values.productLineId ? { productLineId: values.productLineId } : {}),
    ...(note ? { note } : {}),
    ...(values.member ? { member: values.member } : {}),
  };
  return { input, issues: errors };
}

/** The message key for an issue of `realisationInputSchema` at `<at><field>`. */
export function realisationMessage(field: string): string {
  switch (field) {
    case 'period':
      return budgetKey('monthInvalid');
    case 'amountCents':
      return budgetKey('amountInvalid');
    case 'volume':
      return budgetKey('volumeInvalid');
    case 'productLineId':
      return budgetKey('lineUnknown');
    case 'note':
      return budgetKey('noteTooLong');
    case 'member':
      return budgetKey('memberUnknown');
    default:
      return budgetKey('rejected');
  }
}

/**
 * An entry must name one of the agreement's own product lines, and a member only one of the owning region's
 * members (`members`; none outside a region's agreement). The server refuses others too.
 */
const knownLine =
  (lineIds: readonly string[], at: string, members: readonly string[] = []) =>
  (entry: RealisationInput | null) => ({
    ...(entry?.productLineId && !lineIds.includes(entry.productLineId)
      ? { [`${at}productLineId`]: budgetKey('lineUnknown') }
      : {}),
    ...(members.length > 0 && entry?.member !== undefined && !members.includes(entry.member)
      ? { [`${at}member`]: budgetKey('memberUnknown') }
      : {}),
  });

export function realisationSchema(
  locale: AppLocale,
  lineIds: readonly string[],
  members: readonly string[] = [],
) {
  return formSchema<RealisationValues, RealisationInput>({
    read: (values) => parseRealisation(values, locale),
    schema: realisationInputSchema,
    explain: (_issue, path) => realisationMessage(path),
    check: knownLine(lineIds, '', members),
  });
}

// ——— Correcting an entry ———

export interface CorrectionValues {
  realisation: RealisationValues;
  reason: string;
  /** Set by the "Terugdraaien" button: reverse the entry, so only the reason is checked. */
  reverse: boolean;
}

/** The entry as the form shows it, in the user's number format. */
export function correctionValues(r: RealisationInput, locale: AppLocale): CorrectionValues {
  return {
    realisation: {
      period: r.period,
      amountCents: formatAmount(r.amountCents, locale),
      volume: r.volume === undefined ? '' : String(r.volume),
      productLineId: r.productLineId ?? '',
      note: r.note ?? '',
      member: r.member ?? '',
    },
    reason: '',
    reverse: false,
  };
}

export function correctionMessage({ path, code }: IssueAt): string {
  if (path === 'reason')
    return `bounds.correction.errors.${code === 'too_big' ? 'reasonTooLong' : 'reasonRequired'}`;
  return realisationMessage(path.replace(/^realisation\./, ''));
}

/** The correction the API takes: the corrected entry, or null to reverse it, with the version seen. */
export function correctionSchema(
  target: { agreementId: string; realisationId: string; expectedVersion: number },
  locale: AppLocale,
  lineIds: readonly string[],
  members: readonly string[] = [],
) {
  return formSchema<CorrectionValues, RealisationCorrection>({
    read: (values) => {
      const entry = values.reverse ? null : parseRealisation(values.realisation, locale, 'realisation.');
      return {
        input: { ...target, realisation: entry?.input ?? null, reason: values.reason.trim() },
        issues: entry?.issues ?? {},
      };
    },
    schema: realisationCorrectionSchema,
    explain: keyAt(correctionMessage),
    check: (correction) => knownLine(lineIds, 'realisation.', members)(correction.realisation),
  });
}

// ——— Ceilings per year ———

export interface YearCeilingRow {
  year: string;
  /** Euros as typed; named as the API's field, so its issues land here. */
  cents: string;
}
export interface YearCeilingValues {
  yearCeilings: YearCeilingRow[];
}
export const YEAR_CEILING_LIMIT = 30;

export function yearCeilingRows(
  ceilings: readonly { year: number; cents: number }[],
  locale: AppLocale,
): YearCeilingRow[] {
  return ceilings.map((c) => ({ year: String(c.year), cents: formatAmount(c.cents, locale) }));
}

const yearKey = (name: string) => `bounds.yearCeilings.errors.${name}`;

export function yearCeilingMessage({ path, code }: IssueAt): string {
  if (path === 'yearCeilings') return yearKey('tooMany');
  if (path.endsWith('.year')) return yearKey(code === 'custom' ? 'yearDuplicate' : 'yearInvalid');
  return yearKey('amountInvalid');
}

/** The ceilings as the API takes them (`yearCeilingsSchema`), sorted by year. */
export function yearCeilingsSchemaFor(locale: AppLocale) {
  return formSchema<YearCeilingValues, { year: number; cents: number }[]>({
    at: 'yearCeilings',
    read: ({ yearCeilings }) => {
      const errors: Record<string, string> = {};
      const input = yearCeilings.map((row, i) => {
        const yearText = row.year.trim();
        if (!/^\d{4}$/.test(yearText)) errors[`yearCeilings.${i}.year`] = yearKey('yearInvalid');
        const amount = parseMoneyToCents(row.cents, locale);
        if (!amount.ok || amount.cents === null) errors[`yearCeilings.${i}.cents`] = yearKey('amountInvalid');
        // A year that cannot be read is not compared with the others (its own error says what is wrong).
        return {
          year: /^\d{4}$/.test(yearText) ? Number(yearText) : -i - 1,
          cents: amount.ok ? (amount.cents ?? 0) : 0,
        };
      });
      return { input, issues: errors };
    },
    schema: yearCeilingsSchema(),
    explain: keyAt(yearCeilingMessage),
  });
}
