import type { nl } from '../../i18n/nl';
import type { RealisationInput } from '../../lib/budget/model';
import type { FieldIssue } from '../../lib/errors';
import { type AppLocale, parseMoneyToCents } from '../../lib/format';

/**
 * The "Realisatie vastleggen" form: values as typed, checks mirroring `realisationInputSchema`
 * (packages/core/src/budget.ts; the server checks again) and the API input. Paths are the API's, without the
 * `realisation.` prefix.
 */

export type BudgetErrorKey = keyof (typeof nl)['budget']['errors'];
export type BudgetError = { key: BudgetErrorKey } | { text: string };
export type BudgetErrors = Record<string, BudgetError>;

export const REALISATION_LIMITS = { note: 500, volume: 100_000_000 } as const;

export interface RealisationValues {
  /** `YYYY-MM` from a month field; typed by hand where the browser has no month picker. */
  period: string;
  /** Euros as typed: `8.000,00`. */
  amount: string;
  volume: string;
  productLineId: string;
  note: string;
}

export const REALISATION_FIELDS = ['period', 'amountCents', 'volume', 'productLineId', 'note'] as const;

export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export function emptyRealisation(period: string): RealisationValues {
  return { period, amount: '', volume: '', productLineId: '', note: '' };
}

/**
 * A month as `YYYY-MM`. Besides the month field's own value, what people type where a browser shows a plain
 * text box: `11-2026`, `11/2026`, `2026/11`, `2026-1`.
 */
export function parseMonth(input: string): string | null {
  const text = input.trim();
  const yearFirst = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  const monthFirst = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  const [year, month] = yearFirst
    ? [yearFirst[1], yearFirst[2]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1]]
      : [undefined, undefined];
  if (!year || !month) return null;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  return `${year}-${String(m).padStart(2, '0')}`;
}

export type RealisationValidation =
  | { ok: true; input: RealisationInput }
  | { ok: false; errors: BudgetErrors };

export function validateRealisation(
  values: RealisationValues,
  locale: AppLocale,
  lineIds: readonly string[],
): RealisationValidation {
  const errors: BudgetErrors = {};
  const period = parseMonth(values.period);
  if (values.period.trim() === '') errors.period = { key: 'monthRequired' };
  else if (!period) errors.period = { key: 'monthInvalid' };

  const amount = parseMoneyToCents(values.amount, locale);
  if (!amount.ok)
    errors.amountCents = { key: amount.reason === 'negative' ? 'amountNegative' : 'amountInvalid' };
  else if (amount.cents === null) errors.amountCents = { key: 'amountRequired' };

  const volumeText = values.volume.trim().replace(/[.\s]/g, '');
  let volume: number | undefined;
  if (volumeText !== '') {
    if (!/^\d+$/.test(volumeText) || Number(volumeText) > REALISATION_LIMITS.volume)
      errors.volume = { key: 'volumeInvalid' };
    else volume = Number(volumeText);
  }

  if (values.productLineId !== '' && !lineIds.includes(values.productLineId))
    errors.productLineId = { key: 'lineUnknown' };

  const note = values.note.trim();
  if (note.length > REALISATION_LIMITS.note) errors.note = { key: 'noteTooLong' };

  if (Object.keys(errors).length > 0 || !period || !amount.ok || amount.cents === null)
    return { ok: false, errors };
  return {
    ok: true,
    input: {
      period,
      amountCents: amount.cents,
      ...(volume !== undefined ? { volume } : {}),
      ...(values.productLineId ? { productLineId: values.productLineId } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** A BAD_REQUEST's issues on the form's fields (`realisation.amountCents` → `amountCents`), the rest apart. */
export function realisationIssues(issues: FieldIssue[]): { errors: BudgetErrors; other: string[] } {
  const errors: BudgetErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = issue.path.replace(/^realisation\./, '').split('.')[0] ?? '';
    if ((REALISATION_FIELDS as readonly string[]).includes(field)) {
      if (!errors[field])
        errors[field] =
          field === 'productLineId' && /no product line/.test(issue.message)
            ? { key: 'lineUnknown' }
            : { text: issue.message };
    } else other.push(issue.message);
  }
  return { errors, other };
}
